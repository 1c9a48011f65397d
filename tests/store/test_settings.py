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


def test_d14_settings_read_once_per_change_of_the_books(desk, clock, monkeypatch):
    """Issue 17: pages ask for settings per row or per painted cell; the table is read once per
    change of the books, and a dated change still applies from its date on (D14)."""
    from dutydesk.store.settings import SettingValue

    reads = []
    real_select = SettingValue.select
    monkeypatch.setattr(SettingValue, "select", lambda *a: reads.append(1) or real_select(*a))
    for _ in range(50):
        assert get_setting(PENALTY, dt.date(2026, 12, 1)) == 100
    assert len(reads) <= 1
    set_setting(PENALTY, 20, dt.date(2026, 12, 1), "王书记", clock.now())
    assert get_setting(PENALTY, dt.datetime(2026, 12, 1, 9, 0)) == 20
    assert get_setting(PENALTY, dt.date(2026, 11, 30)) == 100
    assert len(reads) <= 2


def test_a_setting_changed_on_another_connection_is_seen(desk, clock):
    """The desk and ``dutydesk`` commands may share the books: another connection's commit counts."""
    import threading

    assert get_setting(PENALTY, dt.date(2026, 12, 1)) == 100
    worker = threading.Thread(target=lambda: (set_setting(PENALTY, 30, dt.date(2026, 12, 1), "王书记", clock.now()),
                                              desk.db.close()))
    worker.start()
    worker.join()
    assert get_setting(PENALTY, dt.date(2026, 12, 1)) == 30
