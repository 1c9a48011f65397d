"""Staff register, roster storage, sign-in, leave and on_duty_now (issue 3 store layer)."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.store import audit
from dutydesk.store.duty.attendance import SignInError, assignments_on, on_duty_now, sign_in, sign_out
from dutydesk.store.duty.leave import LeaveError, LeaveInput, NotAllowed, approve_leave, request_leave
from dutydesk.store.duty.roster import (
    RosterProblems,
    RosterSlot,
    assign,
    live_slots,
    roster_problems,
    save_roster,
    swap,
)
from dutydesk.store.duty.staff import (
    StaffError,
    StaffInput,
    add_staff,
    change_phone,
    deactivate,
    phone_history,
    phone_on,
)
from tests.approvers import approver
from tests.duty_helpers import make_staff, put_on

DAY = dt.date(2026, 11, 24)


def test_staff_phone_must_be_an_11_digit_mobile(desk):
    with pytest.raises(StaffError) as err:
        add_staff(StaffInput("张三", "文书", "1380000000"), "测试", desk.now())
    assert "11位" in err.value.errors["mobile"]
    from dutydesk.store.duty.staff import Staff
    assert Staff.select().count() == 0


def test_d12_phone_change_keeps_history_with_date(desk):
    staff = make_staff(desk)["赵文书"]
    change_phone(staff, "13900000004", dt.date(2026, 12, 1), "测试", desk.now())
    history = phone_history(staff)
    assert [(h.mobile, h.effective_from) for h in history] == [
        ("13800000004", dt.date(2026, 1, 1)), ("13900000004", dt.date(2026, 12, 1))]
    assert phone_on(staff, dt.date(2026, 11, 30)) == "13800000004"
    assert phone_on(staff, dt.date(2026, 12, 1)) == "13900000004"
    assert any(e.field == "mobile" for e in audit.history(staff))


def test_deactivating_keeps_the_person_and_the_past(desk):
    staff = make_staff(desk)["钱村官"]
    deactivate(staff, dt.date(2026, 11, 30), "测试", desk.now())
    assert staff.active_on(dt.date(2026, 11, 30)) and not staff.active_on(dt.date(2026, 12, 1))


def test_d01_saving_a_roster_with_empty_slots_is_refused_unless_accepted(desk):
    from dutydesk.domain.duty_settings import PEOPLE_PER_SESSION
    from dutydesk.store.settings import set_setting

    make_staff(desk, [("张书记", "书记", "13800000001"), ("李主任", "主任", "13800000002")])
    set_setting(PEOPLE_PER_SESSION, 3, DAY, "测试", desk.now())
    cal = desk.calendar()
    with pytest.raises(RosterProblems) as err:
        save_roster(DAY, DAY + dt.timedelta(days=1), cal, "测试", desk.now())
    assert "上午应有3人，现有2人" in str(err.value)
    assert RosterSlot.select().count() == 0
    save_roster(DAY, DAY, cal, "测试", desk.now(), accept_problems=True)  # told to: saved, still flagged
    assert len(live_slots(DAY, DAY)) == 4
    assert roster_problems(DAY, DAY, cal)


def test_regenerating_keeps_manual_edits(desk):
    staff = make_staff(desk)
    cal = desk.calendar()
    start, end = dt.date(2026, 12, 1), dt.date(2026, 12, 14)
    save_roster(start, end, cal, "测试", desk.now())
    target = live_slots(start, start)[0]
    audit.void(target, "测试", desk.now(), "换人")
    assign(start, target.session_key, staff["周协管"], "测试", desk.now())
    save_roster(start, end, cal, "测试", desk.now())
    names = [s.staff.name for s in live_slots(start, start) if s.session_key == target.session_key]
    assert names == ["周协管"]
    save_roster(start, end, cal, "测试", desk.now(), keep_manual=False)
    assert roster_problems(start, end, cal) == []


def test_d08_swap_updates_both_slots_and_records_agreement(desk):
    staff = make_staff(desk)
    a = put_on(desk, DAY, "pm", staff["王委员"])  # the clock is 09:00: the afternoon is still ahead
    b = put_on(desk, DAY + dt.timedelta(days=1), "pm", staff["赵文书"])
    record = swap(a, b, "王委员、赵文书同意", "已告知李主任", "测试", desk.now())
    live = {(s.day, s.session_key): s.staff.name for s in live_slots(DAY, DAY + dt.timedelta(days=1))}
    assert live == {(DAY, "pm"): "赵文书", (DAY + dt.timedelta(days=1), "pm"): "王委员"}
    assert record.agreed_by == "王委员、赵文书同意" and record.director_told == "已告知李主任"
    assert RosterSlot.get_by_id(a.id).voided_at is not None  # the old slots stay, voided


def test_d05_sign_in_takes_the_clock_time_and_on_duty_now(desk, clock):
    staff = make_staff(desk)
    put_on(desk, DAY, "am", staff["王委员"])
    clock.set(dt.datetime(2026, 11, 24, 8, 10))
    row = sign_in(staff["王委员"], "测试", desk.now())
    assert row.signed_in_at == dt.datetime(2026, 11, 24, 8, 10)
    assert on_duty_now(dt.datetime(2026, 11, 24, 9, 0)) == ["王委员"]
    assert on_duty_now(dt.datetime(2026, 11, 24, 12, 30)) == []
    with pytest.raises(SignInError):
        sign_in(staff["王委员"], "测试", desk.now())  # twice
    with pytest.raises(SignInError):
        sign_in(staff["赵文书"], "测试", desk.now())  # not on duty
    clock.set(dt.datetime(2026, 11, 24, 11, 0))
    sign_out(staff["王委员"], "无", "", "测试", desk.now())
    assert on_duty_now(dt.datetime(2026, 11, 24, 11, 30)) == []
    assert assignments_on(DAY)[0].status(desk.now()) == "早退"


def _leave(desk, **kw):
    data = dict(staff_name="王委员", start_day=DAY, end_day=DAY, leave_type="病假", reason="感冒",
                substitute_name="赵文书")
    data.update(kw)
    return request_leave(LeaveInput(**data), "测试", desk.now())


def test_leave_bad_input_is_reported_per_field_and_nothing_saved(desk):
    from dutydesk.store.duty.leave import LeaveRequest

    make_staff(desk)
    with pytest.raises(LeaveError) as err:
        _leave(desk, end_day=DAY - dt.timedelta(days=1), substitute_name="不存在")
    assert "结束日期不能早于开始日期" in err.value.errors["end_day"]
    assert "没有名为“不存在”的人员" in err.value.errors["substitute"]
    _leave(desk)
    with pytest.raises(LeaveError) as err:
        _leave(desk, start_day=DAY - dt.timedelta(days=1), end_day=DAY + dt.timedelta(days=1))
    assert "与已有请假重叠" in err.value.errors["start_day"]
    assert LeaveRequest.select().count() == 1


def test_d07_leave_needs_a_substitute_and_director_approval(desk, clock):
    from dutydesk.store.accounts.account import Account

    staff = make_staff(desk)
    clock.set(dt.datetime(2026, 11, 24, 8, 0))  # asked before the session (later is 事后补假)
    put_on(desk, DAY, "am", staff["王委员"])
    with pytest.raises(LeaveError) as err:
        _leave(desk, substitute_name="")
    assert "替班" in err.value.errors["substitute"]
    leave = _leave(desk)
    slot = assignments_on(DAY)[0]
    assert slot.holder.name == "王委员" and "请假待批，未覆盖" in slot.status_text(desk.now())
    with pytest.raises(NotAllowed):
        approve_leave(leave, Account.get(Account.name == "李文书"), desk.now())
    approve_leave(leave, approver("王书记"), desk.now())
    assert leave.approved_by == "王书记" and leave.approved_at == desk.now()
    slot = assignments_on(DAY)[0]
    assert slot.holder.name == "赵文书"
    assert slot.status_text(desk.now()).startswith("请假（替班：赵文书")
