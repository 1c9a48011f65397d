"""工具 → 导入镇（街道）数据包… (issue 16): the dialog lists everything before it applies, the key
is confirmed once, a changed key needs a director, a package applies once, and the status bar
names the township's decision. P03: the proxy case advances to 上级已办结."""

from __future__ import annotations

import dataclasses
import datetime as dt
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QListWidget, QMessageBox, QPushButton

from dutydesk.domain.proxy_case import CaseState, StepKind
from dutydesk.store.accounts.account import Account
from dutydesk.store.accounts.login import set_password
from dutydesk.store.center import load_center, save_center
from dutydesk.store.notices.proxy_cases import ProxyCase, record_step
from dutydesk.store.township_inbox import TownshipPackage
from dutydesk.township.package_import import plan_import
from dutydesk.ui.tabs import menu_actions
from dutydesk.ui.township_package_dialog import (
    TownshipPackageDialog,
    decision_status_text,
    open_township_package,
)
from tests.notice_helpers import new_case, seed
from tests.plain_text import offending
from tests.township.package_helpers import VILLAGE, decision, package, result
from tests.ui.helpers import by_name, type_text, when_modal


@pytest.fixture
def village(desk, tmp_path):
    save_center(dataclasses.replace(load_center(), division_code=VILLAGE), "测试", desk.now())
    seed(desk)
    desk.account = Account.get(Account.name == "王书记")
    case = new_case(desk, code="SB-01")
    record_step(case, StepKind.SUBMIT, {"unit": "桃源镇便民服务中心", "date": dt.date(2026, 11, 20),
                                        "carrier": "李文书"}, "李文书", desk.now())
    package(tmp_path / "p", tmp_path / "key", results=[result(case.slip_no, "done", "已办结")],
            decisions=[decision()])
    return desk, case


def _dialog(qtbot, desk, folder) -> TownshipPackageDialog:
    dialog = TownshipPackageDialog(desk, plan_import(desk, folder))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _lines(dialog) -> list[str]:
    view = by_name(dialog, "导入内容", QListWidget)
    return [view.item(i).text() for i in range(view.count())]


def test_p03_preview_lists_everything_then_applies_once(qtbot, app, village, tmp_path):
    desk, case = village
    dialog = _dialog(qtbot, desk, tmp_path / "p")
    lines = _lines(dialog)
    assert f"将导入：代办单{case.slip_no}（张秀英）：上级已办结（已办结），办理单位桃源镇" in lines
    assert "将导入：2026年10月报送：镇级退回（来访登记缺少反馈结果）" in lines
    assert not offending(lines)  # Chinese only: no codes, no rule IDs
    go = by_name(dialog, "确认导入", QPushButton)
    qtbot.mouseClick(go, Qt.MouseButton.LeftButton)  # the fingerprint not yet confirmed
    assert "核对密钥指纹" in by_name(dialog, "导入结果").text()
    assert ProxyCase.get_by_id(case.id).case_state is CaseState.SUBMITTED
    by_name(dialog, "已与镇里核对密钥指纹", QCheckBox).setChecked(True)
    qtbot.mouseClick(go, Qt.MouseButton.LeftButton)
    assert by_name(dialog, "导入结果").text() == "已导入桃源镇的数据包：2项改动"
    assert not go.isEnabled() and dialog.applied
    assert ProxyCase.get_by_id(case.id).case_state is CaseState.APPROVED
    assert decision_status_text(desk) == "桃源镇退回2026年10月报送：来访登记缺少反馈结果"

    again = _dialog(qtbot, desk, tmp_path / "p")
    assert any("不会重复导入" in line for line in _lines(again))
    assert not by_name(again, "确认导入", QPushButton).isEnabled()
    assert TownshipPackage.select().count() == 1


def test_a_changed_key_needs_the_directors_password(qtbot, app, village, tmp_path):
    desk, case = village
    package(tmp_path / "first", tmp_path / "key")
    first = _dialog(qtbot, desk, tmp_path / "first")
    by_name(first, "已与镇里核对密钥指纹", QCheckBox).setChecked(True)
    qtbot.mouseClick(by_name(first, "确认导入", QPushButton), Qt.MouseButton.LeftButton)
    set_password(Account.get(Account.name == "王书记"), "1357", desk.who, desk.now())
    package(tmp_path / "q", tmp_path / "new-key", results=[result(case.slip_no, "done", "已办结")])
    dialog = _dialog(qtbot, desk, tmp_path / "q")
    assert any("与上次确认的不同" in line for line in _lines(dialog))
    type_text(qtbot, by_name(dialog, "主任密码"), "0000")
    qtbot.mouseClick(by_name(dialog, "确认导入", QPushButton), Qt.MouseButton.LeftButton)
    assert by_name(dialog, "主任密码错误提示").text()
    assert ProxyCase.get_by_id(case.id).case_state is CaseState.SUBMITTED
    type_text(qtbot, by_name(dialog, "主任密码"), "1357")
    qtbot.mouseClick(by_name(dialog, "确认导入", QPushButton), Qt.MouseButton.LeftButton)
    assert ProxyCase.get_by_id(case.id).case_state is CaseState.APPROVED


def test_a_damaged_package_is_refused_with_a_chinese_message(qtbot, app, village, tmp_path):
    desk, _case = village
    (tmp_path / "p" / "decisions.jsonl").write_text("{}\n", encoding="utf-8")
    shown = []

    def answer(box):
        shown.append(box.text())
        box.accept()

    when_modal(answer, kind=QMessageBox)
    context = SimpleNamespace(desk=desk, window=None, changed=lambda kind: None)
    assert open_township_package(context, tmp_path / "p") is False
    assert "与清单不符" in shown[0] and "没有任何改动" in shown[0]
    assert TownshipPackage.select().count() == 0


def test_the_menu_entry_is_for_directors():
    [action] = [a for a in menu_actions() if a.text == "导入镇（街道）数据包…"]
    assert action.menu == "工具" and action.director_only


def test_the_director_imports_from_the_tools_menu_and_the_status_bar_names_the_decision(
        qtbot, app, village, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from dutydesk.ui.main_window import MainWindow
    from dutydesk.ui.prefs import UiPrefs

    desk, case = village
    window = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "p"))
    seen = []

    def confirm(dialog):
        seen.extend(_lines(dialog))
        by_name(dialog, "已与镇里核对密钥指纹", QCheckBox).setChecked(True)
        by_name(dialog, "确认导入", QPushButton).click()
        dialog.reject()

    when_modal(confirm, kind=TownshipPackageDialog)
    next(a for a in window.menus["工具"].actions() if a.text() == "导入镇（街道）数据包…").trigger()
    assert any("上级已办结" in line for line in seen)
    assert ProxyCase.get_by_id(case.id).case_state is CaseState.APPROVED
    window.refresh_status()
    assert "桃源镇退回2026年10月报送：来访登记缺少反馈结果" in window.status_label.text()
