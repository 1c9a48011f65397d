"""Issue 16 point 4, the GUI's first step: what 导入数据包 shows before anything is applied, on
SQLite and PostgreSQL: each bundle's village, month and records; the fingerprint of a new village
and a gap in a village's chain to confirm; imported before or refused, and why. Nothing is written."""

from __future__ import annotations

import shutil

import pytest

from dutydesk.store.datafolder import DeskError
from dutydesk.township.bundle_import import BundleImport
from dutydesk.township.bundle_preview import ALREADY, NEW, REFUSED, preview_bundles
from dutydesk.township.importing import import_bundles
from dutydesk.township.village import Village
from tests.township.books.conftest import VILLAGES, A, B


def yes(_question: str) -> bool:
    return True


def test_a_stick_is_listed_village_by_village_and_only_new_villages_ask_for_the_fingerprint(township, hand_offs):
    previews = preview_bundles(township, [hand_offs.root / "stick"])
    assert [(p.code, p.period, p.state) for p in previews] == [
        (code, month, NEW) for code in VILLAGES for month in ("2026-10", "2026-11", "2026-12")]
    assert all(p.village == VILLAGES[p.code] and p.records > 0 and p.label == "待导入" for p in previews)
    firsts = [p for p in previews if p.period == "2026-10"]
    assert all(len(p.questions) == 1 and "密钥指纹" in p.questions[0] for p in firsts)
    assert all(p.questions == [] for p in previews if p.period != "2026-10")  # each follows the one before
    assert Village.select().count() == 0 and BundleImport.select().count() == 0  # nothing written


def test_a_missing_month_is_shown_in_a_batch_and_against_the_books(township, hand_offs):
    [october, december] = preview_bundles(township, hand_offs.of((B, "2026-10"), (B, "2026-12")))
    assert october.questions and "密钥指纹" in october.questions[0]  # a new village: its fingerprint first
    assert december.questions == ["与前一个数据包（2026-10）不衔接，中间缺少数据包（2026-11）"]
    import_bundles(township, hand_offs.of((B, "2026-10")), yes)
    [already, december] = preview_bundles(township, hand_offs.of((B, "2026-10"), (B, "2026-12")))
    assert already.state == ALREADY and already.label == "已导入过"
    assert december.state == NEW and "缺少数据包（2026-11）" in december.questions[0]


def test_a_flipped_byte_or_a_strangers_key_is_refused_with_the_reason(township, hand_offs, tmp_path):
    bundle = tmp_path / "copy"
    shutil.copytree(hand_offs.bundles[(A, "2026-10")], bundle)
    data = bytearray((bundle / "visit.jsonl").read_bytes())
    data[10] ^= 0x01
    (bundle / "visit.jsonl").write_bytes(bytes(data))
    [flipped] = preview_bundles(township, [bundle])
    assert flipped.state == REFUSED and "与清单不符" in flipped.message and flipped.label == "不能导入"
    import_bundles(township, hand_offs.of((A, "2026-10")), yes)
    [stranger] = preview_bundles(township, [hand_offs.foreign])
    assert stranger.state == REFUSED and "签名密钥" in stranger.message


def test_a_folder_without_bundles_is_said_in_chinese(township, tmp_path):
    with pytest.raises(DeskError, match="没有找到数据包"):
        preview_bundles(township, [tmp_path])
