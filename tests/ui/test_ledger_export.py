"""导出 → 导出到U盘…: the dialog a clerk uses at month end, driven like a user would."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QListWidget, QPushButton

from dutydesk.reports.handoff import MANIFEST, Drive
from dutydesk.store.visits.visit import register_visit
from dutydesk.ui.ledger_export import HandoffDialog
from dutydesk.ui.prefs import UiPrefs
from tests.store.conftest import draft
from tests.ui.helpers import by_name


@pytest.fixture
def stick(tmp_path) -> Path:
    root = tmp_path / "media" / "li" / "KINGSTON"
    root.mkdir(parents=True)
    return root


@pytest.fixture
def books(desk):
    at = dt.datetime(2026, 11, 3, 9, 0)
    register_visit(draft(received_at=at, person_name="张堃"), desk.who, at, desk.calendar())
    return desk


def make_dialog(qtbot, desk, drives):
    dialog = HandoffDialog(desk, UiPrefs(desk.folder.ui_settings_path), drives=drives)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def toggle(qtbot, box: QCheckBox) -> None:
    """Click on the check box's indicator (a click right of its text does nothing, as for users)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def choose_only(qtbot, dialog, names: set[str]) -> None:
    for box in dialog.ledger_boxes.values():
        if box.isChecked() != (box.accessibleName() in names):
            toggle(qtbot, box)


def click(qtbot, dialog, name: str) -> None:
    qtbot.mouseClick(by_name(dialog, name, QPushButton), Qt.MouseButton.LeftButton)


def message(dialog) -> str:
    return by_name(dialog, "导出提示", QLabel).text()


def test_drive_list_shows_sticks_and_picks_the_only_one(qtbot, app, books, stick):
    dialog = make_dialog(qtbot, books, [Drive(stick, "KINGSTON", 8 * 1024 ** 3)])
    drives = by_name(dialog, "U盘列表", QListWidget)
    assert drives.count() == 1 and drives.item(0).text() == f"KINGSTON（{stick}，可用 8.0 GB）"
    assert by_name(dialog, "导出位置", QLineEdit).text() == str(stick)


def test_no_stick_says_what_to_do(qtbot, app, books):
    dialog = make_dialog(qtbot, books, [])
    drives = by_name(dialog, "U盘列表", QListWidget)
    assert "未发现U盘" in drives.item(0).text() and "选择文件夹" in drives.item(0).text()


def test_export_to_stick_writes_checked_folder_and_remembers_choice(qtbot, app, books, stick):
    dialog = make_dialog(qtbot, books, [Drive(stick, "KINGSTON")])
    assert by_name(dialog, "月份").date().toString("yyyy-MM") == "2026-11"
    choose_only(qtbot, dialog, {"来访接待登记台账", "月度便民服务统计报表"})
    toggle(qtbot, by_name(dialog, "PDF", QCheckBox))  # Excel only
    click(qtbot, dialog, "导出")
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert message(dialog).startswith("已导出2个文件到") and "校验" in message(dialog)
    folder = dialog.result.folder
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert [e["ledger"] for e in manifest["files"]] == ["来访接待登记台账", "月度便民服务统计报表"]
    assert all(e["format"] == "xlsx" for e in manifest["files"])

    again = make_dialog(qtbot, books, [])
    checked = {b.accessibleName() for b in again.ledger_boxes.values() if b.isChecked()}
    assert checked == {"来访接待登记台账", "月度便民服务统计报表"}
    assert not by_name(again, "PDF", QCheckBox).isChecked()
    assert by_name(again, "导出位置", QLineEdit).text() == str(stick)


def test_cancel_leaves_nothing_on_the_stick(qtbot, app, books, stick):
    dialog = make_dialog(qtbot, books, [Drive(stick, "KINGSTON")])
    click(qtbot, dialog, "导出")
    progress = dialog.progress_dialog
    assert progress is not None and progress.isVisible()
    cancel = next(b for b in progress.findChildren(QPushButton) if b.text() == "取消")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert message(dialog) == "已取消导出，U盘上没有留下文件。"
    assert list(stick.iterdir()) == []


def test_pulled_stick_gives_a_clear_message_and_retry_works(qtbot, app, books, stick, tmp_path):
    dialog = make_dialog(qtbot, books, [])
    target = by_name(dialog, "导出位置", QLineEdit)
    target.setText(str(tmp_path / "gone"))
    click(qtbot, dialog, "导出")
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert "U盘是否已拔出" in message(dialog)
    target.setText(str(stick))
    choose_only(qtbot, dialog, {"来访接待登记台账"})
    click(qtbot, dialog, "导出")
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert message(dialog).startswith("已导出")


def test_nothing_chosen_is_explained_beside_the_buttons(qtbot, app, books, stick):
    dialog = make_dialog(qtbot, books, [])
    click(qtbot, dialog, "导出")
    assert message(dialog) == "请选择U盘或导出文件夹"
    by_name(dialog, "导出位置", QLineEdit).setText(str(stick))
    choose_only(qtbot, dialog, set())
    click(qtbot, dialog, "导出")
    assert message(dialog) == "请至少选择一种台账"


def test_menu_has_the_action(qtbot, app, desk):
    from dutydesk.ui.main_window import MainWindow

    window = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    qtbot.addWidget(window)
    texts = [a.text() for a in window.menus["导出"].actions()]
    assert "导出到U盘…" in texts


