"""The sign-in book in the books: own PIN, 代签, cutoff, accepted reasons, 补排, 事后补假 and the
tally's flags (D05, D07, D14, D19)."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.domain.sign_in_book import REPORT_CONSECUTIVE_DAYS
from dutydesk.store.accounts.account import Account, set_principal
from dutydesk.store.accounts.login import set_password
from dutydesk.store.duty.attendance import SignIn, assignments_on, sign_in
from dutydesk.store.duty.leave import LeaveError, LeaveInput, approve_leave, request_leave
from dutydesk.store.duty.roster import LATE_ROSTERED, live_slots, save_roster
from dutydesk.store.duty.sign_in_book import SignInBookError, accept_reason, after_cutoff_today, proxy_sign_in
from dutydesk.store.duty.sign_in_identity import IdentityRefused, pins_in_use, set_pin
from dutydesk.store.duty.tally import month_tally
from dutydesk.store.settings import set_setting
from tests.approvers import approver
from tests.duty_helpers import count_after_cutoff_as_late, make_staff, put_on

DAY = dt.date(2026, 11, 24)


def at(h, m=0, day=DAY):
    return dt.datetime.combine(day, dt.time(h, m))


def director():
    """A director who can approve: approvals need an account with a password."""
    return approver("王书记")


def principal(desk):
    leader = director()
    set_principal(leader, True, "测试", desk.now())
    set_password(leader, "8888", "测试", desk.now())
    return leader


def tally(now):
    return {r.name: r for r in month_tally(now.year, now.month, now)}


def test_d05_sign_in_needs_the_persons_own_pin_once_pins_are_in_use(desk):
    s = make_staff(desk)
    put_on(desk, DAY, "am", s["王委员"])
    put_on(desk, DAY, "am", s["赵文书"])
    assert not pins_in_use()
    set_pin(s["王委员"], "1234", director(), at(7))
    with pytest.raises(IdentityRefused, match="请输入本人签到密码"):
        sign_in(s["王委员"], "李文书", at(8, 10))
    with pytest.raises(IdentityRefused, match="签到密码不正确"):
        sign_in(s["王委员"], "李文书", at(8, 10), pin="4321")
    with pytest.raises(IdentityRefused, match="赵文书尚未设置签到密码"):
        sign_in(s["赵文书"], "李文书", at(8, 10), pin="1234")  # someone else's PIN does not help
    row = sign_in(s["王委员"], "李文书", at(8, 10), pin="1234")
    assert row.proof == "pin" and not row.is_proxy
    assert SignIn.select().count() == 1


def test_d05_only_a_director_or_the_old_pin_sets_a_pin(desk):
    s = make_staff(desk)
    operator = Account.get(Account.name == "李文书")
    with pytest.raises(IdentityRefused) as err:
        set_pin(s["王委员"], "1234", operator, at(7))
    assert err.value.field == "old_pin"
    set_pin(s["王委员"], "1234", director(), at(7))
    with pytest.raises(IdentityRefused):
        set_pin(s["王委员"], "5555", operator, at(7, 5), old_pin="0000")
    set_pin(s["王委员"], "5555", operator, at(7, 5), old_pin="1234")
    with pytest.raises(IdentityRefused) as err:
        set_pin(s["王委员"], "12", director(), at(7, 6))
    assert err.value.field == "pin" and "至少4位" in str(err.value)


def test_d05_proxy_sign_in_needs_the_principal_leaders_password_and_is_marked(desk):
    s = make_staff(desk)
    put_on(desk, DAY, "am", s["赵文书"])
    set_pin(s["赵文书"], "1234", director(), at(7))
    with pytest.raises(SignInBookError) as err:
        proxy_sign_in(s["赵文书"], "王书记", "8888", "去镇里开会途中", "李文书", at(8, 20))
    assert "尚未指定主要领导" in err.value.errors["principal"]
    principal(desk)
    with pytest.raises(SignInBookError) as err:
        proxy_sign_in(s["赵文书"], "王书记", "0000", "", "李文书", at(8, 20))
    assert "代签原因" in err.value.errors["reason"]
    with pytest.raises(SignInBookError) as err:
        proxy_sign_in(s["赵文书"], "王书记", "0000", "途中", "李文书", at(8, 20))
    assert "密码不正确" in err.value.errors["principal_password"]
    with pytest.raises(SignInBookError) as err:
        proxy_sign_in(s["赵文书"], "李文书", "8888", "途中", "李文书", at(8, 20))
    assert "主要领导" in err.value.errors["principal"]
    assert SignIn.select().count() == 0
    row = proxy_sign_in(s["赵文书"], "王书记", "8888", "途中", "李文书", at(8, 10))
    assert (row.proof, row.proxy_by, row.proxy_reason) == ("proxy", "王书记", "途中")
    assert assignments_on(DAY)[0].status_text(at(9)) == "已签到（代签，王书记授权）"
    assert tally(at(13))["赵文书"].proxy_signed == 1


def test_d05_after_the_cutoff_is_absent_by_default_and_late_with_the_setting(desk):
    s = make_staff(desk)
    put_on(desk, DAY, "am", s["王委员"])
    put_on(desk, DAY, "am", s["赵文书"])
    sign_in(s["王委员"], "测试", at(8, 30))  # exactly at the cutoff: in time
    sign_in(s["赵文书"], "测试", at(8, 31))
    by_name = {a.rostered.name: a for a in assignments_on(DAY)}
    assert by_name["赵文书"].status_text(at(9)) == "停签后签到（计缺勤）"
    rows = tally(at(13))
    assert (rows["王委员"].worked, rows["王委员"].absent, rows["王委员"].after_cutoff) == (1, 0, 0)
    assert (rows["赵文书"].worked, rows["赵文书"].absent, rows["赵文书"].after_cutoff) == (0, 1, 1)
    assert rows["赵文书"].penalty == 100
    count_after_cutoff_as_late(desk)
    rows = tally(at(13))
    assert (rows["赵文书"].worked, rows["赵文书"].late, rows["赵文书"].absent) == (1, 1, 0)


def test_d05_a_director_accepts_a_meeting_notice_and_it_counts_present(desk):
    s = make_staff(desk)
    put_on(desk, DAY, "am", s["赵文书"])
    row = sign_in(s["赵文书"], "测试", at(10))
    assert [a.rostered.name for a in after_cutoff_today(DAY)] == ["赵文书"]
    with pytest.raises(SignInBookError) as err:
        accept_reason(row, "公出", "镇党委会议通知", Account.get(Account.name == "李文书"), at(10, 5))
    assert "只有主任或书记" in err.value.errors["account"]
    with pytest.raises(SignInBookError) as err:
        accept_reason(row, "公出", " ", director(), at(10, 5))
    assert "会议通知" in err.value.errors["note"]
    accept_reason(row, "公出", "镇党委会议通知（桃党〔2026〕12号）", director(), at(10, 5))
    assert after_cutoff_today(DAY) == []
    assert assignments_on(DAY)[0].status_text(at(10, 30)) == "已签到（公出，王书记认定）"
    r = tally(at(13))["赵文书"]
    assert (r.worked, r.absent, r.after_cutoff, r.penalty) == (1, 0, 1, 0)


def test_d05_not_fifteen_minutes_early_is_shown_without_penalty(desk):
    s = make_staff(desk)
    put_on(desk, DAY, "am", s["王委员"])
    sign_in(s["王委员"], "测试", at(8, 20))
    assert assignments_on(DAY)[0].status_text(at(9)) == "已签到（未提前到岗）"
    r = tally(at(13))["王委员"]
    assert (r.worked, r.late, r.absent) == (1, 0, 0)


def test_d05_roster_generated_mid_day_never_makes_earlier_sessions_absent(desk, clock):
    make_staff(desk)
    now = at(14, 44)
    clock.set(now)
    save_roster(DAY, DAY + dt.timedelta(days=6), desk.calendar(), "测试", now, accept_problems=True)
    today = live_slots(DAY, DAY)
    assert {s.session_key for s in today} == {"pm"}  # the morning had ended: nobody put on it
    assert {s.source for s in today} == {LATE_ROSTERED}
    statuses = [a.status_text(now) for a in assignments_on(DAY)]
    assert statuses == ["未到（补排）"]
    rows = tally(at(18))
    assert sum(r.absent for r in rows.values()) == 0 and sum(r.late for r in rows.values()) == 0
    tomorrow = live_slots(DAY + dt.timedelta(days=1), DAY + dt.timedelta(days=1))
    assert tomorrow and {s.source for s in tomorrow} == {"generated"}


def test_d05_regenerating_mid_day_keeps_the_sessions_already_begun(desk, clock):
    s = make_staff(desk)
    morning = put_on(desk, DAY, "am", s["王委员"])
    sign_in(s["王委员"], "测试", at(8, 10))
    save_roster(DAY, DAY, desk.calendar(), "测试", at(10), accept_problems=True)
    assert morning.id in {r.id for r in live_slots(DAY, DAY)}
    assert tally(at(13))["王委员"].worked == 1


def test_d07_leave_after_the_session_began_needs_a_directors_reason(desk):
    s = make_staff(desk)
    put_on(desk, DAY, "am", s["孙干部"])
    leave = request_leave(LeaveInput("孙干部", DAY, DAY, "病假", "早上发烧", "周协管", ["am"]), "测试", at(9))
    assert leave.status_label == "待批准（事后补假）"
    with pytest.raises(LeaveError) as err:
        approve_leave(leave, director(), at(9, 30))
    assert "事后补假" in err.value.errors["approval_note"]
    approve_leave(leave, director(), at(9, 30), reason="医院证明已交")
    assert leave.approval_note == "医院证明已交"
    a = assignments_on(DAY)[0]
    assert a.holder.name == "孙干部"  # the substitute was not asked before the session
    assert a.status_text(at(13)) == "请假（事后补假）"
    rows = tally(at(13))
    assert rows["孙干部"].late_leave == 1 and rows["孙干部"].leave["病假"] == 1 and rows["孙干部"].absent == 0
    assert rows["周协管"].absent == 0 and rows["周协管"].substitutions_given == 0


def test_d07_leave_asked_before_the_session_still_hands_it_to_the_substitute(desk):
    s = make_staff(desk)
    put_on(desk, DAY, "am", s["孙干部"])
    leave = request_leave(LeaveInput("孙干部", DAY, DAY, "事假", "家事", "周协管", ["am"]), "测试", at(8))
    approve_leave(leave, director(), at(8, 5))
    rows = tally(at(13))
    assert rows["周协管"].absent == 1 and rows["孙干部"].late_leave == 0


def test_d19_absence_on_consecutive_duty_days_is_flagged_in_the_tally(desk):
    s = make_staff(desk)
    set_setting(REPORT_CONSECUTIVE_DAYS, 3, dt.date(2026, 1, 1), "测试", at(7))
    for day in (dt.date(2026, 11, 2), dt.date(2026, 11, 4), dt.date(2026, 11, 6)):
        put_on(desk, day, "am", s["周协管"])
    put_on(desk, dt.date(2026, 11, 3), "am", s["钱村官"])
    rows = tally(at(13))
    assert rows["周协管"].report_flag == "连续缺勤3天，应上报组织部门"
    assert rows["钱村官"].report_flag == ""


def test_d05_five_wrong_pins_in_a_row_lock_signing_in_for_a_while(desk):
    s = make_staff(desk)
    put_on(desk, DAY, "am", s["王委员"])
    set_pin(s["王委员"], "1234", director(), at(7))
    for minute in range(5):
        with pytest.raises(IdentityRefused, match="签到密码不正确"):
            sign_in(s["王委员"], "测试", at(8, minute), pin=f"000{minute}")
    with pytest.raises(IdentityRefused, match="请于 08:19 后再试"):
        sign_in(s["王委员"], "测试", at(8, 5), pin="1234")  # even the right PIN, while locked
    assert sign_in(s["王委员"], "测试", at(8, 20), pin="1234").proof == "pin"


def test_d05_a_person_added_by_hand_to_a_session_under_way_is_exempt_from_its_cutoff(desk):
    from dutydesk.store.duty.roster import assign

    s = make_staff(desk)
    save_roster(DAY, DAY, desk.calendar(), "测试", at(14, 44), accept_problems=True)
    on_it = {r.staff.name for r in live_slots(DAY, DAY)}
    name = next(n for n in s if n not in on_it)
    extra = assign(DAY, "pm", s[name], "测试", at(15))
    assert extra.source == LATE_ROSTERED
    assert {r.source for r in live_slots(DAY, DAY)} == {LATE_ROSTERED}  # the generated one keeps it too
    sign_in(s[name], "测试", at(15, 10))
    assert tally(at(18))[name].absent == 0
    tomorrow = DAY + dt.timedelta(days=2)
    assert assign(tomorrow, "am", s[name], "测试", at(15)).source == "manual"


def test_d05_the_duty_log_marks_a_proxy_sign_in(desk):
    from dutydesk.store.duty.duty_log import duty_log

    s = make_staff(desk)
    put_on(desk, DAY, "am", s["赵文书"])
    principal(desk)
    proxy_sign_in(s["赵文书"], "王书记", "8888", "在镇里开会", "李文书", at(8, 10))
    texts = [e.text for e in duty_log(DAY, at(13)) if e.kind == "签到"]
    assert texts == ["赵文书签到（上午，代签：王书记授权，在镇里开会）"]


def test_d07_leave_after_the_fact_in_the_duty_log_and_the_monday_review(desk):
    from dutydesk.reports.weekly_review import review_data
    from dutydesk.store.duty.duty_log import duty_log

    s = make_staff(desk)
    put_on(desk, DAY, "am", s["孙干部"])
    leave = request_leave(LeaveInput("孙干部", DAY, DAY, "病假", "早上发烧", "周协管", ["am"]), "测试", at(9))
    approve_leave(leave, director(), at(9, 30), reason="医院证明已交")
    log = [(e.kind, e.text) for e in duty_log(DAY, at(13))]
    assert log == [("请假", "孙干部病假（上午），事后补假")]  # no absence, and 周协管 is not named
    review = review_data(dt.date(2026, 11, 30), desk.calendar(), dt.datetime(2026, 11, 30, 9))
    assert review.faults == [["11-24", "上午", "孙干部", "病假，事后补假"]]


def test_d05_a_principal_leader_without_a_password_cannot_authorise_a_proxy_sign_in(desk):
    """Anyone could pick a leader who has no password: the one approval rule refuses them."""
    s = make_staff(desk)
    put_on(desk, DAY, "am", s["赵文书"])
    leader = Account.get(Account.name == "王书记")
    set_principal(leader, True, "测试", desk.now())
    with pytest.raises(SignInBookError) as err:
        proxy_sign_in(s["赵文书"], "王书记", "", "途中", "李文书", at(8, 10))
    assert "王书记尚未设置密码" in err.value.errors["principal"]
    assert SignIn.select().count() == 0


def test_d05_a_director_without_a_password_cannot_accept_a_reason_after_the_cutoff(desk):
    """D05 (issue 12.4): accepting why someone signed after the cutoff is a director's approval, so
    an account anyone can choose without a password cannot give it; the sign-in stays an absence."""
    s = make_staff(desk)
    put_on(desk, DAY, "am", s["赵文书"])
    row = sign_in(s["赵文书"], "测试", at(10))
    no_secret = Account.get(Account.name == "王书记")
    assert no_secret.is_director and not no_secret.password_hash
    with pytest.raises(SignInBookError) as err:
        accept_reason(row, "公出", "镇党委会议通知", no_secret, at(10, 5))
    assert "王书记尚未设置密码" in err.value.errors["account"]
    assert [a.rostered.name for a in after_cutoff_today(DAY)] == ["赵文书"]
    assert tally(at(13))["赵文书"].absent == 1
