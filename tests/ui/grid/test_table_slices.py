"""Issue 17: once the app runs, a long grid list is put in the table a slice per event-loop turn;
the row count is right at once and every text follows; a refill drops the old slices."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QTimer

from dutydesk.ui import lazy_tabs
from dutydesk.ui.grid.widgets import SLICE_ROWS, fill, table


def texts(view) -> list[str]:
    return [view.item(r, 0).text() if view.item(r, 0) else "" for r in range(view.rowCount())]


def test_g02_a_long_list_arrives_in_slices_and_a_refill_wins(app, qtbot):
    view = table("住户档案", ["户编码", "户主"])
    qtbot.addWidget(view)
    rows = [(f"H{i:04d}", f"户主{i}") for i in range(SLICE_ROWS * 3 + 7)]
    fill(view, rows)
    assert texts(view) == [r[0] for r in rows]  # tests and scripts: all at once, as before
    lazy_tabs.build_on_demand(True)
    try:
        fill(view, [])
        fill(view, rows)
        assert view.rowCount() == len(rows) and view.item(SLICE_ROWS - 1, 0).text() == f"H{SLICE_ROWS - 1:04d}"
        assert view.item(SLICE_ROWS, 0) is None  # the next slice comes on the next turn
        qtbot.waitUntil(lambda: texts(view) == [r[0] for r in rows])
        fill(view, [(f"X{i}", "") for i in range(SLICE_ROWS * 2)])
        fill(view, [("H0001", "张三")])  # refilled before the slices of the first came
        qtbot.wait(50)
        assert texts(view) == ["H0001"] and view.item(0, 1).text() == "张三"
    finally:
        lazy_tabs.build_on_demand(False)


def test_other_timers_run_between_the_slices_of_a_long_list(app, qtbot):
    """A clock or the cursor is served between two slices: they never run back to back."""
    view = table("住户档案", ["户编码", "户主"])
    qtbot.addWidget(view)
    ticks, seen = [0], []
    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    rows = [(f"H{i:04d}", f"户主{i}") for i in range(SLICE_ROWS * 5)]
    view.itemChanged.connect(lambda item: seen.append(ticks[0]) if item.column() == 0 and item.row() % SLICE_ROWS == 0
                             else None)
    lazy_tabs.build_on_demand(True)
    try:
        timer.start()
        fill(view, rows)
        qtbot.waitUntil(lambda: texts(view) == [r[0] for r in rows])
    finally:
        timer.stop()
        lazy_tabs.build_on_demand(False)
    assert len(seen) == 5 and all(later > earlier for earlier, later in itertools.pairwise(seen)), seen
