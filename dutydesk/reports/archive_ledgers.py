"""Archive ledgers: the lookup register (查阅登记簿, A02) and the yearly archive catalogues (A04).

Both are ``reports.ledger`` declarations, so they print like every other ledger the township
receives. Personal numbers in the catalogues are masked (V09): a filed archive is read by many.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from dutydesk.domain.retention import RETENTION_LABELS
from dutydesk.reports.ledger import Column, Ledger, Table
from dutydesk.reports.ledger.masking import masked_ledger
from dutydesk.reports.ledger.model import chunked, period_text
from dutydesk.store.archive.lookup_register import LookupEntry, register_rows
from dutydesk.store.center import load_center
from dutydesk.store.privacy import mask_numbers
from dutydesk.store.search_index import SOURCES, docs_of_year

APPROVAL_LABELS = {"logged_in": "登录批准", "password": "当场输密码批准"}
LEVEL_LABELS = {"director": "主任", "principal": "主要领导"}
REGISTER_COLUMNS = (
    Column("查阅时间", 17, "datetime"), Column("查阅人", 10), Column("检索内容", 16), Column("记录类型", 10),
    Column("保管期限", 8), Column("查阅记录", 28), Column("查阅原因", 24), Column("批准人", 10),
    Column("批准方式", 20),
)


def approval_text(entry: LookupEntry) -> str:
    """Which approval (A02): the approver's standing and how they approved, e.g. 主要领导当场输密码批准."""
    return LEVEL_LABELS.get(entry.approval_level, "主任") + APPROVAL_LABELS.get(entry.approval, entry.approval)


def retention_text(entry: LookupEntry) -> str:
    return RETENTION_LABELS.get(entry.retention, "")


def _center() -> tuple[str, str]:
    profile = load_center()
    return (profile.name, profile.township) if profile else ("", "")


def _kind_label(kind: str) -> str:
    return next((s.label for s in SOURCES.values() if s.kind == kind), kind)


def _register_row(e: LookupEntry) -> tuple:
    return (e.opened_at, e.opened_by, e.query, _kind_label(e.kind), retention_text(e), e.title, e.reason,
            e.approved_by, approval_text(e))


def lookup_register_ledger(start: dt.date, end: dt.date, prepared_on: dt.date) -> Ledger:
    center, township = _center()

    def rows() -> Iterator[list]:
        for chunk in register_rows(start, end):
            yield [_register_row(e) for e in chunk]

    count = (LookupEntry.select()
             .where((LookupEntry.opened_at >= dt.datetime.combine(start, dt.time()))
                    & (LookupEntry.opened_at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time())))
             .count())
    return masked_ledger(Ledger(  # the query and record titles may quote a number (V09)
        title="档案查阅登记簿", center=center, township=township, period=period_text(start, end),
        tables=[Table(REGISTER_COLUMNS, rows, row_count=count)], prepared_on=prepared_on,
        sheet_name="查阅登记", notes=[f"共查阅 {count} 次"],
    ))


CATALOGUE_COLUMNS = (
    Column("序号", 7, "int"), Column("日期", 11, "date"), Column("标题", 28), Column("内容摘要", 48),
    Column("经办人", 10), Column("状态", 8),
)


def year_catalogue_ledger(year: int, kind: str, label: str, prepared_on: dt.date) -> Ledger:
    """The catalogue of one type of record filed for a year, from the search index (A01, A04)."""
    center, township = _center()

    def rows() -> Iterator[list]:
        numbered = (
            (n, h.day, mask_numbers(h.title), mask_numbers(h.body[:200]), h.staff, "已作废" if h.voided else "")
            for n, h in enumerate(docs_of_year(year, kind), start=1)
        )
        yield from chunked(numbered)

    return Ledger(
        title=f"{year}年{label}档案目录", center=center, township=township,
        period=period_text(dt.date(year, 1, 1), dt.date(year, 12, 31)),
        tables=[Table(CATALOGUE_COLUMNS, rows)], prepared_on=prepared_on, sheet_name=label[:30],
    )
