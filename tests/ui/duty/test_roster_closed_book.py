"""D05 on the 排班 page: removing someone from a session whose sign-in book has closed is refused
beside the field (no traceback), and they stay on it."""

from __future__ import annotations

from dutydesk.store.duty.attendance import assignments_on
from dutydesk.store.duty.roster import CLOSED_SESSION
from tests.duty_helpers import make_staff, put_on
from tests.ui.duty.test_pages import DAY, click, error, make_tab, pick


def test_d05_removing_someone_after_the_cutoff_is_refused_beside_the_field(app, qtbot, desk):
    s = make_staff(desk)
    put_on(desk, DAY, "am", s["王委员"])  # the clock is 09:00, past the morning's 08:30 cutoff
    _tab, page = make_tab(qtbot, desk, "排班")
    page.refresh()
    page.select(DAY, "am")
    pick(page, "调整人员", "王委员")
    click(qtbot, page, "从所选班次移出")
    assert error(page, "调整人员") == CLOSED_SESSION
    assert [a.rostered.name for a in assignments_on(DAY)] == ["王委员"]
