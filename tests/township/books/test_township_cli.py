"""Issue 16 points 3-5 from the command line: ``dutydesk township init / import / status / return /
approve / proxy-result / backup`` on a demo village's hand-off, on SQLite and PostgreSQL.
Every message is Chinese; a user error is one line and exit code 1, never a traceback."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from dutydesk.cli import main
from dutydesk.store.datafolder import DataFolder
from dutydesk.store.settings import set_setting
from dutydesk.township.bundle import FOLDER
from dutydesk.township.month_flags import OVERDUE_RATE
from dutydesk.township.township_books import month_statuses, village_months
from dutydesk.township.township_folder import open_township

CODE = "350425100204"
NAME = "竹林社区党群服务中心"


@pytest.fixture(scope="session")
def demo_stick(tmp_path_factory):
    """A demo village's last full month, handed off onto a stick (once per session)."""
    root = tmp_path_factory.mktemp("demo_village")
    assert main(["demo", "--data-dir", str(root / "village"), "--days", "40", "--scale", "0.1",
                 "--center", NAME, "--code", CODE]) == 0
    month = (dt.date.today().replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    (root / "stick").mkdir()
    assert main(["handoff", "--month", month, "--out", str(root / "stick"), "--data-dir", str(root / "village")]) == 0
    [bundle] = (root / "stick").rglob(FOLDER)
    slips = [json.loads(line)["slip_no"] for line in (bundle / "proxy_case.jsonl").read_text("utf-8").splitlines()]
    return root / "stick", month, slips[0]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_township_commands_from_init_to_approval(tmp_path, engine, demo_stick, capsys, monkeypatch):
    stick, month, slip = demo_stick
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # no terminal: nothing is confirmed without --yes
    t = ["--data-dir", str(tmp_path / "T")]
    database = ["--database", engine] if engine else []
    code, _out, err = run(capsys, "township", "init", *t, "--name", "桃源镇", "--code", "12345", *database)
    assert code == 1 and "12位" in err and "Traceback" not in err
    code, out, _err = run(capsys, "township", "init", *t, "--name", "桃源镇", "--code", "350425100000", *database)
    assert code == 0 and "已建立桃源镇的镇级数据文件夹" in out

    code, out, _err = run(capsys, "township", "import", str(stick), *t)
    assert code == 1 and "未确认，未导入" in out and "--yes" in out
    code, out, _err = run(capsys, "township", "import", str(stick), *t, "--yes")
    assert code == 0 and f"已导入：{NAME} {month}" in out
    code, out, _err = run(capsys, "township", "import", str(stick), *t, "--yes")
    assert code == 0 and "已导入过，未作改动" in out

    code, out, _err = run(capsys, "township", "status", "--month", month, *t)
    assert code == 0 and f"{CODE}  {NAME}  已报送" in out and "报送情况（共 1 个村/社区）" in out

    code, out, err = run(capsys, "township", "proxy-result", "--village", CODE, "--slip", "DB2026-999999",
                         "--result", "已办结", *t)
    assert code == 1 and "没有代办单 DB2026-999999" in err
    code, _out, err = run(capsys, "township", "proxy-result", "--village", CODE, "--slip", slip,
                          "--result", "办好了", *t)
    assert code == 1 and "已办结" in err
    code, out, _err = run(capsys, "township", "proxy-result", "--village", CODE, "--slip", slip,
                          "--result", "退回补件", "--reason", "缺户口本复印件", *t)
    assert code == 0 and f"代办单 {slip} 退回补件" in out

    code, _out, err = run(capsys, "township", "return", "--village", CODE, "--month", month, *t)
    assert code == 1 and "退回须写明原因" in err
    code, out, _err = run(capsys, "township", "return", "--village", CODE, "--month", month, "--reason", "考勤表缺签字",
                          *t)
    assert code == 0 and "已退回" in out
    code, out, _err = run(capsys, "township", "status", "--month", month, *t)
    assert "已退回" in out and "原因：考勤表缺签字" in out
    code, out, _err = run(capsys, "township", "approve", "--village", CODE, "--month", month, *t)
    assert code == 0 and "已审核" in out
    code, _out, err = run(capsys, "township", "status", "--month", "2026-13", *t)
    assert code == 1 and "YYYY-MM" in err

    code, out, err = run(capsys, "township", "backup", *t)
    if engine:
        assert code == 1 and "pg_dump" in err
    else:
        assert code == 0 and "已备份到" in out


def test_flags_follow_the_settings_and_the_tally_travels(tmp_path, engine, demo_stick, capsys):
    stick, month, _slip = demo_stick
    t = ["--data-dir", str(tmp_path / "T")]
    assert main(["township", "init", *t, "--name", "桃源镇", "--code", "350425100000",
                 *(["--database", engine] if engine else [])]) == 0
    assert main(["township", "import", str(stick), *t, "--yes"]) == 0
    township = open_township(DataFolder(tmp_path / "T"))
    try:
        [village] = village_months(month)
        assert village.tally and {"name", "absent"} <= set(village.tally[0])
        day = dt.date(2020, 1, 1)
        set_setting(OVERDUE_RATE, -1.0, day, township.who, township.now())  # any visit at all
        assert any("超期偏多" in flag for flag in month_statuses(month)[0].flags)
        set_setting(OVERDUE_RATE, 1.0, day + dt.timedelta(days=1), township.who, township.now())
        assert not any("超期偏多" in flag for flag in month_statuses(month)[0].flags)
    finally:
        township.close()
