"""Start-up and CLI integrity checks, and the damaged-database path."""

import pytest

from dutydesk.store.datafolder import DataFolder
from dutydesk.store.integrity import full_check, quick_check
from dutydesk.store.opening import DamagedDatabase, open_books


def corrupt(path):
    data = bytearray(path.read_bytes())
    data[0:16] = b"this is garbage!"  # destroy the SQLite header
    path.write_bytes(bytes(data))


def test_sound_database_passes(desk):
    assert quick_check(desk.folder.db_path) == []
    report = full_check(desk.db)
    assert report.ok
    assert report.counts["account"] == 3
    assert report.counts["center_profile"] == 1
    assert report.schema_version >= 1


def test_missing_file_is_not_a_problem(tmp_path):
    assert quick_check(tmp_path / "none.sqlite3") == []


def test_corrupted_file_is_detected_before_opening(tmp_path):
    folder = DataFolder(tmp_path / "d")
    db = open_books(folder)
    db.close()
    corrupt(folder.db_path)
    assert quick_check(folder.db_path)
    with pytest.raises(DamagedDatabase) as info:
        open_books(folder)
    assert info.value.backup is None
    assert "损坏" in str(info.value)
