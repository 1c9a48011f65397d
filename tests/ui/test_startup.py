"""Opening a folder in the GUI: first run, second instance refused, damaged database dialog."""

from PySide6.QtWidgets import QLineEdit, QMessageBox, QPushButton

from dutydesk.store.accounts.account import Account
from dutydesk.store.backup import backup_to
from dutydesk.store.center import load_center
from dutydesk.store.integrity import quick_check
from dutydesk.ui.startup import open_for_gui
from tests.store.test_integrity import corrupt
from tests.ui.helpers import by_name, type_text, when_modal


def test_first_run_on_an_empty_folder_saves_center_and_admin(qtbot, app, folder, clock):
    def answer(dialog):
        for label, text in {"服务中心名称": "青石村党群服务中心", "所属乡镇/街道": "桃源镇",
                            "地址": "村部一楼", "服务电话": "0571-63281234",
                            "监督电话": "0571-63285678", "管理员账户名": "王芳",
                            "管理员密码": "8642", "再次输入密码": "8642"}.items():
            type_text(qtbot, by_name(dialog, label, QLineEdit), text)
        by_name(dialog, "确定", QPushButton).click()

    when_modal(answer)
    opened = open_for_gui(folder, clock)
    assert opened is not None
    try:
        assert load_center().name == "青石村党群服务中心"
        assert opened.desk.account.name == "王芳" and opened.desk.account.role == "admin"
    finally:
        opened.close()


def test_cancelled_first_run_opens_nothing_and_releases_the_folder(qtbot, app, folder, clock):
    when_modal(lambda dialog: dialog.reject())
    assert open_for_gui(folder, clock) is None
    with folder.lock():  # released
        pass


def test_second_instance_is_refused_with_a_message(qtbot, app, desk, clock):
    first = desk.folder.lock()
    first.acquire()
    texts = []

    def read_and_close(box):
        assert isinstance(box, QMessageBox)
        texts.append(box.text())
        box.accept()

    when_modal(read_and_close)
    try:
        assert open_for_gui(desk.folder, clock) is None
    finally:
        first.release()
    assert "另一个值班台" in texts[0]


def test_damaged_database_shows_dialog_and_restores_latest_backup(qtbot, app, desk, clock):
    folder = desk.folder
    backup_to(folder.db_path, folder.backups_dir / "daily-20261123.sqlite3")
    desk.close()
    corrupt(folder.db_path)

    texts = []

    def restore(box):
        texts.append(box.text())
        by_name(box, "恢复最近的备份", QPushButton).click()

    when_modal(restore)
    opened = open_for_gui(folder, clock)
    assert opened is not None, "restoring the backup opens the books instead of crashing"
    try:
        assert "检查未通过" in texts[0] and "daily-20261123" in texts[0]
        assert quick_check(folder.db_path) == []
        assert Account.select().count() == 3
        assert list(folder.path.glob("dutydesk.sqlite3.before-restore-*"))
    finally:
        opened.close()


def test_damaged_database_without_backup_says_so_and_quits(qtbot, app, desk, clock):
    folder = desk.folder
    desk.close()
    corrupt(folder.db_path)
    texts = []

    def quit_(box):
        texts.append(box.text())
        by_name(box, "退出", QPushButton).click()

    when_modal(quit_)
    assert open_for_gui(folder, clock) is None
    assert "没有找到可用的备份" in texts[0]


def test_a03_interrupted_restore_is_explained_at_the_next_start(qtbot, app, desk, clock):
    import datetime as dt

    import pytest

    from dutydesk.store import restore
    from dutydesk.store.backup_schedule import take_backup

    folder = desk.folder
    backup = take_backup(folder, clock.now(), "manual")
    from dutydesk.store.accounts.account import create_account

    create_account("赵干部", "operator", desk.who, desk.now())
    desk.close()

    class Killed(BaseException):
        pass

    def die(step):
        if step == "old_kept":
            raise Killed

    restore.STEP_HOOK = die
    try:
        with pytest.raises(Killed):
            restore.restore_books(folder, backup, dt.datetime(2026, 11, 24, 10, 0))
    finally:
        restore.STEP_HOOK = None
    texts = []

    def read(box):
        texts.append((box.windowTitle(), box.text()))
        by_name(box, "知道了", QPushButton).click()

    when_modal(read)
    opened = open_for_gui(folder, clock)
    assert opened is not None
    try:
        assert texts[0][0] == "上次恢复被中断"
        assert "恢复没有完成" in texts[0][1] and backup.name in texts[0][1]
        assert Account.select().count() == 4  # the books as they were before the restore
    finally:
        opened.close()


def _books_gone(desk, clock):
    from dutydesk.store.backup_schedule import take_backup

    backup = take_backup(desk.folder, clock.now(), "daily")
    desk.close()
    desk.folder.db_path.unlink()
    return backup


def test_a03_missing_books_offer_the_latest_backup_not_the_first_run_wizard(qtbot, app, desk, clock):
    backup = _books_gone(desk, clock)
    texts = []

    def restore(box):
        texts.append(box.text())
        by_name(box, "恢复最近的备份", QPushButton).click()

    when_modal(restore)
    opened = open_for_gui(desk.folder, clock)
    assert opened is not None
    try:
        assert "找不到账本文件" in texts[0] and backup.name in texts[0]
        assert load_center().name == "青石村党群服务中心" and Account.select().count() == 3
    finally:
        opened.close()


def test_a03_missing_books_quit_leaves_the_folder_as_it_was(qtbot, app, desk, clock):
    _books_gone(desk, clock)
    when_modal(lambda box: by_name(box, "退出", QPushButton).click())
    assert open_for_gui(desk.folder, clock) is None
    assert not desk.folder.db_path.exists()
    with desk.folder.lock():  # released
        pass


def test_leftover_temporary_files_are_removed_at_start(qtbot, app, desk, clock):
    import os
    import time

    folder = desk.folder
    desk.close()
    folder.backups_dir.mkdir(exist_ok=True)
    leftovers = [folder.backups_dir / "dutydesk-20261123-170000-exit.sqlite3.part",
                 folder.path / ".dutydesk.sqlite3.restore-20261123-100000.part"]
    for path in leftovers:
        path.write_bytes(b"half")
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    opened = open_for_gui(folder, clock)
    assert opened is not None
    opened.close()
    assert not any(path.exists() for path in leftovers)


def test_a03_missing_books_start_empty_only_when_asked_and_keep_the_backups(qtbot, app, desk, clock):
    from dutydesk.ui.first_run import FirstRunDialog

    backup = _books_gone(desk, clock)
    wizard = []

    def start_empty(box):
        by_name(box, "新建空白账本", QPushButton).click()
        when_modal(lambda dialog: (wizard.append(dialog), dialog.reject()), kind=FirstRunDialog)

    when_modal(start_empty)
    assert open_for_gui(desk.folder, clock) is None  # the wizard was cancelled
    assert wizard and backup.exists()
