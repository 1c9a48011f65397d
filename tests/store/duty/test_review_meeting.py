"""D13: the weekly duty review meeting is recorded (date, chair, attendees, notes), once a week."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.store.audit import history
from dutydesk.store.duty.review_meeting import (
    ReviewMeetingInvalid,
    last_week_meeting,
    record_meeting,
    split_names,
    void_meeting,
    week_meeting,
)

NOW = dt.datetime(2026, 11, 24, 9, 0)  # Tuesday
LAST_MONDAY = dt.date(2026, 11, 16)


def test_d13_meeting_recorded_and_last_week_shows_held(desk):
    assert not last_week_meeting(NOW.date()).held
    m = record_meeting(LAST_MONDAY, "张书记", "张书记、李主任，王委员 赵文书", "回顾上周值班：无缺勤", "李文书", NOW)
    assert m.attendee_names == ["张书记", "李主任", "王委员", "赵文书"]
    last = last_week_meeting(NOW.date())
    assert last.held and last.meeting.id == m.id and last.meeting.chair == "张书记"
    assert (last.week_start, last.week_end) == (dt.date(2026, 11, 16), dt.date(2026, 11, 22))
    assert not week_meeting(NOW.date()).held  # this week's (Monday 23rd) was not recorded
    assert history(m)  # written through the audit trail


def test_d13_each_field_is_required_and_one_meeting_a_week(desk):
    with pytest.raises(ReviewMeetingInvalid) as exc:
        record_meeting(dt.date(2026, 11, 30), " ", "、", "", "李文书", NOW)
    assert exc.value.errors == {"held_on": "会议日期不能晚于今天", "chair": "请填写主持人",
                                "attendees": "请填写参会人员",
                                "notes": "请填写会议内容（上周值班情况、发现的问题、本周安排）"}
    first = record_meeting(LAST_MONDAY, "张书记", "张书记", "回顾", "李文书", NOW)
    with pytest.raises(ReviewMeetingInvalid) as exc:
        record_meeting(dt.date(2026, 11, 18), "张书记", "张书记", "又开一次", "李文书", NOW)
    assert exc.value.errors["held_on"].startswith("该周例会已于11月16日登记")
    void_meeting(first, "李文书", NOW, "日期登记错误")
    assert not last_week_meeting(NOW.date()).held
    assert record_meeting(dt.date(2026, 11, 17), "李主任", "李主任", "书记外出，主任主持", "李文书", NOW).id


def test_split_names_keeps_order_and_drops_repeats():
    assert split_names(" 张三、李四,张三；王五 ") == ["张三", "李四", "王五"]
