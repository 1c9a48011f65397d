"""D17: a wrong meeting sign-in is voided with a reason, audited and kept in the books (A03); the
person counts as not signed in again and may sign in while the session is open."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.domain import meeting_rules as rules
from dutydesk.store.audit import history
from dutydesk.store.duty.meetings import (
    MeetingAttendance,
    MeetingInvalid,
    add_session,
    attendance_of,
    sign_meeting,
    void_sign_in,
)
from tests.duty_helpers import make_staff


def test_d17_wrong_sign_in_is_voided_with_a_reason_and_kept(desk, clock):
    s = make_staff(desk)
    session = add_session(rules.STUDY, dt.date(2026, 11, 24), "14:30", "学习党章", "测试", desk.now())
    clock.set(dt.datetime(2026, 11, 24, 14, 20))
    wrong = sign_meeting(session, s["王委员"], "李文书", desk.now())
    with pytest.raises(MeetingInvalid) as err:
        void_sign_in(session, s["王委员"], "  ", "李文书", desk.now())
    assert err.value.errors == {"void_reason": "请填写作废原因（如：误选签到人员）"}
    with pytest.raises(MeetingInvalid) as err:
        void_sign_in(session, s["张书记"], "误选", "李文书", desk.now())
    assert err.value.errors["staff"] == "张书记在该会议没有有效的签到"

    void_sign_in(session, s["王委员"], "误选签到人员，实为赵文书", "李文书", desk.now())
    kept = MeetingAttendance.get_by_id(wrong.id)
    assert kept.voided_by == "李文书" and kept.void_reason == "误选签到人员，实为赵文书"  # kept, not deleted
    assert [e.action for e in history(kept)] == ["create", "void"]
    assert {line.staff.name: line.text for line in attendance_of(session, desk.now())}["王委员"] == "待签到"
    # the right person signs in; the one picked by mistake may still sign in while the session is open
    sign_meeting(session, s["赵文书"], "李文书", desk.now())
    assert sign_meeting(session, s["王委员"], "李文书", desk.now()).voided_at is None
    with pytest.raises(MeetingInvalid):
        sign_meeting(session, s["王委员"], "李文书", desk.now())  # one valid sign-in each


def test_d17_a_voided_sign_in_left_alone_counts_as_absence(desk, clock):
    s = make_staff(desk)
    session = add_session(rules.STUDY, dt.date(2026, 11, 24), "14:30", "", "测试", desk.now())
    clock.set(dt.datetime(2026, 11, 24, 14, 20))
    sign_meeting(session, s["王委员"], "李文书", desk.now())
    void_sign_in(session, s["王委员"], "本人未到会，他人误签", "李文书", desk.now())
    lines = {line.staff.name: line.text for line in attendance_of(session, dt.datetime(2026, 11, 25, 9))}
    assert lines["王委员"] == "缺席"
