"""D12: a changed phone number is reported within 24 hours; a later report is flagged."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.domain.staff import PHONE_REPORT_HOURS, phone_reported_late
from dutydesk.store.duty.staff import StaffError, change_phone, late_report_text, phone_history, reported_late
from dutydesk.store.settings import set_setting
from tests.duty_helpers import make_staff

NOW = dt.datetime(2026, 11, 24, 9, 0)


def test_d12_24_hours_pinned_and_the_rule():
    assert PHONE_REPORT_HOURS.default == 24
    changed = dt.datetime(2026, 11, 23, 9, 0)
    assert not phone_reported_late(changed, changed + dt.timedelta(hours=24), 24)
    assert phone_reported_late(changed, changed + dt.timedelta(hours=24, minutes=1), 24)
    assert not phone_reported_late(None, NOW, 24)  # when it changed is not known: no flag


def test_d12_change_reported_after_24_hours_is_flagged(desk):
    s = make_staff(desk)["赵文书"]
    change_phone(s, "13900000004", dt.date(2026, 11, 22), "测试", NOW, dt.datetime(2026, 11, 22, 8, 0))
    late = phone_history(s)[-1]
    assert late.changed_at == dt.datetime(2026, 11, 22, 8, 0) and late.recorded_at == NOW
    assert reported_late(late) and late_report_text(late) == "超过24小时才报告，迟报"
    change_phone(s, "13900000005", dt.date(2026, 11, 23), "测试", NOW, dt.datetime(2026, 11, 23, 10, 0))
    in_time = phone_history(s)[-1]
    assert not reported_late(in_time) and late_report_text(in_time) == ""
    assert [p.mobile for p in phone_history(s)] == ["13800000004", "13900000004", "13900000005"]


def test_d12_the_hours_are_a_setting_and_the_future_is_refused(desk):
    s = make_staff(desk)["赵文书"]
    set_setting(PHONE_REPORT_HOURS, 48, dt.date(2026, 1, 1), "测试", NOW)
    change_phone(s, "13900000004", dt.date(2026, 11, 22), "测试", NOW, dt.datetime(2026, 11, 22, 10, 0))
    assert not reported_late(phone_history(s)[-1])
    with pytest.raises(StaffError) as exc:
        change_phone(s, "13900000006", NOW.date(), "测试", NOW, NOW + dt.timedelta(hours=1))
    assert exc.value.errors == {"phone_changed_at": "换号时间不能晚于现在"}
