"""V09 on demo data (issue 12, "Done means"): an operator (and a director who has not asked for a
logged reveal) walks every tab, page and the record dialogs of demo books and sees no resident's
phone or ID number in full anywhere."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QAbstractItemView, QDialog

from dutydesk.commands.demo import fill_demo_folder
from dutydesk.desk import open_desk
from dutydesk.domain.clock import FixedClock
from dutydesk.domain.personal_numbers import digits_of
from dutydesk.store.accounts.account import Account
from dutydesk.store.datafolder import DataFolder
from tests.conftest import DEFAULT_NOW
from tests.ui.test_masked_screens import _walk_tabs, _window, visible_texts

PERSONAL = """
    SELECT id_number FROM resident WHERE id_number IS NOT NULL AND id_number <> ''
    UNION SELECT phone FROM resident_phone
    UNION SELECT contact FROM visit WHERE contact <> ''
    UNION SELECT person_phone FROM proxy_case WHERE person_phone <> ''
"""


def residents_numbers(db_path) -> set[str]:
    """Every resident phone and ID number in the books (staff phones are public, D04)."""
    con = sqlite3.connect(db_path)
    try:
        numbers = {digits_of(row[0]) + ("X" if row[0].upper().endswith("X") else "")
                   for row in con.execute(PERSONAL)}
        staff = {digits_of(row[0]) for row in con.execute("SELECT mobile FROM staff")}
    finally:
        con.close()
    return {n for n in numbers if len(n) >= 10 and n not in staff}


@pytest.fixture
def demo_desk(tmp_path):
    folder = DataFolder(tmp_path / "demo")
    clock = FixedClock(DEFAULT_NOW)
    fill_demo_folder(folder, seed=2026, days=30, scale=0.3, clock=clock)
    desk = open_desk(folder, clock)
    yield desk
    desk.close()


@pytest.mark.parametrize("role", ["operator", "director"])
def test_v09_walking_demo_books_shows_no_full_resident_number(qtbot, app, demo_desk, role):
    """Operators never see a full number; directors neither, until a logged 显示完整号码."""
    numbers = residents_numbers(demo_desk.folder.db_path)
    assert len(numbers) > 20, "the demo books hold residents' numbers to hide"
    found: dict[str, set[str]] = {}

    masked_seen: set[str] = set()

    def check(root, where: str) -> None:
        for text in visible_texts(root):
            if "****" in text:
                masked_seen.add(text)
            shown = digits_of("".join(text.split())) + text.upper()
            for number in numbers:
                if number in shown:
                    found.setdefault(where, set()).add(number)

    demo_desk.account = Account.get(Account.role == role)
    window = _window(qtbot, demo_desk)
    import tests.ui.test_masked_screens as walk

    original, walk.assert_no_leak = walk.assert_no_leak, check
    try:
        _walk_tabs(window, qtbot)
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            for view in window.findChildren(QAbstractItemView):
                model = view.model()
                if model is not None and model.rowCount() > 0 and view.isVisibleTo(window):
                    for row in range(min(model.rowCount(), 5)):
                        view.setCurrentIndex(model.index(row, 0))
                        qtbot.wait(2)
                        check(window, f"{window.tabs.tabText(index)} 选中 {view.accessibleName()} 第{row + 1}行")
    finally:
        walk.assert_no_leak = original
    _record_dialogs(qtbot, demo_desk, window, check)
    for dialog in window.findChildren(QDialog):
        dialog.close()
    assert not found, found
    assert masked_seen, "the walk showed residents' numbers (masked): the check above is not vacuous"


def _record_dialogs(qtbot, desk, window, check) -> None:
    """The record view of this year's visits with a contact, the resident dialog, the F2 lookup
    list and the proxy slip's detail, a few of each."""
    from dutydesk.store.notices.proxy_cases import ProxyCase
    from dutydesk.store.visits.residents import Resident
    from dutydesk.store.visits.visit import Visit
    from dutydesk.ui.notices.proxy_case_page import CasePage
    from dutydesk.ui.visits.detail import VisitDetailDialog
    from dutydesk.ui.visits.resident_edit import ResidentEditDialog
    from dutydesk.ui.visits.tab import VisitsTab

    this_year = DEFAULT_NOW.replace(month=1, day=1, hour=0, minute=0)
    for visit in (Visit.select().where((Visit.contact != "") & (Visit.received_at >= this_year))
                  .order_by(Visit.id.desc()).limit(5)):
        dialog = VisitDetailDialog(desk, visit.id, window)
        qtbot.addWidget(dialog)
        check(dialog, f"来访记录 {visit.ref}")
    residents = list(Resident.select().where(Resident.id_number.is_null(False)).limit(5))
    visits_tab = window.findChild(VisitsTab)
    window.show_tab("来访登记")
    for resident in residents:
        dialog = ResidentEditDialog(desk, resident, window)
        qtbot.addWidget(dialog)
        check(dialog, f"群众信息 {resident.name}")
        visits_tab.form.lookup.edit.setText(resident.name)
        check(visits_tab.form.lookup.results, f"查找群众 {resident.name}")
    page = window.findChild(CasePage)
    for case in ProxyCase.select().where(ProxyCase.person_phone != "").order_by(ProxyCase.id.desc()).limit(5):
        page.show_case(case)
        check(page, f"代办单 {case.slip_no}")
