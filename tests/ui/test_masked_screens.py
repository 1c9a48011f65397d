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

from dutydesk.store.accounts.account import Account
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.prefs import UiPrefs
from tests.personal_numbers_data import leaks, seed_numbers
from tests.ui.helpers import by_name, type_text, when_modal

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


def _select_first_rows(window: MainWindow, qtbot) -> None:
    """Pick the first record of every list and table: detail panes beside them fill in."""
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None and model.rowCount() > 0 and view.isVisibleTo(window):
            view.setCurrentIndex(model.index(0, 0))
            qtbot.wait(5)
            assert_no_leak(window, f"选中 {view.accessibleName() or type(view).__name__}")


def test_v09_operator_sees_no_full_resident_number_anywhere(qtbot, app, desk):
    from dutydesk.ui.visits.detail import VisitDetailDialog
    from dutydesk.ui.visits.resident_edit import ResidentEditDialog
    from dutydesk.ui.visits.summary_dialog import VisitSummaryDialog
    from dutydesk.ui.visits.tab import VisitsTab

    data = seed_numbers(desk)
    desk.account = Account.get(Account.name == "李文书")
    assert desk.account.role == "operator"
    window = _window(qtbot, desk)
    _walk_tabs(window, qtbot)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        _select_first_rows(window, qtbot)

    archive = window.tabs.widget(3)
    window.tabs.setCurrentIndex(3)
    archive.query_edit.setText("周桂兰")
    archive.run_search()
    assert archive.view.model().rowCount() > 0
    assert_no_leak(window, "档案查询 周桂兰")

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

    summary = VisitSummaryDialog(desk, window)
    qtbot.addWidget(summary)
    assert_no_leak(summary, "来访情况汇总")

    edit = ResidentEditDialog(desk, data["resident"], window)
    qtbot.addWidget(edit)
    edit.show()
    assert_no_leak(edit, "群众信息")
    assert not [b for b in edit.findChildren(QAbstractButton) if b.text() == "显示完整号码"]
    for dialog in window.findChildren(QDialog):
        dialog.close()


def _buttons(root: QWidget, text: str) -> list[QAbstractButton]:
    return [b for b in root.findChildren(QAbstractButton) if b.text() == text]


def test_v09_director_reveal_shows_the_full_number_and_is_logged(qtbot, app, desk):
    from dutydesk.store.privacy import reveals
    from dutydesk.ui.visits.detail import VisitDetailDialog

    data = seed_numbers(desk)
    visit = data["visits"][0]
    desk.account = Account.get(Account.name == "王书记")
    dialog = VisitDetailDialog(desk, visit.id)
    qtbot.addWidget(dialog)
    record = by_name(dialog, "记录详情")
    assert leaks(record.toPlainText()) == []  # masked for directors too until they ask
    assert reveals() == []
    by_name(dialog, "显示完整号码").click()
    text = record.toPlainText()
    assert "13822223333" in text and "11010519491231002X" in text and "139 1234 5678" in text
    (entry,) = reveals()
    assert (entry.exported_by, entry.exported_at, entry.unmasked) == ("王书记", desk.now(), True)
    assert visit.ref in entry.what and "周桂兰" in entry.what
    assert not by_name(dialog, "显示完整号码").isEnabled()


def test_v09_director_reveal_in_the_resident_dialog_is_logged(qtbot, app, desk):
    from dutydesk.store.privacy import reveals
    from dutydesk.ui.visits.resident_edit import ResidentEditDialog

    resident = seed_numbers(desk)["resident"]
    desk.account = Account.get(Account.name == "王书记")
    dialog = ResidentEditDialog(desk, resident)
    qtbot.addWidget(dialog)
    assert by_name(dialog, "身份证号").text() == "110105********002X"
    by_name(dialog, "显示完整号码").click()
    assert by_name(dialog, "身份证号").text() == "11010519491231002X"
    assert "13822223333" in "".join(visible_texts(dialog))
    (entry,) = reveals()
    assert entry.exported_by == "王书记" and "周桂兰" in entry.what


def test_v09_operator_has_no_reveal_and_is_refused_by_the_store(qtbot, app, desk):
    import pytest

    from dutydesk.store.privacy import RevealRefused, log_reveal
    from dutydesk.ui.visits.detail import VisitDetailDialog
    from dutydesk.ui.visits.resident_edit import ResidentEditDialog

    data = seed_numbers(desk)
    desk.account = Account.get(Account.name == "李文书")
    for dialog in (VisitDetailDialog(desk, data["visits"][0].id), ResidentEditDialog(desk, data["resident"])):
        qtbot.addWidget(dialog)
        assert _buttons(dialog, "显示完整号码") == []
    with pytest.raises(RevealRefused, match="主任"):
        log_reveal(desk.account, desk.now(), "来访记录")


def test_v09_operator_corrects_a_masked_id_and_note_without_seeing_them(qtbot, app, desk):
    from dutydesk.domain.idcard import check_digit
    from dutydesk.store.visits.residents import Resident
    from dutydesk.ui.visits.resident_edit import ResidentEditDialog

    resident = seed_numbers(desk)["resident"]
    desk.account = Account.get(Account.name == "李文书")
    dialog = ResidentEditDialog(desk, resident)
    qtbot.addWidget(dialog)
    id_field, note = by_name(dialog, "身份证号"), by_name(dialog, "备注")
    assert note.text() == "女儿电话139-****-4321"
    new_id = "11010519491231003" + check_digit("11010519491231003")
    qtbot.keyClicks(id_field, new_id)  # the first key replaces the masked number
    assert id_field.text() == new_id
    type_text(qtbot, note, "（已核实）")
    type_text(qtbot, by_name(dialog, "更正原因"), "身份证号录错")
    by_name(dialog, "保存").click()
    saved = Resident.get_by_id(resident.id)
    assert saved.id_number == new_id
    assert saved.note == "女儿电话139-8765-4321（已核实）"  # the masked number kept in full


def test_v09_visit_correction_keeps_the_numbers_left_masked(qtbot, app, desk):
    from PySide6.QtWidgets import QPlainTextEdit

    from dutydesk.store.visits.visit import Visit
    from dutydesk.ui.visits.detail import VisitDetailDialog

    visit = seed_numbers(desk)["visits"][0]
    desk.account = Account.get(Account.name == "李文书")
    dialog = VisitDetailDialog(desk, visit.id)
    qtbot.addWidget(dialog)

    def correct(d: QWidget) -> None:
        request = by_name(d, "诉求内容", QPlainTextEdit)
        assert leaks(request.toPlainText()) == [] and by_name(d, "联系电话").text() == "138****3333"
        request.setPlainText(request.toPlainText() + "（补充：下午回电）")
        by_name(d, "更正原因").setText("补充")
        by_name(d, "确定").click()

    when_modal(correct)
    by_name(dialog, "更正").click()
    saved = Visit.get_by_id(visit.id)
    assert saved.request == visit.request + "（补充：下午回电）"
    assert saved.contact == "13822223333"
