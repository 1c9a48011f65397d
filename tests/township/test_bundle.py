"""Issue 16, the village's bundle: signed, hashed, chained per center, corrections converge.

A01/A03: what leaves the desk is logged and corrections travel from the audit trail;
V09: personal numbers travel masked unless a director approved.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import stat

import pytest

from dutydesk.reports.ledgers.registry import Period
from dutydesk.store.accounts.account import Account
from dutydesk.store.accounts.login import set_password
from dutydesk.store.bundle_log import BundleRecord
from dutydesk.store.center import load_center, save_center
from dutydesk.store.center_keys import PRIVATE_FILE
from dutydesk.store.privacy import authorize_unmasked_export
from dutydesk.store.visits.visit import correct_visit, register_visit, void_visit
from dutydesk.township.bundle import BundleError, remember_bundle, verify_bundle, write_bundle
from tests.store.conftest import draft

CODE = "350425100201"
NOV = Period.month(2026, 11)
OCT = Period.month(2026, 10)


@pytest.fixture
def coded(desk):
    save_center(dataclasses.replace(load_center(), division_code=CODE), "测试", desk.now())
    return desk


def _visit(desk, at: dt.datetime, **changes):
    return register_visit(draft(received_at=at, **changes), desk.who, at, desk.calendar())


def _lines(folder, name):
    return [json.loads(line) for line in (folder / name).read_text(encoding="utf-8").splitlines()]


def test_good_bundle_verifies_with_center_code_period_and_counts(coded, tmp_path):
    _visit(coded, dt.datetime(2026, 11, 3, 9, 0))
    _visit(coded, dt.datetime(2026, 10, 20, 9, 0))  # another month: not in November's bundle
    written = write_bundle(coded, tmp_path / "b", NOV)
    manifest = verify_bundle(tmp_path / "b")
    assert (manifest.center_code, manifest.period, manifest.schema_version) == (CODE, "2026-11", 1)
    assert manifest.rows["visit.jsonl"] == 1
    assert manifest.sha256 == written.sha256 and manifest.previous_sha256 == ""
    assert [v["request"] for v in _lines(tmp_path / "b", "visit.jsonl")] == ["咨询低保续办材料"]


def test_flipped_byte_is_refused(coded, tmp_path):
    _visit(coded, dt.datetime(2026, 11, 3, 9, 0))
    write_bundle(coded, tmp_path / "b", NOV)
    path = tmp_path / "b" / "visit.jsonl"
    data = bytearray(path.read_bytes())
    data[5] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(BundleError, match="与清单不符"):
        verify_bundle(tmp_path / "b")


def test_flipped_byte_in_manifest_breaks_the_signature(coded, tmp_path):
    write_bundle(coded, tmp_path / "b", NOV)
    path = tmp_path / "b" / "manifest.json"
    path.write_bytes(path.read_bytes().replace(b'"2026-11"', b'"2026-12"'))
    with pytest.raises(BundleError, match="签名不符"):
        verify_bundle(tmp_path / "b")


def test_missing_file_is_refused(coded, tmp_path):
    write_bundle(coded, tmp_path / "b", NOV)
    (tmp_path / "b" / "proxy_case.jsonl").unlink()
    with pytest.raises(BundleError, match=r"缺少文件 proxy_case\.jsonl"):
        verify_bundle(tmp_path / "b")


def test_missing_signature_is_refused(coded, tmp_path):
    write_bundle(coded, tmp_path / "b", NOV)
    (tmp_path / "b" / "manifest.sig").unlink()
    with pytest.raises(BundleError, match="签名"):
        verify_bundle(tmp_path / "b")


def test_chain_links_two_consecutive_months(coded, tmp_path):
    october = write_bundle(coded, tmp_path / "oct", OCT)
    remember_bundle(coded, october)
    november = write_bundle(coded, tmp_path / "nov", NOV)
    assert verify_bundle(tmp_path / "nov").previous_sha256 == verify_bundle(tmp_path / "oct").sha256
    assert november.previous_sha256 == october.sha256


def test_a03_correction_and_void_of_an_earlier_month_travel_in_the_next_bundle(coded, clock, tmp_path):
    first = _visit(coded, dt.datetime(2026, 10, 20, 9, 0))
    second = _visit(coded, dt.datetime(2026, 10, 21, 9, 0))
    remember_bundle(coded, write_bundle(coded, tmp_path / "oct", OCT))
    # the same second as the hand-off (no clock.advance): the audit entry ids still tell them apart
    correct_visit(first, coded.who, coded.now(), "结果填错", result="已办结并回访")
    void_visit(second, coded.who, coded.now(), "重复登记")
    write_bundle(coded, tmp_path / "nov", NOV)
    corrections = {c["id"]: c for c in _lines(tmp_path / "nov", "corrections.jsonl")}
    assert corrections[first.id]["row"]["result"] == "已办结并回访"
    assert {(c["action"], c["field"], c["new"]) for c in corrections[first.id]["changes"]} >= {
        ("update", "result", "已办结并回访")}
    assert "void" in {c["action"] for c in corrections[second.id]["changes"]}
    assert verify_bundle(tmp_path / "nov").rows["corrections.jsonl"] == 2


def test_v09_phones_travel_masked_without_approval(coded, tmp_path):
    _visit(coded, dt.datetime(2026, 11, 3, 9, 0), request="回电 13912345678 咨询")
    write_bundle(coded, tmp_path / "b", NOV)
    [row] = _lines(tmp_path / "b", "visit.jsonl")
    assert "13812345678" not in row["contact"] and "13912345678" not in row["request"]
    assert verify_bundle(tmp_path / "b").masked


def test_v09_approved_unmasked_bundle_carries_full_numbers_and_says_so(coded, tmp_path):
    _visit(coded, dt.datetime(2026, 11, 3, 9, 0))
    set_password(Account.get(Account.name == "王书记"), "1357", coded.who, coded.now())
    grant = authorize_unmasked_export(coded.account, "数据包", "镇里核对", coded.now(), "王书记", "1357")
    write_bundle(coded, tmp_path / "b", NOV, grant)
    [row] = _lines(tmp_path / "b", "visit.jsonl")
    assert row["contact"] == "13812345678"
    assert not verify_bundle(tmp_path / "b").masked


def test_bundle_needs_the_division_code(desk, tmp_path):
    with pytest.raises(BundleError, match="统计用区划代码"):
        write_bundle(desk, tmp_path / "b", NOV)


def test_private_key_is_owner_only_and_reused(coded, tmp_path):
    write_bundle(coded, tmp_path / "a", NOV)
    first = verify_bundle(tmp_path / "a").fingerprint
    write_bundle(coded, tmp_path / "b", NOV)
    assert verify_bundle(tmp_path / "b").fingerprint == first
    if os.name == "posix":
        mode = stat.S_IMODE((coded.folder.path / PRIVATE_FILE).stat().st_mode)
        assert mode == 0o600


def test_a01_bundle_log_is_append_only(coded, tmp_path):
    remember_bundle(coded, write_bundle(coded, tmp_path / "b", NOV))
    with pytest.raises(Exception, match="只能追加"):
        BundleRecord.update(period="2026-10").execute()


def test_a03_follow_up_added_later_to_an_earlier_visit_travels_as_a_correction(coded, clock, tmp_path):
    from dutydesk.store.visits.visit_progress import add_followup

    october = _visit(coded, dt.datetime(2026, 10, 20, 9, 0))
    remember_bundle(coded, write_bundle(coded, tmp_path / "oct", OCT))
    clock.advance(minutes=5)
    add_followup(october, "已电话回访，群众满意", coded.who, coded.now())
    write_bundle(coded, tmp_path / "nov", NOV)
    [correction] = _lines(tmp_path / "nov", "corrections.jsonl")
    assert (correction["table"], correction["row"]["visit_id"]) == ("visit_followup", october.id)
    assert correction["changes"][0]["action"] == "create"
    assert _lines(tmp_path / "nov", "visit_followup.jsonl") == []  # not a November visit's


def test_audit_viewer_names_the_bundle_log_and_the_code_in_chinese():
    from dutydesk.store.archive.record_view import field_label, table_label

    assert table_label("bundle_record") == "交镇数据包"
    assert field_label("center_profile", "division_code") == "统计用区划代码"
    assert field_label("bundle_record", "manifest_sha256") == "数据包校验值"
