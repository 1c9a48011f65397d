"""Foundation backup hooks: find the latest good backup and restore it, keeping the old file."""

import datetime as dt

from dutydesk.store.backup import backup_to, latest_good_backup, restore_backup
from dutydesk.store.integrity import quick_check
from tests.store.test_integrity import corrupt


def test_restore_latest_good_backup_keeps_the_damaged_file_aside(desk, clock):
    folder = desk.folder
    good = backup_to(folder.db_path, folder.backups_dir / "daily-20261123.sqlite3")
    bad = folder.backups_dir / "daily-20261124.sqlite3"
    bad.write_bytes(b"not a database at all" * 100)
    assert latest_good_backup(folder) == good
    desk.close()
    corrupt(folder.db_path)
    aside = restore_backup(folder, good, dt.datetime(2026, 11, 24, 9, 30))
    assert quick_check(folder.db_path) == []
    assert aside.exists()  # the damaged file is kept, not deleted
    assert aside.name == "dutydesk.sqlite3.before-restore-20261124-093000"
    assert quick_check(aside) != []
