"""The 民情日记: a major entry goes up within 2 days, is answered within 3, else it is overdue
in 待跟进 (G05)."""

import datetime as dt

import pytest

from dutydesk.domain.grid.diary_deadline import DAY_KIND
from dutydesk.store.grid.diary import DiaryDraft, DiaryInvalid, add_entry, answer_entry, report_entry
from dutydesk.store.open_matters import open_matters
from dutydesk.store.settings import set_setting


def _diary(matters):
    return [m for m in matters if m.kind == "diary"]


def test_g05_major_entry_becomes_overdue_in_followups_until_reported_and_answered(desk, village, clock):
    entry = add_entry(DiaryDraft(village.member.id, desk.today(), "村道塌方，三户出行受阻", "已设警示",
                                 household_id=village.h1.id, major=True), desk.who, desk.now())
    [matter] = _diary(open_matters(desk.today(), desk.calendar()))
    assert matter.due == dt.date(2026, 11, 26) and matter.status == "ok"
    assert matter.summary.startswith("重大民情待上报｜赵委员｜")
    clock.set(dt.datetime(2026, 11, 27, 9, 0))  # three days on, not reported: overdue
    [matter] = _diary(open_matters(desk.today(), desk.calendar()))
    assert matter.status == "overdue"
    report_entry(entry, "镇党委王书记", desk.now(), desk.who, desk.now())
    [matter] = _diary(open_matters(desk.today(), desk.calendar()))
    assert matter.summary.startswith("重大民情待领导答复") and matter.due == dt.date(2026, 11, 30)
    clock.set(dt.datetime(2026, 12, 1, 9, 0))
    assert _diary(open_matters(desk.today(), desk.calendar()))[0].status == "overdue"
    answer_entry(entry, "镇里派人抢修", desk.now(), desk.who, desk.now())
    assert _diary(open_matters(desk.today(), desk.calendar())) == []


def test_g05_working_days_setting_moves_the_deadline(desk, village):
    set_setting(DAY_KIND, "workdays", dt.date(2026, 1, 1), desk.who, desk.now())
    add_entry(DiaryDraft(village.member.id, dt.date(2026, 11, 27), "反映低保评议不公", place="村部", major=True),
              desk.who, desk.now().replace(day=27))
    [matter] = _diary(open_matters(dt.date(2026, 11, 27), desk.calendar()))
    assert matter.due == dt.date(2026, 12, 1)  # Friday + 2 working days


def test_g05_ordinary_entry_is_no_open_matter_and_needs_what_was_heard(desk, village):
    add_entry(DiaryDraft(village.member.id, desk.today(), "想修路灯", place="三组"), desk.who, desk.now())
    assert _diary(open_matters(desk.today(), desk.calendar())) == []
    with pytest.raises(DiaryInvalid) as caught:
        add_entry(DiaryDraft(None, desk.today() + dt.timedelta(days=1), ""), desk.who, desk.now())
    assert set(caught.value.errors) == {"staff", "day", "heard", "place"}
