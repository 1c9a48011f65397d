"""First-day sense (issue 13, point 5): what a new member of staff meets on day one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QTableView

from dutydesk.store.visits.visit import register_visit, void_visit
from dutydesk.ui.archive.tab import ArchiveTab
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.prefs import UiPrefs
from tests.store.conftest import draft
from tests.ui.helpers import activate, by_name, type_text


def make_window(qtbot, desk):
    window = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def ctrl_f(qtbot, window) -> QLineEdit | None:
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    focused = QApplication.focusWidget()
    return focused if isinstance(focused, QLineEdit) else None


def test_ctrl_f_focuses_the_search_box_of_the_current_tab(qtbot, app, desk):
    window = make_window(qtbot, desk)
    expected = {"来访登记": "查找群众", "一次性告知": "搜索事项", "档案查询": "检索词"}
    for index in range(window.tabs.count()):
        title = window.tabs.tabText(index)
        if title not in expected:
            continue
        window.tabs.setCurrentIndex(index)
        qtbot.wait(10)
        edit = ctrl_f(qtbot, window)
        assert edit is not None and edit.accessibleName() == expected[title], title


def test_ctrl_f_on_the_proxy_page_focuses_its_slip_search(qtbot, app, desk):
    window = make_window(qtbot, desk)
    window.tabs.setCurrentIndex([window.tabs.tabText(i) for i in range(window.tabs.count())].index("一次性告知"))
    qtbot.wait(10)
    pages = by_name(window, "一次性告知页面")
    pages.setCurrentIndex(1)  # 代办跟踪
    edit = ctrl_f(qtbot, window)
    assert edit is not None and edit.accessibleName() == "查找代办单"


def test_archive_search_leaves_voided_records_out_until_asked(qtbot, app, desk):
    kept = register_visit(draft(person_name="张三丰", request="咨询低保续办材料"), desk.who, desk.now(),
                          desk.calendar())
    wrong = register_visit(draft(person_name="张三丰", request="低保重复登记"), desk.who, desk.now(), desk.calendar())
    void_visit(wrong, desk.who, desk.now(), "重复登记")
    tab = ArchiveTab(desk)
    qtbot.addWidget(tab)
    voided = by_name(tab, "含已作废", QCheckBox)
    assert not voided.isChecked()
    type_text(qtbot, by_name(tab, "检索词", QLineEdit), "低保")
    qtbot.keyClick(by_name(tab, "检索词", QLineEdit), Qt.Key.Key_Return)
    view = by_name(tab, "检索结果", QTableView)
    assert view.model().rowCount() == 1 and "续办材料" in view.model().index(0, 4).data()
    assert kept.voided_at is None
    voided.setChecked(True)
    assert view.model().rowCount() == 2


def test_new_staff_have_no_default_post_and_must_choose_one(qtbot, app, desk):
    from PySide6.QtWidgets import QComboBox, QLabel, QPushButton

    from dutydesk.store.duty.staff import Staff
    from dutydesk.ui.duty.tab import DutyTab

    tab = DutyTab(desk)
    qtbot.addWidget(tab)
    page = tab.show_page("人员")
    role = by_name(page, "职务", QComboBox)
    assert role.currentIndex() == -1 and role.currentText() == ""
    type_text(qtbot, by_name(page, "姓名"), "刘晓东")
    type_text(qtbot, by_name(page, "手机号"), "13812345678")
    qtbot.mouseClick(by_name(page, "新增人员", QPushButton), Qt.MouseButton.LeftButton)
    assert by_name(page, "职务错误提示", QLabel).text() == "请选择职务"
    assert Staff.select().count() == 0 and by_name(page, "姓名").text() == "刘晓东"
    role.setCurrentIndex(role.findText("文书"))
    qtbot.mouseClick(by_name(page, "新增人员", QPushButton), Qt.MouseButton.LeftButton)
    assert Staff.get().role == "文书"
    assert role.currentIndex() == -1  # the form is cleared for the next person, post unchosen again
