"""A01/A03 in the township window: a restore of the township's books killed part-way is settled
when the window opens its books, and the clerk is told in Chinese which way it went."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QMessageBox

from dutydesk.store.restore import marker_path
from dutydesk.township.township_database import sqlite_path
from dutydesk.ui.page_loader import wait_for_loads
from dutydesk.ui.township.township_app import launch_township
from tests.township.books.conftest import TOWNSHIP_CODE
from tests.township.books.township_restore_helpers import IN_BOOKS, accounts, township_with_backup
from tests.ui.helpers import when_modal


def test_a03_the_township_window_explains_an_interrupted_restore(app, qtbot, tmp_path):
    folder, backup = township_with_backup(tmp_path / "T", TOWNSHIP_CODE)
    staged = folder.path / ".township.sqlite3.restore-20270105-100000.part"
    staged.write_bytes(backup.read_bytes())  # killed after the marker, before the swap
    marker_path(folder).write_text(json.dumps(
        {"staging": staged.name, "aside": "", "database": "township.sqlite3", "source": str(backup),
         "started_at": "2027-01-05 10:00:00"}, ensure_ascii=False), encoding="utf-8")
    seen = []
    when_modal(lambda box: (seen.append((box.windowTitle(), box.text())), box.accept()), kind=QMessageBox)
    window, books = launch_township(folder)
    qtbot.addWidget(window)
    wait_for_loads()  # the pages' reads end before the books close
    books.close()
    [(title, text)] = seen
    assert title == "上次恢复被中断"
    assert "恢复没有完成" in text and "没有丢失任何数据" in text and str(backup) in text
    assert accounts(sqlite_path(folder)) == IN_BOOKS
    assert not marker_path(folder).exists() and not staged.exists()


def test_a03_the_township_window_does_not_open_while_a_restore_holds_the_folder(app, qtbot, tmp_path):
    """A restore run from the command line holds the folder lock: the window neither opens the books
    nor settles that restore's marker under it."""
    folder, backup = township_with_backup(tmp_path / "T", TOWNSHIP_CODE)
    marker_path(folder).write_text(json.dumps(
        {"staging": ".township.sqlite3.restore-20270105-100000.part", "aside": "", "database": "township.sqlite3",
         "source": str(backup), "started_at": "2027-01-05 10:00:00"}, ensure_ascii=False), encoding="utf-8")
    seen = []
    when_modal(lambda box: (seen.append(box.text()), box.accept()), kind=QMessageBox)
    with folder.lock():
        assert launch_township(folder) is None
    assert "正被另一个值班台程序使用" in seen[0]
    assert marker_path(folder).exists(), "the running restore's marker is left to it"
