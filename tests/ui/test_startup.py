"""Opening a folder in the GUI: first run, second instance refused, damaged database dialog."""

from PySide6.QtWidgets import QLineEdit, QMessageBox, QPushButton

from dutydesk.store.accounts import Account
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
        assert list(folder.path.glob("replaced-*/dutydesk.sqlite3"))
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
