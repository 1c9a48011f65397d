"""Issue 16: the bundle travels with every hand-off (导出到U盘 and ``dutydesk handoff``), is read
back from the stick, chained to the one before, and the hand-off is logged (A01)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from dutydesk.cli import main
from dutydesk.reports.handoff import hand_off
from dutydesk.reports.ledgers import Period
from dutydesk.store.bundle_log import BundleRecord
from dutydesk.store.center import load_center, save_center
from dutydesk.store.privacy import ExportLog
from dutydesk.store.visits.visit import register_visit
from dutydesk.township.bundle import FOLDER, verify_bundle
from tests.store.conftest import draft

NOV = Period.month(2026, 11)


def test_a01_handoff_writes_a_verified_bundle_beside_the_ledgers_and_remembers_it(desk, tmp_path):
    save_center(dataclasses.replace(load_center(), division_code="350425100201"), "测试", desk.now())
    at = dt.datetime(2026, 11, 3, 9, 0)
    register_visit(draft(received_at=at), desk.who, at, desk.calendar())
    stick = tmp_path / "stick"
    stick.mkdir()
    first = hand_off(desk, stick, NOV, [("visits", "xlsx")])
    assert first.bundle == first.folder / FOLDER
    manifest = verify_bundle(first.bundle)
    assert manifest.rows["visit.jsonl"] == 1 and manifest.previous_sha256 == ""
    assert [r.manifest_sha256 for r in BundleRecord.select()] == [manifest.sha256]
    assert "数据包" in ExportLog.select().order_by(ExportLog.id.desc()).first().what
    second = hand_off(desk, stick, NOV, [])  # bundle only, as the CLI without --ledger
    assert verify_bundle(second.bundle).previous_sha256 == manifest.sha256


def test_handoff_without_division_code_writes_ledgers_only(desk, tmp_path):
    result = hand_off(desk, tmp_path, NOV, [("visits", "xlsx")])
    assert result.bundle is None and not (result.folder / FOLDER).exists()
    assert not BundleRecord.select().exists()


def test_cli_handoff_and_demo_with_center_and_code(tmp_path, capsys):
    books = tmp_path / "demo"
    assert main(["demo", "--data-dir", str(books), "--days", "3", "--scale", "0.1",
                 "--center", "柳溪村党群服务中心", "--code", "350425100202"]) == 0
    out = tmp_path / "stick"
    out.mkdir()
    month = (dt.date.today() - dt.timedelta(days=1)).strftime("%Y-%m")
    assert main(["handoff", "--month", month, "--out", str(out), "--data-dir", str(books)]) == 0
    assert "数据包" in capsys.readouterr().out
    [folder] = [p for p in out.iterdir() if p.is_dir()]
    manifest = verify_bundle(folder / FOLDER)
    assert (manifest.center, manifest.center_code, manifest.period) == ("柳溪村党群服务中心", "350425100202", month)
    assert manifest.rows["attendance_tally.jsonl"] > 0  # one row per staff member (D14)
    tally = json.loads((folder / FOLDER / "attendance_tally.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert {"name", "scheduled", "absent", "penalty_units"} <= set(tally)
    # with a ledger beside it; the second bundle links to the first (a chain per center)
    assert main(["handoff", "--month", month, "--out", str(out), "--ledger", "visits",
                 "--data-dir", str(books)]) == 0
    [second] = [p for p in out.iterdir() if p.is_dir() and p != folder]
    assert any(p.suffix == ".xlsx" for p in second.iterdir())
    assert verify_bundle(second / FOLDER).previous_sha256 == manifest.sha256
    assert main(["handoff", "--month", month, "--out", str(out), "--ledger", "nosuch",
                 "--data-dir", str(books)]) == 1
    assert "没有名为 nosuch 的台账" in capsys.readouterr().err


def test_cli_demo_refuses_a_bad_code(tmp_path, capsys):
    assert main(["demo", "--data-dir", str(tmp_path / "d"), "--days", "1", "--code", "12345"]) == 1
    assert "12位" in capsys.readouterr().err


def test_v09_cli_unmasked_handoff_needs_a_reason_and_a_director(tmp_path, capsys):
    books = tmp_path / "demo"
    assert main(["demo", "--data-dir", str(books), "--days", "2", "--scale", "0.1"]) == 0
    month = dt.date.today().strftime("%Y-%m")
    base = ["handoff", "--month", month, "--out", str(tmp_path), "--data-dir", str(books), "--unmasked"]
    assert main(base) == 1
    assert "--reason" in capsys.readouterr().err
    assert main([*base, "--reason", "镇里核对"]) == 1
    assert "--approver" in capsys.readouterr().err
    assert not [p for p in tmp_path.iterdir() if p.name.endswith("导出于" + dt.date.today().strftime("%Y%m%d"))]
