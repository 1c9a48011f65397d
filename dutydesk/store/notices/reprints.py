"""The reprint register (补打, N06): a paper printed again keeps its number and is recorded.

A one-time notice, receipt or 代办单 handed out twice must never carry two numbers (the ledger
would count the matter twice and the person could hold two "official" papers). Printing one again
is a 补打: the same number, a row saying who printed it, when and why, and the paper itself
marked 补打 so nobody takes it for a second original.
"""

from __future__ import annotations

import datetime as dt

from peewee import CharField, DateTimeField, TextField

from dutydesk.domain.field_errors import FieldErrors
from dutydesk.store import audit
from dutydesk.store.base import BaseModel, database
from dutydesk.store.notices.notice import notice_by_ref
from dutydesk.store.notices.proxy_cases import case_by_slip

PAPERS = {"notice": "一次性告知单", "receipt": "收件回执单", "slip": "代办单"}
CASE_PAPERS = ("receipt", "slip")  # the two papers of a 代办单 are reprinted together


class Reprint(BaseModel):
    paper = CharField()  # a PAPERS key
    ref = CharField()  # the paper's own number, never a new one
    reason = TextField()
    printed_at = DateTimeField()
    printed_by = CharField()
    created_at = DateTimeField()
    created_by = CharField()

    @property
    def ordinal(self) -> int:
        """Which reprint of this paper this is (1 for the first 补打)."""
        return (Reprint.select().where((Reprint.paper == self.paper) & (Reprint.ref == self.ref)
                                       & (Reprint.id <= self.id)).count())

    @property
    def mark(self) -> str:
        """What the paper says about itself (Chinese, printed beside the number)."""
        return f"补打（第{self.ordinal}次，{self.printed_at:%Y年%m月%d日} {self.printed_by}）"


class ReprintInvalid(FieldErrors):
    """Why a reprint cannot be registered, per field (``reason``, ``ref``)."""


def _check(paper: str, ref: str) -> str | None:
    """The Chinese reason the paper cannot be reprinted, or None."""
    if paper == "notice":
        notice = notice_by_ref(ref)
        if notice is None:
            return f"没有编号为{ref}的告知单"
        return "该告知单已作废，不能补打" if notice.voided_at else None
    case = case_by_slip(ref)
    if case is None:
        return f"没有单号为{ref}的代办单"
    return "该代办单已作废，不能补打" if case.voided_at else None


def register_reprints(papers: tuple[str, ...] | list[str], ref: str, reason: str, who: str,
                      at: dt.datetime) -> list[Reprint]:
    """Record that ``papers`` numbered ``ref`` are printed again (N06), in one transaction."""
    if not reason.strip():
        raise ReprintInvalid({"reason": "请填写补打原因"})
    unknown = [p for p in papers if p not in PAPERS]
    if unknown or not papers:
        raise ReprintInvalid({"ref": "不能补打这种单据"})
    with database.atomic():
        refused = {_check(paper, ref) for paper in papers} - {None}
        if refused:
            raise ReprintInvalid({"ref": refused.pop() or ""})
        return [audit.create(Reprint, who, at, paper=paper, ref=ref, reason=reason.strip(), printed_at=at,
                             printed_by=who, created_at=at, created_by=who) for paper in papers]


def reprints_of(ref: str, paper: str | None = None) -> list[Reprint]:
    """Every reprint of a number, oldest first (shown with the case or notice)."""
    query = Reprint.select().where(Reprint.ref == ref)
    if paper is not None:
        query = query.where(Reprint.paper == paper)
    return list(query.order_by(Reprint.id))
