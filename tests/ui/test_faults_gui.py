"""Faults of the machine in the GUI: a message box or message in plain Chinese saying which
folder or file and what to do; the app keeps running (or, at start, exits cleanly)."""

from __future__ import annotations

import errno
import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from dutydesk.store import atomic, folder_lock
from dutydesk.store.base import database
from dutydesk.store.faults import DiskFull
from dutydesk.store.visits.residents import ResidentData, create_resident
from dutydesk.ui.startup import install_excepthook, open_for_gui
from tests.ui.helpers import when_modal
from tests.ui.test_ledger_export import books, choose_only, click, make_dialog, message, stick  # noqa: F401


@pytest.fixture
def shown(monkeypatch):
    """What the last-resort hook shows: (title, text) of each message box."""
    boxes: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: boxes.append((title, text)))
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: boxes.append((title, text)))
    old_hook = sys.excepthook
    yield boxes
    sys.excepthook = old_hook


def _raise_into_hook(exc: BaseException) -> None:
    try:
        raise exc
    except BaseException as caught:
        sys.excepthook(type(caught), caught, caught.__traceback__)


def test_a_file_open_in_wps_is_a_plain_message_and_the_app_keeps_running(qtbot, app, folder, shown):
    install_excepthook(folder)
    target = folder.path / "来访登记.xlsx"
    _raise_into_hook(PermissionError(errno.EACCES, "Permission denied", str(target)))
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "操作未完成" and str(target) in text and "WPS" in text and "关闭" in text
    assert "Permission" not in text and "意外" not in title
    assert QApplication.instance() is app


def test_a_full_disk_while_saving_is_said_as_such(qtbot, app, desk, shown):
    """SQLITE_FULL on a real write (max_page_count): the box says the disk is full."""
    install_excepthook(desk.folder)
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DiskFull) as caught, database.atomic():
        for i in range(400):
            create_resident(ResidentData(f"居民{i}", note="备注" * 200), desk.who, desk.now())
    database.execute_sql("PRAGMA max_page_count = 1073741823")
    _raise_into_hook(caught.value)
    title, text = shown[0]
    assert title == "操作未完成"
    assert "磁盘已满" in text and str(desk.folder.path) in text and "rollback" not in text


def test_a_read_only_data_folder_at_start_is_a_message_and_a_clean_exit(qtbot, app, folder, clock, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", self.lock_file)

    monkeypatch.setattr(folder_lock.PlatformLock, "acquire", refuse)
    texts: list[str] = []

    def read_and_close(box):
        texts.append(box.text())
        box.accept()

    when_modal(read_and_close)
    assert open_for_gui(folder, clock) is None
    assert "数据文件夹不能写入" in texts[0] and str(folder.path) in texts[0]


def test_hand_off_with_the_local_disk_full_says_so_and_leaves_nothing(qtbot, app, books, stick,  # noqa: F811
                                                                     monkeypatch):
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    dialog = make_dialog(qtbot, books, [])
    dialog.target.setText(str(stick))
    choose_only(qtbot, dialog, {"来访接待登记台账"})
    click(qtbot, dialog, "导出")
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert message(dialog).startswith("磁盘已满") and "OSError" not in message(dialog)
    assert list(stick.iterdir()) == []


@pytest.mark.qt_no_exception_capture
def test_saving_on_a_full_disk_shows_a_box_and_the_dialog_stays_open(qtbot, app, desk, shown):
    """A real button: 添加日期 with SQLITE_FULL (max_page_count) says the disk is full; the dialog
    stays usable and nothing was saved."""
    from PySide6.QtCore import QDate, Qt

    from dutydesk.store.accounts.account import Account
    from dutydesk.ui.visits.calendar_settings import CalendarSettingsDialog
    from tests.ui.helpers import by_name

    install_excepthook(desk.folder)
    desk.account = Account.get(Account.name == "王书记")
    dialog = CalendarSettingsDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    by_name(dialog, "日期").setDate(QDate(2027, 1, 1))
    by_name(dialog, "名称").setText("元旦" * 4000)  # needs new pages: a full disk refuses them
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages}")
    try:
        qtbot.mouseClick(by_name(dialog, "添加日期"), Qt.MouseButton.LeftButton)
    finally:
        database.execute_sql("PRAGMA max_page_count = 1073741823")
    assert [title for title, _ in shown] == ["操作未完成"]
    assert shown[0][1].startswith("磁盘已满") and str(desk.folder.path) in shown[0][1]
    assert dialog.isVisible()
    assert desk.calendar().special_days(2027) == []
