"""Issue 16 point 6: the township's summary counts each village's month from its bundle the way
the village's own books and 月度便民服务统计报表 count it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3

import pytest

from dutydesk.desk import open_desk
from dutydesk.domain.clock import FixedClock
from dutydesk.reports.ledgers.monthly_stats import month_figures
from dutydesk.reports.ledgers.registry import Period
from dutydesk.store.datafolder import DataFolder
from dutydesk.township.summary import township_summary, village_figures
from dutydesk.township.village_month import NOT_SUBMITTED, RETURNED, VillageMonth
from tests.township.demo_villages import demo_villages, loader, months

NOV = Period.month(2026, 11)


def visit(id: int, **kw) -> dict:
    row = {"id": id, "received_at": "2026-11-02 09:00:00", "channel": "来访", "category": "政策咨询",
           "outcome": "即办", "status": "fed_back", "deadline": None, "closed_at": None, "satisfaction": "",
           "voided_at": None, "person_name": "张三", "contact": "139****0000", "request": "咨询"}
    return row | kw


def month(tables: dict, tally=(), code="350425100201", name="桃源村", period="2026-11", status="submitted"):
    return VillageMonth(code, name, period, tables, tally, status)


# --- each village's numbers against its own books -------------------------------------------

@pytest.fixture(scope="module")
def villages():
    return demo_villages()


def test_v01_each_villages_visit_total_equals_its_own_books(villages):
    this, last = months()
    summary = township_summary(this, loader(villages), trend_months=2)
    by_code = {v.code: v for v in summary.villages}
    assert sorted(by_code) == sorted(v.code for v in villages)
    for village in villages:
        assert by_code[village.code].visits == village.visits_in_books(this) > 0
        assert summary.last_month_of(village.code).visits == village.visits_in_books(last)
    assert summary.total.visits == sum(v.visits_in_books(this) for v in villages)


def test_v04_d16_completion_on_time_overdue_and_satisfaction_equal_the_villages_monthly_report(villages):
    """V04/D16: the township reads completed, on time, overdue and satisfaction off the bundle as
    each desk's 月度便民服务统计报表 reads them off its books (pauses included when carried)."""
    this, _last = months()
    for village in villages:
        with village.db() as con:
            con.row_factory = sqlite3.Row
            pauses = [dict(row) for row in con.execute("SELECT * FROM visit_pause")]
        bundle = village.months[this.slug]
        for carried in (bundle, dataclasses.replace(bundle, tables={**bundle.tables, "visit_pause": pauses})):
            mine = village_figures(carried)
            desk = open_desk(DataFolder(village.books), FixedClock(dt.datetime.combine(this.end, dt.time(20))))
            try:
                theirs = month_figures(this, desk.calendar(), desk.today())
            finally:
                desk.close()
            assert (mine.visits, mine.completed, mine.on_time, mine.overdue, mine.rated) == (
                theirs.total, len(theirs.completed), sum(1 for v in theirs.completed if v.on_time),
                theirs.overdue, len(theirs.rated))
            assert mine.satisfaction_rate == theirs.satisfaction_rate


def test_d14_g03_penalties_and_household_visits_come_from_the_villages_tally_and_books(villages):
    this, _last = months()
    summary = township_summary(this, loader(villages), trend_months=2)
    for village in villages:
        figures = next(v for v in summary.villages if v.code == village.code)
        tally = village.months[this.slug].tally
        assert figures.penalty == sum(row["penalty"] for row in tally)
        assert figures.joint_liability == sum(row["joint_liability"] for row in tally)
        assert figures.absences == sum(row["absent"] for row in tally)
        with village.db() as con:
            start, end = this.start.isoformat(), this.end.isoformat()
            assert figures.household_visits == con.execute(
                "SELECT count(*) FROM household_visit WHERE voided_at IS NULL AND day BETWEEN ? AND ?",
                (start, end)).fetchone()[0]


# --- the definitions, on rows made by hand ---------------------------------------------------

def test_a03_voided_records_never_count():
    figures = village_figures(month({"visit": [visit(1), visit(2, voided_at="2026-11-03 10:00:00")],
                                     "proxy_case": [{"id": 1, "state": "closed", "closed_at": "2026-11-05 10:00:00",
                                                     "voided_at": "2026-11-06 10:00:00"}]}))
    assert (figures.visits, figures.proxy_opened, figures.proxy_closed) == (1, 0, 0)


