"""Crash safety: a writer killed with SIGKILL never leaves a damaged or half-written database,
and backups taken while another connection writes restore to a consistent database."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from dutydesk.store.accounts.account import create_account
from dutydesk.store.backup_schedule import inspect_backup, take_backup

ROOT = Path(__file__).resolve().parents[2]


def _consistent(db: Path, table: str = "visit", column: str = "person_name") -> tuple[set[str], list[str]]:
    con = sqlite3.connect(db)
    try:
        assert [r[0] for r in con.execute("PRAGMA integrity_check")] == ["ok"]
        names = {r[0] for r in con.execute(f"SELECT {column} FROM {table}")}
        # no half-written record: every row has exactly its one creation entry, and no entry
        # points at a missing row
        orphans = [
            str(r[0]) for r in con.execute(
                f"SELECT a.id FROM {table} a LEFT JOIN audit_entry e ON e.table_name = '{table}' "
                "AND e.record_id = a.id AND e.action = 'create' GROUP BY a.id HAVING count(e.id) != 1 "
                f"UNION SELECT e.record_id FROM audit_entry e LEFT JOIN {table} a ON a.id = e.record_id "
                f"WHERE e.table_name = '{table}' AND a.id IS NULL"
            )
        ]
        if table == "visit":  # a visit done on the spot always has its feedback
            orphans += [str(r[0]) for r in con.execute(
                "SELECT v.id FROM visit v LEFT JOIN visit_feedback f ON f.visit_id = v.id WHERE f.id IS NULL")]
        return names, orphans
    finally:
        con.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_visit_writer_killed_with_sigkill_20_times_loses_nothing_committed(desk, folder):
    desk.close()
    rng = random.Random(7)
    reported: set[str] = set()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for run in range(20):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.store.durability_child", str(folder.path), f"r{run}"],
            stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env,
        )
        assert child.stdout.readline().strip() == "ready"
        # the kill lands while writing, not during the first write's one-off warm-up (lazy imports),
        # however slow a loaded machine makes that
        lines: list[str] = [child.stdout.readline().strip()]
        reader = threading.Thread(target=lambda c=child, out=lines: out.extend(x.strip() for x in c.stdout))
        reader.start()
        time.sleep(rng.uniform(0.02, 0.25))
        child.send_signal(signal.SIGKILL)
        child.wait()
        reader.join()
        reported.update(line for line in lines if line)
        names, orphans = _consistent(folder.db_path)
        assert not orphans, f"half-written records after kill {run}: {orphans}"
        missing = reported - names
        assert not missing, f"committed but lost after kill {run}: {sorted(missing)[:5]}"
    assert len(reported) > 20  # the child really wrote between kills


def test_backups_taken_while_writing_restore_consistent(desk, folder, clock):
    stop = threading.Event()
    errors: list[BaseException] = []

    def writer() -> None:
        i = 0
        try:
            while not stop.is_set():
                create_account(f"w{i}", "operator", "写入测试", clock.now())
                i += 1
        except BaseException as exc:
            errors.append(exc)
        finally:
            desk.db.close()  # this thread's own connection

    thread = threading.Thread(target=writer)
    thread.start()
    backups = []
    try:
        for n in range(5):
            time.sleep(0.05)
            backups.append(take_backup(folder, clock.now(), f"test{n}x"))
    finally:
        stop.set()
        thread.join()
    assert not errors
    counts = []
    for path in backups:
        assert inspect_backup(path).ok
        names, orphans = _consistent(path, "account", "name")
        assert not orphans
        counts.append(len(names))
    assert counts == sorted(counts) and counts[-1] > counts[0]
