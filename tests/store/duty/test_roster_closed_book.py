"""Sign-in games through the roster (D05, D07, seed 004): once a session's sign-in book has closed
(its cutoff passed, or the day is over), who was on it is what the tally counts. Removing them,
swapping them away or putting them back as 补排 afterwards would erase an absence or move it onto a
colleague who was never asked; the store refuses, and the absence stays."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.store.duty.attendance import assignments_on, sign_in
from dutydesk.store.duty.roster import CLOSED_SESSION, RosterEditError, assign, clear_slot, live_slots, swap
from dutydesk.store.duty.tally import month_tally
from tests.duty_helpers import make_staff, put_on

DAY = dt.date(2026, 11, 24)  # the clock is Tue 09:00: the morning's book closed at 08:30


def at(h, m=0, day=DAY):
    return dt.datetime.combine(day, dt.time(h, m))


def absent(name, now):
    return {r.name: r for r in month_tally(now.year, now.month, now)}[name].absent


def test_d05_yesterdays_absence_cannot_be_erased_by_removing_the_slot(desk):
    s = make_staff(desk)
    slot = put_on(desk, DAY - dt.timedelta(days=1), "am", s["周协管"])
    assert absent("周协管", at(9)) == 1
    with pytest.raises(RosterEditError) as caught:
        clear_slot(slot, "手工移出", "测试", at(9))
    assert caught.value.errors == {"staff": CLOSED_SESSION}
    assert absent("周协管", at(9)) == 1 and live_slots(DAY - dt.timedelta(days=1), DAY - dt.timedelta(days=1))


def test_d05_a_slot_past_its_cutoff_cannot_be_removed_but_a_later_one_can(desk):
    s = make_staff(desk)
    morning = put_on(desk, DAY, "am", s["王委员"])
    afternoon = put_on(desk, DAY, "pm", s["赵文书"])
    with pytest.raises(RosterEditError):
        clear_slot(morning, "手工移出", "测试", at(9))
    clear_slot(afternoon, "手工移出", "测试", at(9))
    assert [(a.session.key, a.rostered.name) for a in assignments_on(DAY)] == [("am", "王委员")]


def test_d07_an_absence_is_never_swapped_onto_a_colleague_after_the_cutoff(desk):
    s = make_staff(desk)
    missed = put_on(desk, DAY, "am", s["王委员"])
    later = put_on(desk, DAY + dt.timedelta(days=1), "am", s["赵文书"])
    with pytest.raises(RosterEditError) as caught:
        swap(missed, later, "王委员、赵文书同意", "已告知李主任", "测试", at(9))
    assert caught.value.errors == {"second": CLOSED_SESSION}
    assert [a.rostered.name for a in assignments_on(DAY)] == ["王委员"]


def test_d05_removed_before_the_cutoff_and_put_back_after_it_is_not_exempt(desk):
    s = make_staff(desk)
    slot = put_on(desk, DAY, "am", s["王委员"])
    clear_slot(slot, "手工移出", "测试", at(8, 0))
    back = assign(DAY, "am", s["王委员"], "测试", at(9, 40))
    assert back.source == "manual"  # not 补排: they were on this session when its book closed
    sign_in(s["王委员"], "测试", at(9, 45))
    assert absent("王委员", at(13)) == 1
    newcomer = assign(DAY, "am", s["赵文书"], "测试", at(9, 50))
    assert newcomer.source == "late"  # a genuine 补排 keeps its exemption


def test_d05_no_one_is_put_on_a_session_already_over(desk):
    s = make_staff(desk)
    for day, key, now in ((DAY - dt.timedelta(days=1), "pm", at(9)), (DAY, "am", at(12, 30))):
        with pytest.raises(RosterEditError) as caught:
            assign(day, key, s["赵文书"], "测试", now)
        assert caught.value.errors == {"session": "该班次已结束，不能补排"}