def test_v04_on_time_late_and_open_past_the_deadline():
    rows = [
        visit(1),  # done on the spot: completed the day it came, on time
        visit(2, outcome="转办", deadline="2026-11-06"),  # answered on the 5th: on time
        visit(3, outcome="转办", deadline="2026-11-06"),  # answered on the 10th: late, overdue
        visit(4, outcome="转办", status="in_progress", deadline="2026-11-06"),  # still open: overdue
        visit(5, outcome="转办", status="in_progress", deadline="2026-12-10"),  # open, not yet due
        visit(6, outcome="转办", deadline="2026-11-06"),  # answered after the month: open and overdue
    ]
    feedback = [{"id": 1, "visit_id": 2, "given_at": "2026-11-05 10:00:00", "voided_at": None},
                {"id": 2, "visit_id": 3, "given_at": "2026-11-10 10:00:00", "voided_at": None},
                {"id": 3, "visit_id": 3, "given_at": "2026-11-04 10:00:00", "voided_at": "2026-11-04 11:00:00"},
                {"id": 4, "visit_id": 6, "given_at": "2026-12-02 10:00:00", "voided_at": None}]
    figures = village_figures(month({"visit": rows, "visit_feedback": feedback}))
    assert (figures.visits, figures.completed, figures.on_time, figures.overdue) == (6, 3, 2, 3)
    assert figures.on_time_rate == pytest.approx(2 / 3)


def test_v04_a_pause_moves_the_deadline_when_the_bundle_carries_it():
    rows = [visit(1, outcome="转办", deadline="2026-11-06")]
    feedback = [{"id": 1, "visit_id": 1, "given_at": "2026-11-10 10:00:00", "voided_at": None}]
    pause = [{"id": 1, "visit_id": 1, "start": "2026-11-04", "end": "2026-11-06", "voided_at": None}]
    assert village_figures(month({"visit": rows, "visit_feedback": feedback})).overdue == 1
    paused = village_figures(month({"visit": rows, "visit_feedback": feedback, "visit_pause": pause}))
    assert (paused.on_time, paused.overdue) == (1, 0)


def test_d16_satisfaction_is_satisfied_and_fairly_satisfied_over_those_rated():
    rows = [visit(1, satisfaction="满意"), visit(2, satisfaction="基本满意"), visit(3, satisfaction="不满意"),
            visit(4)]
    figures = village_figures(month({"visit": rows}))
    assert (figures.rated, figures.satisfied) == (3, 2)
    assert figures.satisfaction_rate == pytest.approx(2 / 3)


def test_p08_proxy_cases_opened_and_closed_by_the_months_end():
    cases = [{"id": 1, "state": "closed", "closed_at": "2026-11-20 10:00:00", "voided_at": None},
             {"id": 2, "state": "closed", "closed_at": "2026-12-03 10:00:00", "voided_at": None},
             {"id": 3, "state": "submitted", "closed_at": None, "voided_at": None}]
    figures = village_figures(month({"proxy_case": cases}))
    assert (figures.proxy_opened, figures.proxy_closed) == (3, 1)


def test_g03_household_visits_only_where_the_village_keeps_them():
    assert village_figures(month({"visit": []})).household_visits is None
    kept = village_figures(month({"household_visit": [
        {"id": 1, "household_id": 7, "voided_at": None}, {"id": 2, "household_id": 7, "voided_at": None},
        {"id": 3, "household_id": 8, "voided_at": None}]}))
    assert (kept.household_visits, kept.households) == (3, 2)


def test_a_month_not_handed_in_has_no_figures_and_stays_out_of_the_totals():
    months_ = [month({"visit": [visit(1), visit(2)]}),
               month({}, code="350425100202", name="青石村", status=NOT_SUBMITTED),
               month({"visit": [visit(1)]}, code="350425100203", name="溪口社区", status=RETURNED)]
    summary = township_summary(NOV, lambda p: months_ if p == "2026-11" else [], trend_months=2)
    assert [(v.name, v.status_label, v.submitted) for v in summary.villages] == [
        ("桃源村", "已报送", True), ("青石村", "未报送", False), ("溪口社区", "已退回", True)]
    assert (summary.total.visits, summary.this.submitted) == (3, 2)


def test_v08_categories_across_villages_most_frequent_first_with_last_month():
    now = [month({"visit": [visit(1, category="求助"), visit(2, category="代办"), visit(3, category="代办")]}),
           month({"visit": [visit(1, category="代办")]}, code="350425100202", name="青石村")]
    before = [month({"visit": [visit(1, category="投诉举报", received_at="2026-10-05 09:00:00")]},
                    period="2026-10")]
    summary = township_summary(NOV, lambda p: {"2026-11": now, "2026-10": before}.get(p, []), trend_months=3)
    assert summary.top_categories() == [("代办", 3, 0), ("求助", 1, 0), ("投诉举报", 0, 1)]
    assert [t.period for t in summary.trend] == ["2026-09", "2026-10", "2026-11"]
    assert [t.total.visits for t in summary.trend] == [0, 1, 4]


def test_the_trend_starts_at_the_first_month_any_village_handed_in():
    """Months before the township had any village's books are left out of the trend line rather
    than drawn at zero; a month after that with nothing handed in still shows."""
    from dutydesk.township.summary import trend_series

    now = [month({"visit": [visit(1), visit(2)]})]
    before = [month({"visit": [visit(1, received_at="2026-09-05 09:00:00")]}, period="2026-09")]
    summary = township_summary(NOV, lambda p: {"2026-11": now, "2026-09": before}.get(p, []), trend_months=5)
    assert [t.period for t in summary.trend] == ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]
    labels, received, _done = trend_series(summary)
    assert labels == ["26年9月", "26年10月", "26年11月"] and received == [1, 0, 2]
