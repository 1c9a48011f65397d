"""The archive boundary (A02): what 来访登记 and 代办跟踪 show and open for daily work.

Daily work is this year's records (the year of ``desk.today()``) and every matter still open,
whatever year it came in. A finished record of an earlier year, and any record of a year that
was filed (``year_filing``), belongs to the archive: it opens only through 档案查询, with an
approval and an entry in the lookup register. The lists ask the store for daily-work rows only
(``visit_condition`` / ``case_condition``), and opening one record by its id goes through
``daily_visit`` / ``daily_case``, which refuse an archive record with a Chinese message.
"""

from __future__ import annotations

import datetime as dt

from dutydesk.domain import visit_rules as rules
from dutydesk.domain.proxy_case import CaseState
from dutydesk.store.archive.year_filing import closed_years
from dutydesk.store.datafolder import DeskError
from dutydesk.store.notices.proxy_cases import ProxyCase
from dutydesk.store.visits.visit import Visit

GO_TO_ARCHIVE = "请到“档案查询”中申请查阅（须经批准并登记）"


class ArchiveOnly(DeskError):
    """A record outside daily work was asked for outside 档案查询."""


def _year_start(today: dt.date) -> dt.datetime:
    return dt.datetime(today.year, 1, 1)


def _filed_ranges(column) -> object | None:
    """``column`` falls in a filed year (None when no year is filed)."""
    cond = None
    for year in sorted(closed_years()):
        part = (column >= dt.datetime(year, 1, 1)) & (column < dt.datetime(year + 1, 1, 1))
        cond = part if cond is None else cond | part
    return cond


def visit_is_open(visit: Visit) -> bool:
    return visit.voided_at is None and visit.closed_at is None and visit.status != rules.FED_BACK


def visit_condition(today: dt.date):
    """Visits of daily work: received this year, or still open; never those of a filed year."""
    open_matter = Visit.voided_at.is_null() & Visit.closed_at.is_null() & (Visit.status != rules.FED_BACK)
    cond = (Visit.received_at >= _year_start(today)) | open_matter
    filed = _filed_ranges(Visit.received_at)
    return cond if filed is None else cond & ~filed


def case_is_open(case: ProxyCase) -> bool:
    return case.voided_at is None and case.state != CaseState.CLOSED.value


def case_condition(today: dt.date):
    """Proxy cases of daily work: accepted this year, or still open; never those of a filed year."""
    open_matter = ProxyCase.voided_at.is_null() & (ProxyCase.state != CaseState.CLOSED.value)
    cond = (ProxyCase.accepted_at >= _year_start(today)) | open_matter
    filed = _filed_ranges(ProxyCase.accepted_at)
    return cond if filed is None else cond & ~filed


def in_daily_work(day: dt.date, is_open: bool, today: dt.date) -> bool:
    """A02: this year's records and every open matter, except records of a filed year."""
    if day.year in closed_years():
        return False
    return day.year >= today.year or is_open


def _refusal(year: int, what: str) -> str:
    state = "已归档" if year in closed_years() else "已办结"
    return f"这是{year}年{state}的{what}，属于档案，不在日常工作中打开：{GO_TO_ARCHIVE}"


def daily_visit(visit_id: int, today: dt.date) -> Visit:
    """The visit, for the 来访登记 tab; ArchiveOnly for a record of the archive."""
    visit = Visit.get_or_none(Visit.id == visit_id)
    if visit is None:
        raise DeskError("没有这条来访记录")
    if not in_daily_work(visit.received_at.date(), visit_is_open(visit), today):
        raise ArchiveOnly(_refusal(visit.received_at.year, "来访记录"))
    return visit


def daily_case(case: ProxyCase | None, today: dt.date) -> ProxyCase | None:
    """The case, for 代办跟踪 (None stays None); ArchiveOnly for a case of the archive."""
    if case is None:
        return None
    if not in_daily_work(case.accepted_at.date(), case_is_open(case), today):
        raise ArchiveOnly(_refusal(case.accepted_at.year, "代办单"))
    return case
