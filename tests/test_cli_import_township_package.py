"""``dutydesk import township-package DIR [--yes]`` (issue 16): a preview without --yes (exit 1,
nothing written), the package applied with it, the same package again changing nothing (P03)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from dutydesk.cli import main
from dutydesk.commands.import_township_package import CONFIRM
from dutydesk.desk import open_desk
from dutydesk.domain.proxy_case import StepKind
from dutydesk.store.center import load_center, save_center
from dutydesk.store.datafolder import DataFolder
from dutydesk.store.notices.proxy_cases import ProxyCase, record_step
from tests.notice_helpers import new_case, seed
from tests.township.package_helpers import VILLAGE, decision, package, result


@pytest.fixture
def books(desk, tmp_path):
    save_center(dataclasses.replace(load_center(), division_code=VILLAGE), "测试", desk.now())
    seed(desk)
    case = new_case(desk, code="SB-01")
    record_step(case, StepKind.SUBMIT, {"unit": "桃源镇便民服务中心", "date": dt.date(2026, 11, 20),
                                        "carrier": "李文书"}, "李文书", desk.now())
    package(tmp_path / "stick" / "镇（街道）数据包202611231600", tmp_path / "key",
            results=[result(case.slip_no, "done", "已办结")], decisions=[decision()])
    desk.close()
    return str(desk.folder.path), case.slip_no


def _state(folder: str, slip: str) -> str:
    desk = open_desk(DataFolder(Path(folder)))
    try:
        return ProxyCase.get(ProxyCase.slip_no == slip).state_label
    finally:
        desk.close()


def test_preview_then_yes_then_nothing_twice(books, tmp_path, capsys):
    folder, slip = books
    stick = str(tmp_path / "stick")
    assert main(["import", "township-package", stick, "--data-dir", folder]) == 1
    out, err = capsys.readouterr()
    assert f"将导入：代办单{slip}（张秀英）：上级已办结（已办结），办理单位桃源镇" in out
    assert "将导入：2026年10月报送：镇级退回（来访登记缺少反馈结果）" in out
    assert "核对密钥指纹" in out and CONFIRM in err
    assert _state(folder, slip) == "已送交"
    assert main(["import", "township-package", stick, "--yes", "--data-dir", folder]) == 0
    assert "已导入桃源镇的数据包：2项改动" in capsys.readouterr().out
    assert _state(folder, slip) == "上级已办结"
    assert main(["import", "township-package", stick, "--yes", "--data-dir", folder]) == 0
    assert "不会重复导入" in capsys.readouterr().out


def test_a_damaged_package_is_one_chinese_line(books, tmp_path, capsys):
    folder, slip = books
    (tmp_path / "stick" / "镇（街道）数据包202611231600" / "manifest.sig").write_text("xx", encoding="utf-8")
    assert main(["import", "township-package", str(tmp_path / "stick"), "--yes", "--data-dir", folder]) == 1
    assert "缺少清单或签名文件" in capsys.readouterr().err
    assert _state(folder, slip) == "已送交"
