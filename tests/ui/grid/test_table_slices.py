"""Issue 17: once the app runs, a long grid list is put in the table a slice per event-loop turn;
the row count is right at once and every text follows; a refill drops the old slices."""

from __future__ import annotations

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
