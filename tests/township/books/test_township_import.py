"""Issue 16 point 4: the township imports villages' bundles, on SQLite and PostgreSQL.

A01: every import is logged; A03: nothing of the villages' books is lost or overwritten without
its old version; a refused bundle leaves nothing behind.
"""

from __future__ import annotations

import json
import shutil

import pytest

from dutydesk.store.audit import AuditEntry
from dutydesk.township import importing
from dutydesk.township.bundle import BundleError
from dutydesk.township.bundle_import import BundleImport, BundleRefusal
from dutydesk.township.importing import ALREADY, IMPORTED, REFUSED, SKIPPED, find_bundles, import_bundles
from dutydesk.township.township_books import month_statuses, village_months
from dutydesk.township.village import Village
from dutydesk.township.village_month import NOT_SUBMITTED, SUBMITTED
from dutydesk.township.village_record import VillageRecord, VillageRecordVersion, versions
from dutydesk.township.village_tally import VillageTally
from tests.township.books.conftest import CORRECTED, A, B, C


def yes(_question: str) -> bool:
    return True


def no(_question: str) -> bool:
    return False


def counts() -> dict[str, int]:
    return {model.__name__: model.select().count()
            for model in (Village, BundleImport, VillageRecord, VillageRecordVersion, VillageTally, AuditEntry)}


def test_three_villages_hand_off_a_month_and_the_township_imports_them(township, hand_offs):
    outcomes = import_bundles(township, hand_offs.of((A, "2026-10"), (B, "2026-10"), (C, "2026-10")), yes)
    assert [o.outcome for o in outcomes] == [IMPORTED] * 3
    months = {m.code: m for m in village_months("2026-10")}
    assert set(months) == {A, B, C}
    for code, month in months.items():
        assert len(month.rows("visit")) == hand_offs.visits[(code, "2026-10")]
        assert month.status == SUBMITTED
    assert [(s.code, s.label) for s in month_statuses("2026-10")] == [(A, "已报送"), (B, "已报送"), (C, "已报送")]


def test_a01_each_import_is_logged_with_village_month_hash_and_who(township, hand_offs):
    import_bundles(township, hand_offs.of((A, "2026-10")), yes)
    [logged] = BundleImport.select()
    assert (logged.village.code, logged.period, logged.imported_by) == (A, "2026-10", "管理员")
    assert json.loads(logged.row_counts)["visit.jsonl"] == 1 and logged.masked
    assert AuditEntry.select().where((AuditEntry.table_name == "bundle_import")
                                     & (AuditEntry.action == "create")).count() == 1


def test_first_bundle_registers_the_village_only_once_its_fingerprint_is_confirmed(township, hand_offs):
    asked = []
    [outcome] = import_bundles(township, hand_offs.of((A, "2026-10")), lambda q: asked.append(q) or False)
    assert outcome.outcome == SKIPPED and "密钥指纹" in asked[0]
    assert counts()["Village"] == 0 and counts()["VillageRecord"] == 0
    [outcome] = import_bundles(township, hand_offs.of((A, "2026-10")), yes)
    assert outcome.outcome == IMPORTED
    village = Village.get(Village.code == A)
    assert village.fingerprint in asked[0] and village.confirmed_by == "管理员"
    asked.clear()
    import_bundles(township, hand_offs.of((A, "2026-11")), lambda q: asked.append(q) or False)
    assert asked == []  # confirmed once: the next month needs no question


def test_a_second_import_of_the_same_bundles_changes_nothing(township, hand_offs):
    stick = [hand_offs.root / "stick"]
    first = import_bundles(township, stick, yes)
    assert {o.outcome for o in first} == {IMPORTED} and len(first) == 9
    before = counts()
    again = import_bundles(township, stick, yes)
    assert [o.outcome for o in again] == [ALREADY] * 9
    assert counts() == before


def test_a_stick_root_yields_every_bundle_in_the_order_written(hand_offs):
    found = find_bundles([hand_offs.root / "stick"])
    assert len(found) == 9
    mine = [p for p in found if p.parts[-3] == A]
    assert [p.parts[-2] for p in mine] == ["2026-10", "2026-11", "2026-12"]


def _copy(hand_offs, key, tmp_path):
    target = tmp_path / "copy" / key[0] / key[1] / "数据包"
    shutil.copytree(hand_offs.bundles[key], target)
    return target


def test_a_bundle_with_one_flipped_byte_is_refused_and_changes_nothing(township, hand_offs, tmp_path):
    bundle = _copy(hand_offs, (A, "2026-10"), tmp_path)
    path = bundle / "visit.jsonl"
    data = bytearray(path.read_bytes())
    data[10] ^= 0x01
    path.write_bytes(bytes(data))
    before = counts()
    [outcome] = import_bundles(township, [bundle], yes)
    assert outcome.outcome == REFUSED and "与清单不符" in outcome.message
    assert counts() == before
    [refusal] = BundleRefusal.select()  # A01: the refusal itself is logged, nothing else
    assert (refusal.village_code, refusal.reason, refusal.refused_by) == (A, outcome.message, "管理员")
    with pytest.raises(Exception, match="只能追加"):
        BundleRefusal.delete().execute()


