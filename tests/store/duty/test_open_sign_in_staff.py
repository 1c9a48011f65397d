"""The whereabouts board's one read of who is signed in and not yet out (D04, D05): the same
answer as ``open_sign_in`` asked person by person."""

from __future__ import annotations

import datetime as dt

from dutydesk.store import audit
from dutydesk.store.duty.attendance import open_sign_in, open_sign_in_staff, sign_in, sign_out
from tests.duty_helpers import make_staff, put_on

DAY = dt.date(2026, 11, 24)


def at(h: int, m: int = 0) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time(h, m))


def test_d05_open_sign_ins_of_a_day_in_one_read_as_open_sign_in_per_person(desk, clock):
    s = make_staff(desk)
    for name in ("王委员", "赵文书", "钱村官"):
        put_on(desk, DAY, "am", s[name])
    put_on(desk, DAY - dt.timedelta(days=1), "am", s["孙干部"])
    sign_in(s["孙干部"], "测试", at(8, 10) - dt.timedelta(days=1))  # yesterday, never signed out
    for name in ("王委员", "赵文书", "钱村官"):
        sign_in(s[name], "测试", at(8, 10))
    sign_out(s["赵文书"], "无", "", "测试", at(12))  # signed out: not on the board as 在岗
    wrong = open_sign_in(s["钱村官"], DAY)
    audit.void(wrong, "测试", at(8, 20), "签错人")  # voided: no longer signed in
    assert open_sign_in_staff(DAY) == {s["王委员"].id}
    assert open_sign_in_staff(DAY) == {p.id for p in s.values() if open_sign_in(p, DAY) is not None}
    assert open_sign_in_staff(DAY - dt.timedelta(days=1)) == {s["孙干部"].id}
