"""Handover and duty log read other features' feeds (D09, D10); special periods in the stored roster (D11)."""

from __future__ import annotations

import datetime as dt

from dutydesk.store import duty_log_feed, open_matters
from dutydesk.store.duty.attendance import sign_in, sign_out
from dutydesk.store.duty.duty_log import duty_log
from dutydesk.store.duty.handover import Handover, open_matters_text
from dutydesk.store.duty.roster import add_special_period, live_slots, save_roster
from dutydesk.store.duty_log_feed import DutyLogEntry
from dutydesk.store.open_matters import OpenMatter
from tests.duty_helpers import make_staff, put_on

DAY = dt.date(2026, 11, 24)


def test_d09_handover_lists_what_is_still_open(desk, monkeypatch):
    matter = OpenMatter("visit", "LF-2026-0042", "张三 咨询低保续办", DAY, "overdue")
    monkeypatch.setattr(open_matters, "PROVIDERS", [lambda today, cal: [matter]])
    text = open_matters_text(DAY, desk.calendar())
    assert text == "【已超期】LF-2026-0042 张三 咨询低保续办，期限11月24日"
    s = make_staff(desk)
    put_on(desk, DAY, "am", s["王委员"])
    sign_in(s["王委员"], "测试", dt.datetime(2026, 11, 24, 8, 20))
    sign_out(s["王委员"], "低保材料待补", text, "测试", dt.datetime(2026, 11, 24, 12, 0))
    assert Handover.get().open_matters == text


def test_d10_duty_log_includes_other_features_entries(desk, monkeypatch):
    entry = DutyLogEntry(dt.datetime(2026, 11, 24, 9, 30), "来访", "李四 咨询医保缴费", "已答复")
    monkeypatch.setattr(duty_log_feed, "PROVIDERS", [lambda day: [entry] if day == DAY else []])
    log = duty_log(DAY, desk.now())
    assert entry in log
    assert duty_log(DAY + dt.timedelta(days=1), desk.now()) == []


def test_d11_special_period_puts_all_committee_members_on_post_in_the_stored_roster(desk):
    make_staff(desk)
    start = dt.date(2026, 12, 1)
    add_special_period("防汛期", start, start + dt.timedelta(days=2), "测试", desk.now())
    save_roster(start, start + dt.timedelta(days=6), desk.calendar(), "测试", desk.now())
    for slot_day in (start, start + dt.timedelta(days=2)):
        names = {s.staff.name for s in live_slots(slot_day, slot_day)}
        assert {"张书记", "李主任", "王委员"} <= names
    assert all(s.source == "special" for s in live_slots(start, start))
