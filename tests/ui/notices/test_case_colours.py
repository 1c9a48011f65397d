"""Status colours keep their meaning (issue 13): green is for done; an open case on time is in the
normal text colour, amber when due soon, red when overdue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from dutydesk.store.notices import proxy_cases
from dutydesk.ui.notices.proxy_case_page import CasePage
from dutydesk.ui.theme import OK_GREEN, OVERDUE_RED
from tests.notice_helpers import new_case, seed
from tests.store.notices.test_proxy_cases import walk
from tests.ui.helpers import by_name


def colours(page: CasePage) -> dict[str, str | None]:
    model = by_name(page, "代办单列表", QTableView).model()
    out = {}
    for row in range(model.rowCount()):
        colour = model.index(row, 3).data(Qt.ItemDataRole.ForegroundRole)
        out[model.index(row, 0).data()] = colour.name().upper() if colour is not None else None
    return out


def test_an_open_case_on_time_is_not_green_a_closed_one_is(qtbot, app, desk, clock):
    seed(desk)
    done = new_case(desk)
    walk(desk, done)
    open_case = new_case(desk)
    late = new_case(desk, at=clock.now().replace(month=9, day=1))
    page = CasePage(desk, lambda case: None, lambda: None)
    qtbot.addWidget(page)
    page.open_only.setChecked(False)
    page.reload()
    shown = colours(page)
    assert proxy_cases.case_by_id(done.id).closed_at is not None
    assert shown[done.slip_no] == OK_GREEN
    assert shown[open_case.slip_no] is None  # open and on time: ordinary text, never green
    assert shown[late.slip_no] == OVERDUE_RED


def test_accepting_a_proxy_case_is_not_shown_in_green(qtbot, app, desk):
    from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit

    from dutydesk.ui.notices.checklist_page import ChecklistPage
    from dutydesk.ui.theme import TEXT

    seed(desk)
    page = ChecklistPage(desk, lambda notice: None, lambda case: None)
    qtbot.addWidget(page)
    search = by_name(page, "搜索事项", QLineEdit)
    qtbot.keyClicks(search, "ylbx")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    for box in page.findChildren(QCheckBox):
        if box.accessibleName() != "不符合办理条件":
            box.setChecked(True)
    outcome = by_name(page, "办理结果", QLabel)
    assert outcome.text() == "材料齐全，受理代办"
    assert TEXT in outcome.styleSheet() and OK_GREEN not in outcome.styleSheet()
