"""A02: 来访登记 and 代办跟踪 serve daily work (this year's records and every open matter); a
finished record of an earlier year, and any record of a filed year, opens only in 档案查询."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.store.accounts.account import Account
from dutydesk.store.archive.daily_work import ArchiveOnly, daily_case, daily_visit, in_daily_work
from dutydesk.store.archive.year_filing import close_year
from dutydesk.store.notices import proxy_cases
from dutydesk.store.visits.visit import register_visit
from dutydesk.store.visits.visit_queries import VisitFilter, visit_page
from tests.notice_helpers import new_case, seed
from tests.store.conftest import draft

LAST_YEAR = dt.datetime(2025, 6, 3, 10, 0)
EVER = VisitFilter(start=dt.date(2020, 1, 1), end=dt.date(2026, 12, 31))


@pytest.fixture
def books(desk, clock):
    """2025: one answered visit (即办) and one still in hand (转办); 2026: one answered visit."""
    clock.set(LAST_YEAR)
    done = register_visit(draft(person_name="旧已办"), desk.who, clock.now(), desk.calendar())
    still_open = register_visit(draft(person_name="旧未办", outcome="转办", transfer_to="镇民政办",
                                      transfer_contact="0571-63280000", result="", deadline_kind="review"),
                                desk.who, clock.now(), desk.calendar())
    clock.set(dt.datetime(2026, 11, 24, 9, 0))
    this_year = register_visit(draft(person_name="今年已办"), desk.who, clock.now(), desk.calendar())
    return {"done": done, "open": still_open, "this_year": this_year}


def _names(desk) -> set[str]:
    return {row.visit.person_name for row in visit_page(EVER, desk.calendar(), desk.today())}


def test_a02_visit_list_holds_this_year_and_open_matters_only(desk, books):
    assert books["open"].is_open and not books["done"].is_open
    assert _names(desk) == {"旧未办", "今年已办"}


def test_a02_finished_visit_of_an_earlier_year_is_not_openable_outside_the_archive(desk, books):
    with pytest.raises(ArchiveOnly) as exc:
        daily_visit(books["done"].id, desk.today())
    assert "2025年已办结" in str(exc.value) and "档案查询" in str(exc.value)
    assert daily_visit(books["open"].id, desk.today()).person_name == "旧未办"
    assert daily_visit(books["this_year"].id, desk.today()).person_name == "今年已办"


def test_a02_this_year_is_decided_by_the_desk_clock(desk, books, clock):
    clock.set(dt.datetime(2027, 1, 4, 9, 0))
    assert _names(desk) == {"旧未办"}  # 2026's answered visit has left daily work
    with pytest.raises(ArchiveOnly, match="2026年已办结"):
        daily_visit(books["this_year"].id, desk.today())


def test_a02_records_of_a_filed_year_are_archive_even_if_open(desk, books, clock):
    clock.set(dt.datetime(2026, 1, 5, 9, 0))
    close_year(Account.get(Account.name == "王书记"), 2025, desk.folder.path / "archive" / "2025", [],
               clock.now())
    clock.set(dt.datetime(2026, 11, 24, 9, 0))
    assert _names(desk) == {"今年已办"}
    with pytest.raises(ArchiveOnly, match="2025年已归档"):
        daily_visit(books["open"].id, desk.today())
    assert not in_daily_work(dt.date(2025, 3, 1), True, desk.today())


def test_a02_proxy_tracking_leaves_finished_cases_of_earlier_years_to_the_archive(desk, clock):
    seed(desk)
    old_open = new_case(desk, name="旧在办", at=LAST_YEAR)
    old_void = new_case(desk, name="旧作废", at=LAST_YEAR)
    proxy_cases.void_case(old_void, "单号开错", desk.who, LAST_YEAR)
    current = new_case(desk, name="今年")
    today = desk.today()
    listed = {c.person_name for c in proxy_cases.cases_page(0, 50, today=today)}
    assert listed == {"旧在办", "今年"}
    assert proxy_cases.count_cases(today=today) == 2
    assert proxy_cases.count_cases() == 3  # without a day (exports, yearly filing): every case
    with pytest.raises(ArchiveOnly, match="代办单"):
        daily_case(proxy_cases.case_by_id(old_void.id), today)
    assert daily_case(old_open, today) == old_open and daily_case(current, today) == current
    assert daily_case(None, today) is None