def _operator_with_director_password(desk) -> None:
    from dutydesk.store.accounts.account import Account
    from dutydesk.store.accounts.login import set_password

    set_password(Account.get(Account.name == "王书记"), "1357", desk.who, desk.now())
    desk.account = Account.get(Account.name == "李文书")
    register_visit(draft(received_at=dt.datetime(2026, 11, 4, 9, 0), person_name="赵六", contact="13812345678"),
                   desk.who, desk.now(), desk.calendar())


def test_v09_unmasked_hand_off_asks_the_director_and_is_logged(qtbot, app, books, stick):
    from openpyxl import load_workbook

    from dutydesk.store.privacy import ExportLog
    from tests.ui.helpers import type_text, when_modal

    _operator_with_director_password(books)
    dialog = make_dialog(qtbot, books, [Drive(stick, "KINGSTON")])
    choose_only(qtbot, dialog, {"来访接待登记台账"})
    toggle(qtbot, by_name(dialog, "PDF", QCheckBox))
    toggle(qtbot, by_name(dialog, "导出完整电话和身份证号（须主任批准）", QCheckBox))

    def approve(approval) -> None:
        assert approval.windowTitle() == "导出完整信息"
        type_text(qtbot, by_name(approval, "导出原因", QLineEdit), "镇民政办核对")
        approval.director.setCurrentIndex(approval.director.findData("王书记"))
        qtbot.keyClicks(by_name(approval, "主任密码", QLineEdit), "1357")
        qtbot.mouseClick(by_name(approval, "批准并导出", QPushButton), Qt.MouseButton.LeftButton)

    seen = when_modal(approve)
    click(qtbot, dialog, "导出")
    assert seen
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert message(dialog).startswith("已导出1个文件")
    sheet = load_workbook(dialog.result.folder / dialog.result.files[0]["name"]).active
    assert "13812345678" in [c for row in sheet.iter_rows(values_only=True) for c in row]
    entry = ExportLog.select().order_by(ExportLog.id.desc()).get()
    assert (entry.exported_by, entry.unmasked, entry.approved_by, entry.reason) == (
        "李文书", True, "王书记", "镇民政办核对")
    assert not make_dialog(qtbot, books, []).unmasked.isChecked()  # never remembered


def test_v09_refused_approval_exports_nothing(qtbot, app, books, stick):
    from tests.ui.helpers import when_modal

    _operator_with_director_password(books)
    dialog = make_dialog(qtbot, books, [Drive(stick, "KINGSTON")])
    toggle(qtbot, by_name(dialog, "导出完整电话和身份证号（须主任批准）", QCheckBox))
    seen = when_modal(lambda approval: qtbot.mouseClick(by_name(approval, "取消", QPushButton),
                                                        Qt.MouseButton.LeftButton))
    click(qtbot, dialog, "导出")
    assert seen and not dialog.busy
    assert message(dialog).startswith("未经主任批准，没有导出")
    assert list(stick.iterdir()) == []


@pytest.mark.parametrize(("today", "proposed"), [
    (dt.datetime(2026, 12, 3, 9, 0), "2026-11"),  # early in the month: last month's ledgers are due
    (dt.datetime(2026, 1, 10, 9, 0), "2025-12"),  # across the new year, the 10th included
    (dt.datetime(2026, 12, 11, 9, 0), "2026-12"),
])
def test_the_month_proposed_is_last_month_during_the_first_ten_days(qtbot, app, books, clock, today, proposed):
    clock.set(today)
    dialog = make_dialog(qtbot, books, [])
    assert by_name(dialog, "月份").date().toString("yyyy-MM") == proposed


def test_the_ledger_list_scrolls_and_export_stays_beside_it(qtbot, app, desk, monkeypatch):
    """A longer list of ledgers never pushes 导出 and 关闭 off a small screen (issue 13)."""
    from PySide6.QtWidgets import QGroupBox, QScrollArea

    from dutydesk.ui import screen_fit

    for wide in (True, False):
        monkeypatch.setattr(screen_fit, "TWO_COLUMNS_FROM", 0 if wide else 100_000)
        dialog = make_dialog(qtbot, desk, [])
        ledgers = by_name(dialog, "台账列表", QScrollArea)
        assert all(ledgers.isAncestorOf(box) for box in dialog.ledger_boxes.values())
        for name in ("导出", "关闭"):
            assert not ledgers.isAncestorOf(by_name(dialog, name, QPushButton))
        drive_box = next(box for box in dialog.findChildren(QGroupBox) if box.title() == "U盘")
        ledger_box = ledgers.parentWidget()
        beside = ledger_box.geometry().left() > drive_box.geometry().right()
        assert beside == wide  # where to export beside what to export only on a wide screen
        dialog.close()


def test_the_hand_off_thread_runs_with_the_collector_paused(qtbot, app, books, stick, monkeypatch):
    """Issue 17: a full collection in the worker held the interpreter lock and froze the window."""
    import gc

    from dutydesk.reports import handoff

    seen = []
    real = handoff.hand_off

    def watching(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(handoff, "hand_off", watching)
    dialog = make_dialog(qtbot, books, [Drive(stick, "KINGSTON")])
    choose_only(qtbot, dialog, {"来访接待登记台账"})
    click(qtbot, dialog, "导出")
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert seen == [False]
    assert gc.isenabled()
    assert message(dialog).startswith("已导出")
