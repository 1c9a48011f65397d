"""An attacker's pass over the channel back down (issue 16 point 7): packages whose settings are
unknown, out of range or none of the township's business, a catalogue with template blanks, a
replay of an older package, a package with a link out of its folder. Nothing of a refused package
applies; what is left alone is said, in Chinese, in the preview."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from dutydesk.domain.setting_values import township_may_set, value_problem
from dutydesk.domain.settings import REGISTRY
from dutydesk.store.accounts.account import Account
from dutydesk.store.audit import AuditEntry
from dutydesk.store.center import load_center, save_center
from dutydesk.store.notices import catalogue
from dutydesk.store.settings import get_setting
from dutydesk.store.township_inbox import TownshipPackage, latest_decision
from dutydesk.township.package import DatedSetting, PackageError, read_package
from dutydesk.township.package_import import apply_plan, plan_import
from dutydesk.township.signed_folder import MANIFEST
from tests.notice_helpers import seed
from tests.township.forge import entry, sign_manifest
from tests.township.package_helpers import VILLAGE, decision, package

FROM = dt.date(2027, 1, 1)


@pytest.fixture
def village(desk):
    save_center(dataclasses.replace(load_center(), division_code=VILLAGE), "测试", desk.now())
    seed(desk)
    desk.account = Account.get(Account.name == "王书记")
    return desk


def _import(desk, folder):
    plan = plan_import(desk, folder)
    return plan, apply_plan(desk, plan, key_confirmed=True)


@pytest.mark.parametrize(("key", "value", "why"), [
    ("duty.joint_liability", -100, "不能为负数"),
    ("duty.joint_liability", 80.5, "应为整数"),
    ("duty.joint_liability", True, "应为数字"),
    ("duty.joint_liability", "80", "应为数字"),
    ("grid.quota.red_below_share", 5.0, "比例应在0到1之间"),
    ("duty.penalties", {"书记": -1}, "不能为负数"),
    ("duty.penalties", {"": 100}, "职务名称不对"),
    ("duty.min_hours", {"village": 6, "community": 8, "extra": 1}, "项目不对"),
    ("privacy.unmasked_roles", ["director", "admin", "operator"], "各中心自行决定"),
    ("duty.sessions", [], "各中心自行决定"),
])
def test_a_package_never_sets_an_invalid_value(village, tmp_path, key, value, why):
    setting = REGISTRY[key]
    before = get_setting(setting, on=FROM)
    package(tmp_path / "p", tmp_path / "key", settings=[DatedSetting(key, value, FROM)])
    plan, _applied = _import(village, tmp_path / "p")
    assert get_setting(setting, on=FROM) == before
    assert any(line.startswith("不导入：") and why in line for line in plan.lines())
    assert not plan.changes
    assert AuditEntry.select().where(AuditEntry.table_name == "setting_value").count() == 0


def test_a_valid_standard_still_applies():
    assert value_problem(REGISTRY["duty.penalties"], {"书记": 300, "新职务": 50}) == ""
    assert value_problem(REGISTRY["duty.min_hours"], {"village": 7, "community": 8}) == ""
    assert value_problem(REGISTRY["visits.deadline.complex"], 12) == ""
    assert value_problem(REGISTRY["grid.quota.red_below_share"], 0.6) == ""
    assert value_problem(REGISTRY["duty.joint_liability"], 10**7) == "数值过大"
    assert not township_may_set(REGISTRY["privacy.unmasked_roles"])


def test_township_set_setting_refuses_an_invalid_value(tmp_path, capsys):
    from dutydesk.cli import main

    folder = tmp_path / "township"
    assert main(["township", "init", "--data-dir", str(folder), "--name", "桃源镇", "--code", "350425100000"]) == 0
    code = main(["township", "set-setting", "--data-dir", str(folder), "--key", "duty.joint_liability",
                 "--value", "-5", "--from", "2027-01-01"])
    assert code == 1 and "不能为负数" in capsys.readouterr().err


def _catalogue_with_blank(tmp_path):
    exported = catalogue.export_catalogue(tmp_path / "目录.json", "桃源镇")
    doc = json.loads(exported.read_text(encoding="utf-8"))
    doc["items"][0]["unit"]["phone"] = "（请填写窗口电话）"
    exported.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return exported, doc["items"][0]["code"]


def test_n05_the_township_cannot_send_a_catalogue_with_blanks(village, tmp_path):
    exported, _code = _catalogue_with_blank(tmp_path)
    with pytest.raises(PackageError, match="未填写的内容"):
        package(tmp_path / "p", tmp_path / "key", catalogue=exported)


def test_n05_a_package_whose_catalogue_has_blanks_is_refused_whole(village, tmp_path):
    exported, code = _catalogue_with_blank(tmp_path)
    clean = catalogue.export_catalogue(tmp_path / "clean.json", "桃源镇")
    package(tmp_path / "p", tmp_path / "key", catalogue=clean, decisions=[decision()])
    data = exported.read_bytes()  # the signed package's catalogue swapped, signed again with the township key
    (tmp_path / "p" / "catalogue.json").write_bytes(data)
    manifest = json.loads((tmp_path / "p" / MANIFEST).read_text("utf-8"))
    manifest["files"] = [entry("catalogue.json", data) if f["name"] == "catalogue.json" else f
                         for f in manifest["files"]]
    from dutydesk.store.center_keys import ensure_key_pair

    sign_manifest(tmp_path / "p", manifest, ensure_key_pair(tmp_path / "key"))
    before = catalogue.current_version(code).data
    with pytest.raises(PackageError, match="未填写的内容"):
        read_package(tmp_path / "p")
    with pytest.raises(PackageError, match="不能导入"):
        plan_import(village, tmp_path / "p")
    assert catalogue.current_version(code).data == before and latest_decision("2026-10") is None


def test_a01_a_replayed_older_package_is_refused_logged_and_changes_nothing(village, tmp_path, caplog):
    package(tmp_path / "old", tmp_path / "key", settings=[DatedSetting("duty.joint_liability", 60, FROM)],
            written_at=dt.datetime(2026, 11, 20, 9, 0))
    package(tmp_path / "new", tmp_path / "key", settings=[DatedSetting("duty.joint_liability", 80, FROM)],
            written_at=dt.datetime(2026, 11, 23, 9, 0))
    _import(village, tmp_path / "new")
    with pytest.raises(PackageError, match="较早生成"):
        plan_import(village, tmp_path / "old")
    assert any("较早生成" in r.getMessage() and r.levelname == "WARNING" for r in caplog.records)
    assert get_setting(REGISTRY["duty.joint_liability"], on=FROM) == 80
    again = plan_import(village, tmp_path / "new")  # the same package again: nothing, said so
    assert again.already is not None and TownshipPackage.select().count() == 1


def test_a01_a_package_with_a_link_out_of_its_folder_is_refused_and_logged(village, tmp_path, caplog):
    package(tmp_path / "p", tmp_path / "key", decisions=[decision()])
    outside = tmp_path / "elsewhere.jsonl"
    outside.write_bytes((tmp_path / "p" / "decisions.jsonl").read_bytes())
    (tmp_path / "p" / "decisions.jsonl").unlink()
    (tmp_path / "p" / "decisions.jsonl").symlink_to(outside)
    with pytest.raises(PackageError, match="不是普通文件"):
        plan_import(village, tmp_path / "p")
    assert any("不是普通文件" in r.getMessage() for r in caplog.records)
    assert latest_decision("2026-10") is None


def _forged(tmp_path, decisions: list) -> object:
    from dutydesk.store.center_keys import ensure_key_pair
    from tests.township.forge import forge

    package(tmp_path / "p", tmp_path / "key", decisions=[decision()])
    return forge(tmp_path / "p", tmp_path / "forged", ensure_key_pair(tmp_path / "key"),
                 {"decisions.jsonl": decisions})


@pytest.mark.parametrize("row", [
    {"reasons": ["缺材料"]}, {"reasons": 5}, {"by": {"x": 1}}, {"village_code": 350425100201}, {"at": 7}])
def test_a_package_row_of_the_wrong_shape_is_refused_in_chinese(village, tmp_path, row):
    good = {"village_code": VILLAGE, "period": "2026-10", "decision": "returned", "reasons": "缺材料",
            "at": "2026-11-20T10:00:00", "by": "镇党政办"}
    with pytest.raises(PackageError, match="不能导入"):
        plan_import(village, _forged(tmp_path, [{**good, **row}]))
    assert latest_decision("2026-10") is None


def test_v09_package_texts_reach_the_village_without_invisible_marks(village, tmp_path):
    row = {"village_code": VILLAGE, "period": "2026-10", "decision": "returned",
           "reasons": "缺\u200b少\u202e反馈", "at": "2026-11-20T10:00:00", "by": "镇\ufeff党政办"}
    plan, _applied = _import(village, _forged(tmp_path, [row]))
    assert "将导入：2026年10月报送：镇级退回（缺少反馈）" in plan.lines()
    assert latest_decision("2026-10").decided_by == "镇党政办"


def test_a_package_stamped_in_the_future_does_not_block_the_next(village, tmp_path):
    """The township's PC clock ten years ahead once: later packages still apply."""
    package(tmp_path / "future", tmp_path / "key", decisions=[decision("2026-09", "approved", "")],
            written_at=dt.datetime(2036, 1, 1, 9, 0))
    _import(village, tmp_path / "future")
    package(tmp_path / "next", tmp_path / "key", decisions=[decision()], written_at=dt.datetime(2026, 11, 23, 9, 0))
    _import(village, tmp_path / "next")
    assert latest_decision("2026-10") is not None
