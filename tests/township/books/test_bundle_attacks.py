"""An attacker's pass over the township's import (issue 16 point 4), on SQLite and PostgreSQL.

Every bundle here is signed by the real village key (a village that misbehaves, or whose key
leaked), so the checks behind the signature are what is tested: file names with paths, links
out of the folder, endless files, lines of the wrong shape, rows claiming another village,
corrections of the wrong records, a forged chain, tricky center names. Each is refused in
Chinese with nothing of it applied and the refusal logged (A01), or shown to be harmless.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dutydesk.township.bundle_import import BundleImport, BundleRefusal
from dutydesk.township.importing import ALREADY, IMPORTED, REFUSED, SKIPPED, import_bundles
from dutydesk.township.signed_folder import MANIFEST, sha256
from dutydesk.township.village import Village
from dutydesk.township.village_record import VillageRecord
from tests.township.books.conftest import A, B
from tests.township.books.test_township_import import counts, no, yes
from tests.township.forge import entry, forge, rows, sign_manifest, village_key


def _refused(township, bundle: Path) -> str:
    """Import ``bundle``: it must be refused, change nothing and leave one refusal in the log."""
    before = counts()
    refusals = BundleRefusal.select().count()
    [outcome] = import_bundles(township, [bundle], yes)
    assert outcome.outcome == REFUSED, outcome
    assert counts() == before
    assert BundleRefusal.select().count() == refusals + 1  # A01: logged
    assert not outcome.message.isascii() and "Error" not in outcome.message
    return outcome.message


@pytest.mark.parametrize("name", ["../outside.jsonl", "/etc/passwd", "C:\\Windows\\win.ini", "a\x00b.jsonl",
                                  "sub/visit.jsonl", "..", ".hidden", "NUL.jsonl", "con", "x.jsonl.",
                                  "VISIT.jsonl"])
def test_a01_a_manifest_naming_a_file_with_a_path_is_refused(township, hand_offs, tmp_path, name):
    (tmp_path / "outside.jsonl").write_bytes(b"{}\n")
    bundle = forge(hand_offs.bundles[(A, "2026-10")], tmp_path / "b" / "数据包", village_key(hand_offs, 1))
    manifest = json.loads((bundle / MANIFEST).read_text("utf-8"))
    manifest["files"].append({**entry("x", b"{}\n"), "name": name})
    sign_manifest(bundle, manifest, village_key(hand_offs, 1))
    assert "文件名不对" in _refused(township, bundle)


@pytest.mark.parametrize("broken", [{"name": "visit.jsonl"}, {"name": "visit.jsonl", "bytes": "12", "rows": 1,
                                                             "sha256": "x"}, "visit.jsonl", 7])
def test_a_manifest_file_entry_of_the_wrong_shape_is_refused(township, hand_offs, tmp_path, broken):
    bundle = forge(hand_offs.bundles[(A, "2026-10")], tmp_path / "b" / "数据包", village_key(hand_offs, 1))
    manifest = json.loads((bundle / MANIFEST).read_text("utf-8"))
    manifest["files"] = [broken, *[e for e in manifest["files"] if e["name"] != "visit.jsonl"]]
    sign_manifest(bundle, manifest, village_key(hand_offs, 1))
    _refused(township, bundle)


def test_a_link_inside_the_bundle_pointing_outside_is_refused(township, hand_offs, tmp_path):
    """The linked file has exactly the listed bytes: only the link itself gives it away."""
    bundle = forge(hand_offs.bundles[(A, "2026-10")], tmp_path / "b" / "数据包", village_key(hand_offs, 1))
    outside = tmp_path / "secret.jsonl"
    outside.write_bytes((bundle / "visit.jsonl").read_bytes())
    (bundle / "visit.jsonl").unlink()
    (bundle / "visit.jsonl").symlink_to(outside)
    assert "不是普通文件" in _refused(township, bundle)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_an_endless_file_is_never_read(township, hand_offs, tmp_path):
    bundle = forge(hand_offs.bundles[(A, "2026-10")], tmp_path / "b" / "数据包", village_key(hand_offs, 1))
    (bundle / "visit.jsonl").unlink()
    (bundle / "visit.jsonl").symlink_to("/dev/zero")
    assert "不是普通文件" in _refused(township, bundle)


def test_a_multi_gigabyte_file_is_refused_by_its_size_before_reading(township, hand_offs, tmp_path, monkeypatch):
    bundle = forge(hand_offs.bundles[(A, "2026-10")], tmp_path / "b" / "数据包", village_key(hand_offs, 1))
    with open(bundle / "visit.jsonl", "r+b") as fh:
        fh.truncate(3 * 1024**3)  # sparse: 3 GiB on paper, nothing on disk
    manifest = json.loads((bundle / MANIFEST).read_text("utf-8"))
    for listed in manifest["files"]:
        if listed["name"] == "visit.jsonl":
            listed["bytes"] = 3 * 1024**3
    sign_manifest(bundle, manifest, village_key(hand_offs, 1))
    reads = []
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self) or b"")
    assert "大小" in _refused(township, bundle)
    assert not [p for p in reads if p.name == "visit.jsonl"]


def _visit_rows(hand_offs) -> list[dict]:
    return rows(hand_offs.bundles[(A, "2026-10")], "visit.jsonl")


def _case_row(hand_offs) -> dict:
    return rows(hand_offs.bundles[(A, "2026-11")], "proxy_case.jsonl")[0]


@pytest.mark.parametrize("lines", [
    b"[1, 2]\n", b'"text"\n', b"42\n", b"null\n", b"{not json\n", b"[" * 100_000 + b"\n", b'{"id": NaN}\n',
    b"\xff\xfe\n"], ids=["list", "string", "number", "null", "broken", "deep", "nan", "not-utf8"])
def test_lines_that_are_not_records_are_refused(township, hand_offs, tmp_path, lines):
    bundle = forge(hand_offs.bundles[(A, "2026-10")], tmp_path / "b" / "数据包", village_key(hand_offs, 1),
                   {"visit.jsonl": lines})
    assert "visit.jsonl" in _refused(township, bundle)


@pytest.mark.parametrize("change", [
    lambda row, case: {k: v for k, v in row.items() if k != "id"},
    lambda row, case: {**row, "id": "1"},
    lambda row, case: {**row, "id": -1},
    lambda row, case: {**row, "id": 0},
    lambda row, case: {**row, "id": True},
    lambda row, case: {**row, "id": 2**63},
    lambda row, case: {**row, "id": 1.5},
    lambda row, case: case,
    lambda row, case: {**row, "received_at": "2026-11-05 09:00:00"},
    lambda row, case: {**row, "received_at": "2026-10-xx"},
    lambda row, case: {**row, "closed_at": "昨天"},
    lambda row, case: {**row, "deadline": 20261030},
    lambda row, case: {**row, "request": ["咨询", "低保"]},
    lambda row, case: {**row, "satisfaction": {"满意": True}},
], ids=["no-id", "text-id", "negative", "zero", "bool", "huge", "float", "other-table", "other-month",
        "bad-date", "text-date", "number-date", "list-cell", "object-cell"])
def test_a_row_of_the_wrong_shape_is_refused(township, hand_offs, tmp_path, change):
    row = change(_visit_rows(hand_offs)[0], _case_row(hand_offs))
    bundle = forge(hand_offs.bundles[(A, "2026-10")], tmp_path / "b" / "数据包", village_key(hand_offs, 1),
                   {"visit.jsonl": [row]})
    assert "visit.jsonl 第1行" in _refused(township, bundle)


def test_the_same_id_twice_in_one_file_is_refused(township, hand_offs, tmp_path):
    row = _visit_rows(hand_offs)[0]
    bundle = forge(hand_offs.bundles[(A, "2026-10")], tmp_path / "b" / "数据包", village_key(hand_offs, 1),
                   {"visit.jsonl": [row, {**row, "request": "另一条"}]})
    assert "重复" in _refused(township, bundle)


def test_rows_claiming_another_village_touch_only_their_own_village(township, hand_offs, tmp_path):
    """Rows carry no code: a village's records are keyed by the village whose key signed them."""
    import_bundles(township, hand_offs.of((A, "2026-10"), (B, "2026-10")), yes)
    a = Village.get(Village.code == A)
    theirs = {r.record_id: r.data for r in VillageRecord.select().where(VillageRecord.village == a.id)}
    claims = [{**row, "center_code": A, "village": A, "request": "冒充他村改写"} for row in _visit_rows(hand_offs)]
    forged = forge(hand_offs.bundles[(B, "2026-10")], tmp_path / "b" / "数据包", village_key(hand_offs, 2),
                   {"visit.jsonl": claims}, written_at="2027-01-01T00:00:00", previous_sha256="")
    import_bundles(township, [forged], yes)
    assert {r.record_id: r.data for r in VillageRecord.select().where(VillageRecord.village == a.id)} == theirs


