"""Settings are dated: a change applies from a date and never rewrites past months (D14)."""

import datetime as dt

from dutydesk.domain.settings import declare
from dutydesk.store.settings import get_setting, set_setting, setting_history

PENALTY = declare("test.penalty_other_cadre", 100, "其他干部每次缺勤扣款（元）", "D14")


def test_d14_default_then_dated_change(desk, clock):
    assert get_setting(PENALTY, dt.date(2026, 11, 1)) == 100
    set_setting(PENALTY, 20, dt.date(2026, 12, 1), "王书记", clock.now())
    assert get_setting(PENALTY, dt.date(2026, 11, 30)) == 100  # November keeps the old amount
    assert get_setting(PENALTY, dt.date(2026, 12, 1)) == 20
    assert [v.created_by for v in setting_history(PENALTY)] == ["王书记"]
