"""Issue 16 point 5: the flags 报送情况 puts beside a village's month."""

from __future__ import annotations

from dutydesk.township.month_flags import ABSENCES, OVERDUE_RATE, month_flags
from dutydesk.township.summary import village_figures
from dutydesk.township.village_month import NOT_SUBMITTED, VillageMonth


def visit(id: int, **kw) -> dict:
    return {"id": id, "received_at": "2026-11-02 09:00:00", "channel": "来访", "category": "求助",
            "outcome": "转办", "status": "fed_back", "deadline": None, "closed_at": None, "voided_at": None} | kw


def flags(month: VillageMonth, **kw) -> list[str]:
    return month_flags(month, village_figures(month), **kw)


def test_v04_overdue_above_the_settable_rate_is_flagged():
    assert (OVERDUE_RATE.default, ABSENCES.default) == (0.1, 3)
    rows = [visit(1, status="in_progress", deadline="2026-11-05")] + [visit(i) for i in range(2, 10)]
    month = VillageMonth("350425100201", "桃源村", "2026-11", {"visit": rows})
    assert flags(month) == ["超期偏多（1件）"]  # 1 of 9 is above 10 %
    assert flags(month, overdue_rate=0.2) == []


def test_v03_matters_closed_without_feedback_are_flagged_voided_ones_not():
    rows = [visit(1, status="done", closed_at="2026-11-20 10:00:00"),
            visit(2, status="done", closed_at="2026-11-20 10:00:00", voided_at="2026-11-21 09:00:00")]
    assert flags(VillageMonth("350425100201", "桃源村", "2026-11", {"visit": rows})) == ["未反馈即关闭1件"]


def test_d14_absences_and_the_tallys_own_flags():
    tally = [{"absent": 3, "flag": "诫勉谈话"}, {"absent": 2, "flag": ""}, {"absent": 5, "flag": "劝辞"}]
    month = VillageMonth("350425100201", "桃源村", "2026-11", {}, tally)
    assert flags(month) == ["缺勤3次及以上2人", "劝辞1人", "诫勉谈话1人"]
    assert flags(month, absences=2)[0] == "缺勤2次及以上3人"


def test_v04_answered_after_the_deadline_is_overdue_voided_and_in_time_ones_not():
    """V04: a matter first answered after its deadline counts as overdue, as one still open past it;
    one answered in time, one with no deadline and a voided one do not (the summary's own figure)."""
    rows = [visit(1, deadline="2026-11-10"), visit(2, deadline="2026-11-10"), visit(3),
            visit(4, status="in_progress", deadline="2026-11-03", voided_at="2026-11-04 09:00:00")]
    feedbacks = [{"id": 1, "visit_id": 1, "given_at": "2026-11-12 10:00:00", "voided_at": None},
                 {"id": 2, "visit_id": 2, "given_at": "2026-11-09 10:00:00", "voided_at": None}]
    month = VillageMonth("350425100201", "桃源村", "2026-11", {"visit": rows, "visit_feedback": feedbacks})
    assert village_figures(month).overdue == 1
    assert flags(month) == ["超期偏多（1件）"]  # 1 of 3 is above 10 %
    assert flags(month, overdue_rate=0.5) == []


def test_v04_a_pause_moves_the_deadline_so_the_flag_goes():
    """V04: time waiting for the person does not count: the bundle's pause moves the deadline on."""
    rows = [visit(1, deadline="2026-11-10")]
    feedbacks = [{"id": 1, "visit_id": 1, "given_at": "2026-11-12 10:00:00", "voided_at": None}]
    pause = [{"id": 1, "visit_id": 1, "start": "2026-11-05", "end": "2026-11-09", "voided_at": None}]
    late = VillageMonth("350425100201", "桃源村", "2026-11", {"visit": rows, "visit_feedback": feedbacks})
    paused = VillageMonth("350425100201", "桃源村", "2026-11",
                          {"visit": rows, "visit_feedback": feedbacks, "visit_pause": pause})
    assert flags(late) == ["超期偏多（1件）"] and flags(paused) == []


def test_a_month_not_handed_in_has_no_flags():
    month = VillageMonth("350425100201", "桃源村", "2026-11", {}, [{"absent": 9, "flag": "劝辞"}], NOT_SUBMITTED)
    assert flags(month) == []