def _november_with(hand_offs, tmp_path, corrections: list[dict]) -> Path:
    return forge(hand_offs.bundles[(A, "2026-11")], tmp_path / "b" / "数据包", village_key(hand_offs, 1),
                 {"corrections.jsonl": corrections})


def test_a_correction_of_this_months_record_or_of_the_wrong_shape_is_refused(township, hand_offs, tmp_path):
    import_bundles(township, hand_offs.of((A, "2026-10")), yes)
    november = rows(hand_offs.bundles[(A, "2026-11")], "visit.jsonl")[0]
    bundle = _november_with(hand_offs, tmp_path / "1", [{"table": "visit", "id": november["id"], "row": november,
                                                         "changes": []}])
    assert "以前的记录" in _refused(township, bundle)
    bundle = _november_with(hand_offs, tmp_path / "2", [{"table": "visit", "row": _case_row(hand_offs)}])
    assert "不是该表的记录" in _refused(township, bundle)
    bundle = _november_with(hand_offs, tmp_path / "3", ["visit"])
    assert "不是一条" in _refused(township, bundle)


def test_a_correction_of_another_table_is_left_out(township, hand_offs, tmp_path):
    import_bundles(township, hand_offs.of((A, "2026-10")), yes)
    bundle = _november_with(hand_offs, tmp_path, [{"table": "account", "id": 1, "row": {"id": 1, "name": "x"}}])
    [outcome] = import_bundles(township, [bundle], yes)
    assert outcome.outcome == IMPORTED
    assert not VillageRecord.select().where(VillageRecord.table_name == "account").exists()


