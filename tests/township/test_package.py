"""Issue 16, the township's package for its villages: signed, hashed, every row checked.

A package is written by the township and verified by each village before anything applies;
a flipped byte, a missing file or a package not from the township is refused in Chinese.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json

import pytest

from dutydesk.township.package import (
    DECISIONS,
    PROXY_RESULTS,
    DatedSetting,
    PackageError,
    add_package_parser,
    find_package,
    holiday_files,
    read_package,
    run_package,
    verify_package,
)
from tests.township.package_helpers import TOWNSHIP, TOWNSHIP_CODE, VILLAGE, WRITTEN, decision, package, result


def _holidays(tmp_path):
    path = tmp_path / "2099.csv"
    path.write_text("date,type,name\n2099-01-01,休,元旦\n2099-01-04,班,元旦调休\n", encoding="utf-8")
    return path


def test_package_verifies_and_reads_back_every_row(tmp_path):
    written = package(tmp_path / "p", tmp_path / "key",
                      decisions=[decision(), decision("2026-09", "approved", "")],
                      results=[result("DB2026-000001"), result("DB2026-000002", "returned_for_materials", "缺户口本")],
                      settings=[DatedSetting("duty.joint_liability", 80, dt.date(2027, 1, 1))],
                      holidays={2099: _holidays(tmp_path)})
    manifest = verify_package(tmp_path / "p")
    assert (manifest.township, manifest.township_code, manifest.sha256) == (TOWNSHIP, TOWNSHIP_CODE, written.sha256)
    assert manifest.rows[DECISIONS] == 2 and manifest.rows[PROXY_RESULTS] == 2
    content = read_package(tmp_path / "p")
    assert content.decisions == [decision(), decision("2026-09", "approved", "")]
    assert content.proxy_results[1] == result("DB2026-000002", "returned_for_materials", "缺户口本")
    assert content.settings == [DatedSetting("duty.joint_liability", 80, dt.date(2027, 1, 1))]
    assert [(d.day, d.is_workday) for d in content.holidays[2099]] == [
        (dt.date(2099, 1, 1), False), (dt.date(2099, 1, 4), True)]
    assert content.catalogue_text is None


def test_flipped_byte_in_the_results_is_refused(tmp_path):
    package(tmp_path / "p", tmp_path / "key", results=[result("DB2026-000001")])
    path = tmp_path / "p" / PROXY_RESULTS
    data = bytearray(path.read_bytes())
    data[10] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(PackageError, match="与清单不符"):
        read_package(tmp_path / "p")


def test_changed_manifest_breaks_the_signature(tmp_path):
    package(tmp_path / "p", tmp_path / "key")
    path = tmp_path / "p" / "manifest.json"
    path.write_bytes(path.read_bytes().replace(TOWNSHIP.encode(), "李村镇".encode()))
    with pytest.raises(PackageError, match="签名不符"):
        verify_package(tmp_path / "p")


def test_a_village_bundle_is_not_a_township_package(tmp_path):
    from dutydesk.store.center_keys import ensure_key_pair
    from dutydesk.township.signed_folder import write_signed

    (tmp_path / "key").mkdir()
    write_signed(tmp_path / "b", {"format": "dutydesk-township-bundle", "schema_version": 1}, [],
                 ensure_key_pair(tmp_path / "key"))
    with pytest.raises(PackageError, match="这不是值班台的镇（街道）数据包"):
        verify_package(tmp_path / "b")


def test_the_township_cannot_return_a_month_or_a_slip_without_a_reason(tmp_path):
    with pytest.raises(PackageError, match="须写明原因"):
        package(tmp_path / "p", tmp_path / "key", decisions=[decision(reasons=" ")])
    with pytest.raises(PackageError, match="须写明原因"):
        package(tmp_path / "q", tmp_path / "key", results=[result("DB2026-000001", "returned_for_materials")])


def test_a_package_is_found_on_a_sticks_root(tmp_path):
    package(tmp_path / "stick" / "镇（街道）数据包202611231600", tmp_path / "key")
    assert find_package(tmp_path / "stick").name == "镇（街道）数据包202611231600"
    with pytest.raises(PackageError, match="没有镇（街道）数据包"):
        find_package(tmp_path / "key")


def test_township_package_command_writes_under_out(tmp_path, capsys):
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    add_package_parser(sub)
    args = parser.parse_args(["package", "--out", str(tmp_path)])
    (tmp_path / "key").mkdir()

    def loader(_args):
        return {"township_name": TOWNSHIP, "township_code": TOWNSHIP_CODE, "key_folder": tmp_path / "key",
                "decisions": [decision()], "proxy_results": [], "settings": [], "written_at": WRITTEN}

    assert run_package(args, loader) == 0
    folder = tmp_path / "镇（街道）数据包202611231600"
    assert json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["township"] == TOWNSHIP
    assert read_package(folder).decisions[0].village_code == VILLAGE
    assert "审核结果 1 条" in capsys.readouterr().out


def test_holiday_files_for_the_years_the_app_does_not_know(tmp_path):
    from dutydesk.domain.workday_calendar import SpecialDay, WorkdayCalendar

    entered = {dt.date(2099, 1, 1): SpecialDay(dt.date(2099, 1, 1), False, "元旦", "entered"),
               dt.date(2026, 10, 9): SpecialDay(dt.date(2026, 10, 9), True, "调休", "entered")}
    files = holiday_files(WorkdayCalendar(entered), [2026, 2099, 2098], tmp_path)
    assert list(files) == [2099]  # 2026 is built in; 2098 nobody entered
    package(tmp_path / "p", tmp_path / "key", holidays=files)
    assert [(d.day, d.name) for d in read_package(tmp_path / "p").holidays[2099]] == [(dt.date(2099, 1, 1), "元旦")]