def test_a_truncated_bundle_is_refused(township, hand_offs, tmp_path):
    bundle = _copy(hand_offs, (B, "2026-10"), tmp_path)
    path = bundle / "visit.jsonl"
    path.write_bytes(path.read_bytes()[:-20])
    [outcome] = import_bundles(township, [bundle], yes)
    assert outcome.outcome == REFUSED and "不能导入" in outcome.message
    assert counts()["Village"] == 0


def test_a_bundle_signed_by_another_key_is_refused_and_changes_nothing(township, hand_offs):
    import_bundles(township, hand_offs.of((A, "2026-10")), yes)
    before = counts()
    [outcome] = import_bundles(township, [hand_offs.foreign], yes)
    assert outcome.outcome == REFUSED and "签名密钥" in outcome.message
    assert counts() == before


def test_a03_correction_made_after_the_first_hand_off_reaches_the_township_with_the_next(township, hand_offs):
    import_bundles(township, hand_offs.of((A, "2026-10")), yes)
    visit_id = hand_offs.october_visit[A]

    def october_result() -> str:
        [month] = [m for m in village_months("2026-10") if m.code == A]
        return {row["id"]: row for row in month.rows("visit")}[visit_id]["result"]

    assert october_result() != CORRECTED
    import_bundles(township, hand_offs.of((A, "2026-11")), yes)
    assert october_result() == CORRECTED
    record = VillageRecord.get((VillageRecord.table_name == "visit") & (VillageRecord.record_id == visit_id))
    [old] = versions(record)
    assert record.version == 2 and json.loads(old.data)["result"] != CORRECTED  # the old version is kept
    assert any(c["field"] == "result" and c["new"] == CORRECTED for c in json.loads(old.changes))
    assert AuditEntry.select().where((AuditEntry.table_name == "village_record")
                                     & (AuditEntry.record_id == record.id)).exists()


def test_a_missing_month_shows_as_a_gap_and_needs_confirmation(township, hand_offs):
    import_bundles(township, hand_offs.of((B, "2026-10")), yes)
    asked = []
    [skipped] = import_bundles(township, hand_offs.of((B, "2026-12")), lambda q: asked.append(q) or False)
    assert skipped.outcome == SKIPPED and "缺少数据包（2026-11）" in asked[0]
    [done] = import_bundles(township, hand_offs.of((B, "2026-12")), yes)
    assert done.outcome == IMPORTED
    november = {s.code: s for s in month_statuses("2026-11")}
    assert november[B].status == NOT_SUBMITTED
    december = {s.code: s for s in month_statuses("2026-12")}
    assert any("数据包不衔接" in flag and "2026-11" in flag for flag in december[B].flags)


def test_a_late_older_bundle_is_refused_once_a_newer_one_is_in(township, hand_offs):
    import_bundles(township, hand_offs.of((B, "2026-10"), (B, "2026-12")), yes)
    before = counts()
    [late] = import_bundles(township, hand_offs.of((B, "2026-11")), yes)
    assert late.outcome == REFUSED and "较早" in late.message
    assert "重新导出2026-11的数据包" in late.message  # what the clerk asks the village for
    assert counts() == before


def test_applying_a_bundle_is_one_transaction(township, hand_offs, monkeypatch):
    def broken(*_args):
        raise BundleError("模拟中途失败")

    monkeypatch.setattr(importing, "keep_tally", broken)
    [outcome] = import_bundles(township, hand_offs.of((C, "2026-10")), yes)
    assert outcome.outcome == REFUSED
    assert counts()["Village"] == 0 and counts()["VillageRecord"] == 0 and counts()["BundleImport"] == 0


@pytest.mark.parametrize("name", ["manifest.sig", "visit.jsonl"])
def test_a_bundle_missing_a_file_is_refused(township, hand_offs, tmp_path, name):
    bundle = _copy(hand_offs, (C, "2026-10"), tmp_path)
    (bundle / name).unlink()
    [outcome] = import_bundles(township, [bundle], yes)
    assert outcome.outcome == REFUSED and counts()["Village"] == 0


def test_a_village_of_another_township_or_a_key_already_registered_is_pointed_out(township, hand_offs):
    from dutydesk.township.township_folder import TownshipProfile

    TownshipProfile.update(code="350426100000").execute()  # as if the villages belonged elsewhere
    asked = []
    import_bundles(township, hand_offs.of((A, "2026-10")), lambda q: asked.append(q) or True)
    assert "不属于本镇" in asked[0]
    Village.update(code="350426100201").execute()  # as if A had been registered under another code
    asked.clear()
    import_bundles(township, hand_offs.of((A, "2026-11")), lambda q: asked.append(q) or False)
    assert "该密钥已登记给" in asked[0] and "350426100201" in asked[0]