def test_a_bundle_signed_by_the_village_on_a_forged_chain_needs_confirmation(township, hand_offs, tmp_path):
    import_bundles(township, hand_offs.of((A, "2026-10")), yes)
    before = counts()
    bundle = forge(hand_offs.bundles[(A, "2026-11")], tmp_path / "b" / "数据包", village_key(hand_offs, 1),
                   previous_sha256=sha256(b"forged"))
    asked = []
    [outcome] = import_bundles(township, [bundle], lambda q: asked.append(q) or no(q))
    assert outcome.outcome == SKIPPED and "不衔接" in asked[0]
    assert counts() == before


@pytest.mark.parametrize("header", [{"previous_sha256": "../../x"}, {"period": "2026-13"}, {"period": ["2026-10"]},
                                    {"center_code": "abc"}, {"center": ""}, {"center": ["青石村"]}])
def test_a_manifest_field_of_the_wrong_shape_is_refused(township, hand_offs, tmp_path, header):
    bundle = forge(hand_offs.bundles[(A, "2026-10")], tmp_path / "b" / "数据包", village_key(hand_offs, 1),
                   **header)
    assert "清单" in _refused(township, bundle)


def test_replaying_an_old_bundle_after_a_newer_one_changes_nothing(township, hand_offs):
    import_bundles(township, hand_offs.of((A, "2026-10"), (A, "2026-11")), yes)
    before = counts()
    [outcome] = import_bundles(township, hand_offs.of((A, "2026-10")), yes)
    assert outcome.outcome == ALREADY and counts() == before
    assert BundleImport.select().count() == 2


def test_v09_a_center_name_with_invisible_marks_is_kept_as_the_desk_would_type_it(township, hand_offs, tmp_path):
    tricky = "青石村\u200b\u202e党群\u2066服务中心\ufeff"
    bundle = forge(hand_offs.bundles[(A, "2026-10")], tmp_path / "b" / "数据包", village_key(hand_offs, 1),
                   center=tricky)
    [outcome] = import_bundles(township, [bundle], yes)
    assert outcome.outcome == IMPORTED and outcome.village == "青石村党群服务中心"
    assert Village.get(Village.code == A).name == "青石村党群服务中心"


@pytest.mark.parametrize("figures", [{"penalty": "二百"}, {"absent": -3}, {"findings": 10**12},
                                     {"joint_liability": True}])
def test_a_tally_line_with_a_wrong_figure_is_refused_before_the_summary_adds_it(township, hand_offs, tmp_path, figures):
    tally = rows(hand_offs.bundles[(A, "2026-10")], "attendance_tally.jsonl") or [{"staff_id": 1, "name": "张三"}]
    bundle = forge(hand_offs.bundles[(A, "2026-10")], tmp_path / "b" / "数据包", village_key(hand_offs, 1),
                   {"attendance_tally.jsonl": [{**tally[0], **figures}]})
    assert "attendance_tally.jsonl 第1行" in _refused(township, bundle)


def test_a_quota_line_with_a_wrong_figure_is_refused(township, hand_offs, tmp_path):
    bundle = forge(hand_offs.bundles[(A, "2026-10")], tmp_path / "b" / "数据包", village_key(hand_offs, 1),
                   {"visit_quota.jsonl": [{"staff_id": 1, "required": "十", "done": 2}]})
    assert "数字不对" in _refused(township, bundle)


def test_a03_a_correction_of_a_month_never_received_is_kept_under_its_own_month(township, hand_offs, tmp_path):
    """Already safe: the record joins the village's books in the month of its own date (a month
    whose bundle never came still shows 未报送), and only that village's."""
    import_bundles(township, hand_offs.of((A, "2026-10")), yes)
    september = {**_visit_rows(hand_offs)[0], "id": 999, "received_at": "2026-09-10 09:00:00"}
    bundle = _november_with(hand_offs, tmp_path, [{"table": "visit", "id": 999, "row": september, "changes": []}])
    [outcome] = import_bundles(township, [bundle], yes)
    assert outcome.outcome == IMPORTED
    [record] = VillageRecord.select().where(VillageRecord.record_id == 999)
    assert (record.village.code, record.period, record.table_name) == (A, "2026-09", "visit")
    from dutydesk.township.township_books import month_statuses

    assert [(s.code, s.label) for s in month_statuses("2026-09")] == [(A, "未报送")]
