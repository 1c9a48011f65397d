"""What every start looks at before opening the books (``store.leftovers``): a restore killed
part-way is settled and explained (A01, A03), stale temporary files go, fresh ones stay."""

from __future__ import annotations

import json
import os
import time

from dutydesk.store.datafolder import DataFolder
from dutydesk.store.leftovers import before_opening, books_missing, marker_path


def test_a01_a_start_without_a_marker_removes_only_stale_temporary_files(tmp_path):
    folder = DataFolder(tmp_path)
    stale, fresh = tmp_path / "export.xlsx.part", tmp_path / "backup.sqlite3.part"
    stale.write_bytes(b"x")
    fresh.write_bytes(b"y")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    assert before_opening(folder) is None
    assert not stale.exists() and fresh.exists()


def test_a03_a_restore_killed_before_its_end_is_finished_and_explained(tmp_path):
    folder = DataFolder(tmp_path)
    staged = tmp_path / ".dutydesk.sqlite3.restore-20261124-090000.part"
    staged.write_bytes(b"the backup's books")  # killed after the marker, with no books to go back to
    marker_path(folder).write_text(json.dumps(
        {"staging": staged.name, "aside": "", "source": "backups/daily.sqlite3",
         "started_at": "2026-11-24 09:00:00"}, ensure_ascii=False), encoding="utf-8")
    message = before_opening(folder)
    assert message is not None and "恢复已经完成" in message and "backups/daily.sqlite3" in message
    assert folder.db_path.read_bytes() == b"the backup's books"
    assert not marker_path(folder).exists() and not staged.exists()


def test_a01_books_gone_from_a_folder_with_backups_are_missing_not_new(tmp_path):
    folder = DataFolder(tmp_path)
    assert not books_missing(folder)  # a new folder: the first run makes the books
    folder.backups_dir.mkdir()
    (folder.backups_dir / "daily-20261123.sqlite3").write_bytes(b"")
    assert books_missing(folder)
