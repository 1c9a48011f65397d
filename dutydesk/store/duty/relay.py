"""上传下达 (D18, seed 000): notices received from the township and relayed to whom they concern,
and matters the desk passed up to the township, each with date, sender, receiver, what and when.

A notice received but not yet relayed is an open matter (待跟进) from the day after it came in
(``RELAY_DAYS`` working days, a setting). Wrong entries are voided with a reason (A03).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import CharField, DateField, DateTimeField, TextField

from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.settings import declare
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store import audit, open_matters
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel
from dutydesk.store.search_index import SearchDoc, register
from dutydesk.store.settings import get_setting

DOWN = "下达"  # received from the township, relayed down
UP = "上报"  # passed up to the township
DIRECTIONS = {DOWN: "收到上级通知", UP: "向上级报送"}
RELAY_HOW = ("当面告知", "电话通知", "微信群", "张贴公告", "广播", "会议传达", "书面报送")

RELAY_DAYS = declare("relay.days_to_relay", 1, "收到上级通知后传达期限（工作日）", "D18")


class RelayEntry(BaseModel, VoidableMixin):
    direction = CharField()  # DOWN / UP
    day = DateField()  # received (DOWN) or sent (UP)
    counterpart = CharField()  # the sending office (DOWN) or the receiving office (UP)
    subject = TextField()
    detail = TextField(default="")
    relayed_to = TextField(default="")  # DOWN: to whom it was passed on
    relayed_at = DateTimeField(null=True)
    relay_how = CharField(default="")
    handled_by = CharField(default="")
    recorded_at = DateTimeField()
    recorded_by = CharField()

    @property
    def relayed(self) -> bool:
        return self.relayed_at is not None

    @property
    def status_text(self) -> str:
        if self.voided_at is not None:
            return "已作废"
        if self.direction == UP:
            return "已报送"
        return f"已传达（{self.relayed_at:%m-%d %H:%M}）" if self.relayed else "未传达"


class RelayInvalid(FieldErrors):
    """An entry of the 上传下达 register that cannot be saved, per form field."""


@dataclass
class RelayDraft:
    direction: str
    day: dt.date
    counterpart: str
    subject: str
    detail: str = ""
    handled_by: str = ""
    relayed_to: str = ""  # UP: leave empty (the counterpart receives it); DOWN: fill when relayed at once
    relay_how: str = ""


def _relay_errors(to: str, how: str) -> dict[str, str]:
    errors = {}
    if not to.strip():
        errors["relayed_to"] = "请填写传达对象（向谁传达）"
    if not how.strip():
        errors["relay_how"] = "请选择或填写传达方式"
    return errors


def record_entry(draft: RelayDraft, who: str, at: dt.datetime) -> RelayEntry:
    """D18: log a notice received (relayed at once when ``relayed_to`` is given) or a matter passed up."""
    errors: dict[str, str] = {}
    if draft.direction not in DIRECTIONS:
        errors["direction"] = "请选择登记类别"
    if draft.day > at.date():
        errors["day"] = "日期不能晚于今天"
    if not draft.counterpart.strip():
        errors["counterpart"] = "请填写来文单位" if draft.direction == DOWN else "请填写报送单位"
    if not draft.subject.strip():
        errors["subject"] = "请填写事由"
    relayed_now = draft.direction == UP or bool(draft.relayed_to.strip())
    if draft.direction == DOWN and draft.relayed_to.strip():
        errors.update(_relay_errors(draft.relayed_to, draft.relay_how))
    if errors:
        raise RelayInvalid(errors)
    to = draft.counterpart if draft.direction == UP else draft.relayed_to
    return audit.create(
        RelayEntry, who, at, direction=draft.direction, day=draft.day, counterpart=draft.counterpart.strip(),
        subject=draft.subject.strip(), detail=draft.detail.strip(), relayed_to=to.strip(),
        relayed_at=at if relayed_now else None, relay_how=draft.relay_how.strip(),
        handled_by=(draft.handled_by or who).strip(), recorded_at=at, recorded_by=who)


def mark_relayed(entry: RelayEntry, to: str, how: str, who: str, at: dt.datetime) -> RelayEntry:
    """D18: a received notice was passed on: to whom, how, and now."""
    errors = _relay_errors(to, how)
    if entry.voided_at is not None:
        errors["entry"] = "该登记已作废"
    elif entry.relayed:
        errors["entry"] = f"该通知已于{entry.relayed_at:%m月%d日 %H:%M}传达"
    if errors:
        raise RelayInvalid(errors)
    return audit.update(entry, who, at, reason="传达", relayed_to=to.strip(), relay_how=how.strip(),
                        relayed_at=at, handled_by=who)


def void_entry(entry: RelayEntry, who: str, at: dt.datetime, reason: str) -> RelayEntry:
    return audit.void(entry, who, at, reason)


def entries_between(start: dt.date, end: dt.date) -> list[RelayEntry]:
    return list(RelayEntry.select().where(RelayEntry.day.between(start, end) & RelayEntry.voided_at.is_null())
                .order_by(RelayEntry.day, RelayEntry.id))


def relay_page(offset: int, limit: int) -> list[RelayEntry]:
    """Newest first, unrelayed notices included, for the lazily paged register."""
    return list(RelayEntry.select().where(RelayEntry.voided_at.is_null())
                .order_by(RelayEntry.day.desc(), RelayEntry.id.desc()).offset(offset).limit(limit))


def unrelayed() -> list[RelayEntry]:
    return list(RelayEntry.select().where((RelayEntry.direction == DOWN) & RelayEntry.relayed_at.is_null()
                                          & RelayEntry.voided_at.is_null()).order_by(RelayEntry.day, RelayEntry.id))


def _open_matters(today: dt.date, calendar: WorkdayCalendar) -> list[open_matters.OpenMatter]:
    """D18: notices received and not yet relayed, due ``RELAY_DAYS`` working days after receipt."""
    result = []
    for entry in unrelayed():
        due = calendar.add_workdays(entry.day, int(get_setting(RELAY_DAYS, entry.day)))
        status = "overdue" if today > due else "due_soon"
        result.append(open_matters.OpenMatter("relay", f"上级通知{entry.day:%m-%d}",
                                              f"未传达：{entry.counterpart}《{entry.subject}》", due, status, entry.id))
    return result


open_matters.PROVIDERS.append(_open_matters)


def _document(entry: RelayEntry) -> SearchDoc:
    return SearchDoc(title=f"{DIRECTIONS.get(entry.direction, entry.direction)}：{entry.subject}",
                     text=" ".join(p for p in (entry.counterpart, entry.detail, entry.relayed_to,
                                               entry.relay_how) if p),
                     day=entry.day, staff=entry.handled_by)


register(RelayEntry, "relay", "上传下达", _document, day=lambda e: e.day)
