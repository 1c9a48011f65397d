"""Issue 17 (never freeze): once the app runs, the 今日值班 pages build in steps, one per turn of
the event loop, and read their lists in a worker thread. Built that way a page ends up the same as
built at once (same fields, buttons, lists and texts) and works the same."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
    QToolButton,
    QWidget,
)

from dutydesk.store.duty.leave import LeaveInput, LeaveRequest, request_leave
from dutydesk.store.duty.relay import DOWN, RelayDraft, record_entry
from dutydesk.ui import lazy_tabs
from dutydesk.ui.duty.pages import page_builders
from dutydesk.ui.duty.tally_page import TallyPage
from dutydesk.ui.page_loader import wait_for_loads
from tests.duty_helpers import make_staff, put_on
from tests.ui.helpers import by_name, type_text

DAY = dt.date(2026, 11, 24)


def _texts(view: QAbstractItemView) -> list[list[str]]:
    if isinstance(view, QListWidget):
        return [[view.item(r).text(), str(view.item(r).checkState())] for r in range(view.count())]
    model = view.model()
    if model is None:
        return []
    top = QModelIndex()
    return [[str(model.index(r, c, top).data() or "") for c in range(model.columnCount(top))]
            for r in range(model.rowCount(top))]


def what_it_shows(page: QWidget) -> list[tuple]:
    """Every named part of the page with what it says, and every list's rows."""
    seen = []
    for widget in page.findChildren(QWidget):
        name = widget.accessibleName()
        if isinstance(widget, QAbstractItemView):
            seen.append(("list", name, _texts(widget)))
        elif isinstance(widget, QComboBox):
            seen.append(("choice", name, [widget.itemText(i) for i in range(widget.count())], widget.currentText()))
        elif isinstance(widget, QToolButton):
            continue  # a tab bar's own scroll arrows (enabled as laid out on the screen)
        elif isinstance(widget, QLineEdit | QLabel | QAbstractButton) and (name or widget.text()):
            enabled = widget.isEnabled() if isinstance(widget, QAbstractButton) else True
            seen.append((type(widget).__name__, name, widget.text(), enabled))
    return sorted(seen, key=repr)


def tab_order(page: QWidget) -> list[str]:
    """The page's named parts in the order Tab goes through them."""
    order, widget = [], page.nextInFocusChain()
    while widget is not page and len(order) < 5000:
        if page.isAncestorOf(widget) and widget.accessibleName():
            order.append(widget.accessibleName())
        widget = widget.nextInFocusChain()
    return order


def _books(desk, clock):
    s = make_staff(desk)
    clock.set(dt.datetime(2026, 11, 24, 8, 0))
    put_on(desk, DAY, "am", s["王委员"])
    request_leave(LeaveInput("周协管", DAY + dt.timedelta(days=1), DAY + dt.timedelta(days=1), "事假", "家中有事",
                             "赵文书", [], ""), "李文书", desk.now())
    record_entry(RelayDraft(DOWN, DAY, "桃源镇党政办", "防汛通知", "注意防汛", "李文书"), "李文书", desk.now())
    return s



def _build(desk, title: str) -> QWidget:
    if title == "考勤统计":  # the duty tab builds it itself (its own attribute)
        return TallyPage(desk)
    return dict(page_builders(desk))[title]()


def _complete(qtbot, page: QWidget) -> None:
    steps = getattr(page, "steps", None)
    if steps is not None:
        qtbot.waitUntil(lambda: steps.done)
    wait_for_loads()


@pytest.mark.parametrize("title", [title for title, _build in page_builders(None)] + ["考勤统计"])  # type: ignore[arg-type]
def test_a_page_built_in_steps_shows_the_same_as_built_at_once(app, qtbot, desk, clock, title):
    _books(desk, clock)
    at_once = _build(desk, title)
    qtbot.addWidget(at_once)
    lazy_tabs.build_on_demand(True)
    try:
        page = _build(desk, title)
        qtbot.addWidget(page)
        page.show()
        steps = getattr(page, "steps", None)
        if steps is not None:
            assert not steps.done  # the page's first turn built only its first part
        _complete(qtbot, page)
    finally:
        wait_for_loads()
        lazy_tabs.build_on_demand(False)
    assert what_it_shows(page) == what_it_shows(at_once)
    assert tab_order(page) == tab_order(at_once)
    assert any(kind == "list" and rows for kind, _name, rows, *_ in what_it_shows(page)) or title in (
        "排班", "值班记录簿", "督查", "周例会", "会议学习")


def test_d05_leave_asked_on_the_page_built_in_steps(app, qtbot, desk, clock, staged):
    """D05: the form built in a later step takes a leave request; the list read in a worker shows it."""
    _books(desk, clock)
    page = _build(desk, "请假")
    qtbot.addWidget(page)
    page.show()
    _complete(qtbot, page)
    combo = by_name(page, "请假人", QComboBox)
    combo.setCurrentIndex(combo.findText("王委员"))
    type_text(qtbot, by_name(page, "事由"), "孩子生病")
    by_name(page, "替班人", QComboBox).setCurrentText("赵文书")
    qtbot.mouseClick(by_name(page, "提交请假", QPushButton), Qt.MouseButton.LeftButton)
    assert "待书记或主任批准" in by_name(page, "请假提示", QLabel).text()
    assert LeaveRequest.select().count() == 2
    view = by_name(page, "请假记录", QTableView)
    qtbot.waitUntil(lambda: view.model().rowCount() == 2)
    assert ["王委员", "病假"] in [row[:2] for row in _texts(view)]


def test_tab_reaches_a_pages_buttons_after_its_fields(app, qtbot, desk, clock, staged):
    """The button bar is laid out first (its parts come in later turns): Tab still goes through
    the fields first, then the buttons, as on a page built at once."""
    _books(desk, clock)
    page = _build(desk, "请假")
    qtbot.addWidget(page)
    page.show()
    _complete(qtbot, page)
    order = tab_order(page)
    fields_then_buttons = ["事由", "销假说明", "提交请假", "销假"]
    assert [order.index(name) for name in fields_then_buttons] == sorted(order.index(n) for n in fields_then_buttons)


def test_refresh_asked_before_the_steps_are_through_finishes_the_page(app, qtbot, desk, clock, staged):
    _books(desk, clock)
    page = _build(desk, "请假")
    qtbot.addWidget(page)
    page.refresh()  # another page wrote to the books while this one was still building
    assert page.steps.done
    assert by_name(page, "提交请假", QPushButton) is not None
