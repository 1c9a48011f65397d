"""Backups: daily at first start, rotation, verified restore keeping the replaced file aside."""

from __future__ import annotations

import datetime as dt
import sqlite3

from dutydesk.cli import main
from dutydesk.store.accounts.account import Account, create_account
from dutydesk.store.backup_schedule import (
    backup_kind,
    backup_name,
    backup_to_folder,
    daily_backup_due,
    inspect_backup,
    rotate,
    take_backup,
    verified_restore,
)
from dutydesk.store.base import database


def test_daily_backup_due_once_a_day(desk, folder, clock):
    assert daily_backup_due(folder, clock.today())
    path = take_backup(folder, clock.now(), "daily")
    assert path.name == "dutydesk-20261124-090000-daily.sqlite3"
    assert not daily_backup_due(folder, clock.today())
    assert daily_backup_due(folder, clock.today() + dt.timedelta(days=1))


def test_two_backups_in_one_second_both_kept(desk, folder, clock):
    first = take_backup(folder, clock.now(), "exit")
    second = take_backup(folder, clock.now(), "exit")
    assert first != second and first.exists() and second.exists()


def test_rotation_keeps_30_days_and_12_months(folder):
    folder.backups_dir.mkdir(parents=True)
    start = dt.datetime(2025, 1, 1, 8, 0)
    for day in range(700):  # three a day for almost two years
        for hour in (8, 13, 18):
            at = start + dt.timedelta(days=day, hours=hour - 8)
            (folder.backups_dir / backup_name(at, "daily" if hour == 8 else "exit")).write_bytes(b"x")
    (folder.backups_dir / "my-own-copy.sqlite3").write_bytes(b"x")
    rotate(folder, keep_daily=30, keep_monthly=12)
    left = sorted(p.name for p in folder.backups_dir.iterdir())
    assert "my-own-copy.sqlite3" in left  # files we did not name are never touched
    ours = [n for n in left if n.startswith("dutydesk-")]
    newest = start + dt.timedelta(days=699, hours=10)
    assert backup_name(newest, "exit") in ours
    assert not any("130000" in n for n in ours)  # the middle backups of a day go
    months = {n[9:15] for n in ours}
    assert len(months) == 12
    # the 30 newest days (2 Nov - 1 Dec 2026) keep their morning and evening backups; the first of
    # each month is kept for 12 months (1 Dec is already among the days: 11 more)
    assert len(ours) == 30 * 2 + 11
    assert backup_name(dt.datetime(2026, 1, 1, 8, 0), "daily") in ours
    assert backup_name(dt.datetime(2025, 12, 1, 8, 0), "daily") not in ours


def test_rotation_keeps_first_backup_of_each_day_and_every_manual_one(folder):
    """A manual backup no longer pushes the morning backup out, nor the exit backup the manual one."""
    folder.backups_dir.mkdir(parents=True)
    day = dt.datetime(2026, 11, 24)
    names = [backup_name(day.replace(hour=8), "daily"), backup_name(day.replace(hour=10), "manual"),
             backup_name(day.replace(hour=11), "exit"), backup_name(day.replace(hour=12), "restore"),
             backup_name(day.replace(hour=17), "exit"), backup_name(day.replace(hour=18), "exit1")]
    for name in names:
        (folder.backups_dir / name).write_bytes(b"x")
    old_manual = backup_name(dt.datetime(2024, 1, 5, 9, 0), "manual")
    (folder.backups_dir / old_manual).write_bytes(b"x")
    removed = {p.name for p in rotate(folder, keep_daily=1, keep_monthly=1)}
    assert removed == {names[2], names[4]}
    left = {p.name for p in folder.backups_dir.iterdir()}
    assert {names[0], names[1], names[3], names[5], old_manual} == left


def test_backup_kind_is_read_from_the_name(folder):
    assert backup_kind(folder.path / backup_name(dt.datetime(2026, 11, 24, 8), "exit2")) == "exit"
    assert backup_kind(folder.path / "my-own-copy.sqlite3") == ""


def test_inspect_shows_integrity_version_and_counts(desk, folder, clock):
    path = take_backup(folder, clock.now(), "manual")
    info = inspect_backup(path)
    assert info.ok and info.counts["account"] == 3 and info.schema_version >= 40
    assert "完整性检查：通过" in info.summary_lines()


def test_damaged_backup_is_refused(folder, tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x01" * 5000)
    info = inspect_backup(bad)
    assert not info.ok
    import pytest

    from dutydesk.store.datafolder import DeskError

    with pytest.raises(DeskError, match="未通过检查"):
        verified_restore(folder, bad, dt.datetime(2026, 11, 24, 10, 0))


def test_backup_to_a_chosen_folder(desk, folder, clock, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    path = backup_to_folder(folder, usb, clock.now())
    assert path.parent == usb and inspect_backup(path).ok


def test_restore_keeps_replaced_database_aside(desk, folder, clock):
    path = take_backup(folder, clock.now(), "manual")
    create_account("赵干部", "operator", desk.who, desk.now())
    desk.close()
    aside = verified_restore(folder, path, dt.datetime(2026, 11, 24, 10, 0))
    assert aside.name.startswith("dutydesk.sqlite3.before-restore-")
    con = sqlite3.connect(folder.db_path)
    names = {r[0] for r in con.execute("SELECT name FROM account")}
    con.close()
    assert "赵干部" not in names
    kept = sqlite3.connect(aside)
    assert "赵干部" in {r[0] for r in kept.execute("SELECT name FROM account")}
    kept.close()


def test_cli_backup_and_restore(desk, folder, tmp_path, capsys):
    out = tmp_path / "copy.sqlite3"
    assert main(["--data-dir", str(folder.path), "backup", "--out", str(out)]) == 0
    assert "已备份到" in capsys.readouterr().out
    create_account("赵干部", "operator", desk.who, desk.now())
    desk.close()
    database.close()  # the in-process backup command rebound the models to its own (reopened) connection
    assert main(["--data-dir", str(folder.path), "restore", str(out), "--yes"]) == 0
    printed = capsys.readouterr().out
    assert "完整性检查：通过" in printed and "account：3 条" in printed and "已恢复" in printed
    con = sqlite3.connect(folder.db_path)
    assert con.execute("SELECT count(*) FROM account").fetchone()[0] == 3
    con.close()


def test_cli_restore_refuses_a_bad_file(folder, tmp_path, capsys):
    folder.ensure()
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("not a database")
    assert main(["--data-dir", str(folder.path), "restore", str(bad), "--yes"]) == 1
    assert "未通过" in capsys.readouterr().err


def test_cli_backup_without_out_goes_to_backups(desk, folder, capsys):
    assert main(["--data-dir", str(folder.path), "backup"]) == 0
    assert list(folder.backups_dir.glob("dutydesk-*-manual.sqlite3"))
    assert Account.select().count() == 3
