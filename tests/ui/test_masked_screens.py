"""V09 on screen: an operator walking every tab, page and record dialog sees no resident's phone
or ID number in full, however it was typed; a director may reveal one, and each reveal is logged."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from dutydesk.store.accounts import Account
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.prefs import UiPrefs
from tests.personal_numbers_data import leaks, seed_numbers
from tests.ui.helpers import by_name, when_modal

ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent if parent is not None else QModelIndex()
    out: list[str] = []
    try:
        columns = model.columnCount(parent)
    except TypeError:  # list models keep columnCount private in PySide6
        columns = 1
    for row in range(model.rowCount(parent)):
        for column in range(max(columns, 1)):
            index = model.index(row, column, parent)
            for role in ROLES:
                value = model.data(index, role)
                if value is not None:
                    out.append(str(value))
            if column == 0 and model.rowCount(index) > 0:  # tree models: the children too
                out += _model_texts(model, index)
    return out


def visible_texts(root: QWidget) -> list[str]:
    """Every text a user can read in ``root``: labels, fields, buttons, lists, tables, titles."""
    texts = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, (QLabel, QLineEdit)):
            texts.append(w.text())
        elif isinstance(w, (QTextEdit, QPlainTextEdit)):
            texts.append(w.toPlainText())
        elif isinstance(w, QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            texts += _model_texts(w.model())
        texts.append(w.toolTip())
        if w.isWindow():
            texts.append(w.windowTitle())
    return [t for t in texts if t]


def assert_no_leak(root: QWidget, where: str) -> None:
    found = {n: t for t in visible_texts(root) for n in leaks(t)}
    assert not found, f"{where}: {found}"


def _window(qtbot, desk) -> MainWindow:
    window = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _walk_tabs(window: MainWindow, qtbot) -> None:
    """Every tab and every page inside a tab (nested QTabWidgets), each shown once."""
    def walk(tabs: QTabWidget, path: str) -> None:
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            qtbot.wait(5)
            page = tabs.widget(i)
            where = f"{path}/{tabs.tabText(i)}"
            for inner in page.findChildren(QTabWidget):
                walk(inner, where)
            assert_no_leak(window, where)

    walk(window.tabs, "")


def test_v09_operator_sees_no_full_resident_number_anywhere(qtbot, app, desk):
    from dutydesk.ui.visits.detail import VisitDetailDialog
    from dutydesk.ui.visits.resident_edit import ResidentEditDialog
    from dutydesk.ui.visits.tab import VisitsTab

    data = seed_numbers(desk)
    desk.account = Account.get(Account.name == "李文书")
    assert desk.account.role == "operator"
    window = _window(qtbot, desk)
    _walk_tabs(window, qtbot)

    visits = window.findChild(VisitsTab)
    window.show_tab("来访登记")
    for query in ("周桂兰", "13822223333", "zgl"):  # the number the operator typed is theirs to see
        visits.form.lookup.edit.setText(query)
        assert visits.form.lookup.results.count() == 1, query
        assert_no_leak(visits.form.lookup.results, f"查找群众 {query}")
    visits.form.lookup.take_current()  # the registration form filled from the picked resident
    assert_no_leak(window, "登记表（已选群众）")

    for visit in data["visits"]:
        dialog = VisitDetailDialog(desk, visit.id, window)
        qtbot.addWidget(dialog)
        assert_no_leak(dialog, f"来访记录 {visit.ref}")
        assert not [b for b in dialog.findChildren(QAbstractButton) if b.text() == "显示完整号码"]
        when_modal(lambda d, ref=visit.ref: (assert_no_leak(d, f"更正记录 {ref}"), d.reject()))
        by_name(dialog, "更正").click()

    edit = ResidentEditDialog(desk, data["resident"], window)
    qtbot.addWidget(edit)
    edit.show()
    assert_no_leak(edit, "群众信息")
    assert not [b for b in edit.findChildren(QAbstractButton) if b.text() == "显示完整号码"]
    for dialog in window.findChildren(QDialog):
        dialog.close()
