"""Issue 16, Done means, end to end on both engines: three villages hand off, the township imports
(``dutydesk township import``), exports the summary (``township export summary``: each village's
visit total equals its own books), records a 代办 result and writes the package back down
(``township package``); the village imports it, its proxy case moves to 上级已办结, and a second
import changes nothing. The township runs through the CLI with ``--database`` (PostgreSQL) or
its folder's SQLite file; the village through ``dutydesk import township-package``."""

from __future__ import annotations

import datetime as dt
import io
import shutil

import openpyxl
import pytest

from dutydesk.cli import main
from dutydesk.desk import open_desk
from dutydesk.domain.clock import FixedClock
from dutydesk.domain.proxy_case import STATE_LABELS, CaseState, StepKind
from dutydesk.reports.ledgers.registry import Period
from dutydesk.store.datafolder import DataFolder
from dutydesk.store.notices.proxy_cases import case_by_slip, live_steps, record_step
from dutydesk.township.package import find_package, read_package
from dutydesk.township.package_import import plan_import
from dutydesk.township.village_month import STATUS_LABELS
from tests.township.books.conftest import VILLAGES, A, B, C, engine, hand_offs  # noqa: F401 (fixtures)
from tests.township.demo_villages import DemoVillage

MONTH = "2026-11"


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out + err


@pytest.fixture
def cli(tmp_path, engine, capsys, monkeypatch):  # noqa: F811 (the fixture imported above)
    """``dutydesk township …`` on a new township folder (its books on ``engine``)."""
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    folder = ["--data-dir", str(tmp_path / "T")]
    database = ["--database", engine] if engine else []
    assert main(["township", "init", *folder, "--name", "桃源镇", "--code", "350425100000", *database]) == 0
    capsys.readouterr()
    return lambda *argv: run(capsys, "township", *argv, *folder)


def _village_copy(hand_offs, tmp_path, number: int = 1) -> DataFolder:  # noqa: F811
    """A copy of a village's folder (the session's villages stay as they were)."""
    copy = tmp_path / f"village{number}"
    shutil.copytree(hand_offs.root / f"village{number}", copy)
    return DataFolder(copy)


def test_p03_v01_the_round_trip_from_hand_off_to_the_village_and_not_twice(cli, hand_offs, tmp_path,  # noqa: F811
                                                                          capsys):
    """P03, V01: the summary counts each village's own books; the package moves the case once."""
    village = _village_copy(hand_offs, tmp_path)
    clock = FixedClock(dt.datetime(2027, 1, 7, 9, 0))
    desk = open_desk(village, clock)
    try:  # the village carried the case to the township (送交上级)
        record_step(case_by_slip(hand_offs.slip), StepKind.SUBMIT,
                    {"unit": "桃源镇便民服务中心", "date": dt.date(2026, 11, 20), "carrier": "李文书"},
                    desk.who, clock.now())
    finally:
        desk.close()

    code, out = cli("import", str(hand_offs.root / "stick"), "--yes")
    assert code == 0 and "导入 9 个" in out
    code, out = cli("status", "--month", MONTH)
    assert code == 0 and all(f"{c}  {n}  已报送" in out for c, n in VILLAGES.items())

    code, out = cli("export", "summary", "--month", MONTH, "--format", "xlsx", "--out", str(tmp_path / "汇总.xlsx"))
    assert code == 0 and "已报送3个" in out
    sheet = openpyxl.load_workbook(tmp_path / "汇总.xlsx").worksheets[0]
    rows = {r[0]: r for r in sheet.iter_rows(values_only=True) if r and r[1] in STATUS_LABELS.values()}
    books = {name: DemoVillage(name, code, hand_offs.root / f"village{n}").visits_in_books(Period.month(2026, 11))
             for n, (code, name) in enumerate(VILLAGES.items(), start=1)}  # counted in each village's own file
    assert {name: rows[name][2] for name in VILLAGES.values()} == books
    assert books == {VILLAGES[c]: hand_offs.visits[(c, MONTH)] for c in (A, B, C)}
    code, out = cli("export", "summary", "--month", MONTH, "--format", "pdf", "--out", str(tmp_path))
    assert code == 0 and (tmp_path / f"桃源镇便民服务月度汇总表_{MONTH}.pdf").stat().st_size > 0

    assert cli("proxy-result", "--village", A, "--slip", hand_offs.slip, "--result", "已办结")[0] == 0
    assert cli("approve", "--village", A, "--month", MONTH)[0] == 0
    (tmp_path / "U盘").mkdir()
    code, out = cli("package", "--out", str(tmp_path / "U盘"))
    assert code == 0 and "审核结果 1 条，代办结果 1 条" in out

    village_cli = ("import", "township-package", str(tmp_path / "U盘"), "--data-dir", str(village.path))
    code, out = run(capsys, *village_cli)  # a preview first: nothing applied without --yes
    assert code == 1 and f"将导入：代办单{hand_offs.slip}" in out and "上级已办结" in out
    code, out = run(capsys, *village_cli, "--yes")
    assert code == 0 and "已导入桃源镇的数据包" in out
    desk = open_desk(village, clock)
    try:
        case = case_by_slip(hand_offs.slip)
        assert case.case_state is CaseState.APPROVED and STATE_LABELS[case.case_state] == "上级已办结"
        steps = len(live_steps(case))
    finally:
        desk.close()
    code, out = run(capsys, *village_cli, "--yes")
    assert code == 0 and "不会重复导入，不会有任何改动" in out
    desk = open_desk(village, clock)
    try:
        assert len(live_steps(case_by_slip(hand_offs.slip))) == steps  # nothing applied twice
        assert plan_import(desk, tmp_path / "U盘").already is not None
    finally:
        desk.close()


def test_packages_form_a_chain_each_carrying_only_what_came_after(cli, hand_offs, tmp_path):  # noqa: F811
    assert cli("import", str(hand_offs.root / "stick"), "--yes")[0] == 0
    assert cli("return", "--village", B, "--month", MONTH, "--reason", "考勤表缺签字")[0] == 0
    first, second, third = (tmp_path / name for name in ("一", "二", "三"))
    for folder in (first, second, third):
        folder.mkdir()
    assert cli("package", "--out", str(first))[0] == 0
    code, out = cli("package", "--out", str(second))
    assert code == 0 and "审核结果 0 条，代办结果 0 条" in out
    assert cli("approve", "--village", B, "--month", MONTH)[0] == 0
    assert cli("package", "--out", str(third))[0] == 0
    packages = [read_package(find_package(folder)) for folder in (first, second, third)]
    assert [[(d.village_code, d.decision) for d in p.decisions] for p in packages] == [
        [(B, "returned")], [], [(B, "approved")]]
    assert packages[0].manifest.previous_sha256 == ""
    assert [p.manifest.previous_sha256 for p in packages[1:]] == [p.manifest.sha256 for p in packages[:2]]


def test_d14_settings_the_township_sets_travel_down_dated_its_own_stay_home(cli, tmp_path):
    """D14: the township's penalty standard goes down with its date; its 报送情况 threshold stays."""
    code, out = cli("set-setting", "--key", "duty.joint_liability", "--value", "80", "--from", "2027-01-01")
    assert code == 0 and "自 2027-01-01 起执行" in out
    assert cli("set-setting", "--key", "township.flags.absences", "--value", "4", "--from", "2027-01-01")[0] == 0
    code, out = cli("set-setting", "--key", "duty.joint_liability", "--value", "八十", "--from", "2027-01-01")
    assert code == 1 and "不对" in out
    code, out = cli("set-setting", "--key", "duty.no_such", "--value", "1", "--from", "2027-01-01")
    assert code == 1 and "没有名为 duty.no_such 的设置项" in out
    code, out = cli("set-setting", "--key", "duty.joint_liability", "--value", "90", "--from", "2027-13-01")
    assert code == 1 and "YYYY-MM-DD" in out
    (tmp_path / "U盘").mkdir()
    assert cli("package", "--out", str(tmp_path / "U盘"))[0] == 0
    settings = read_package(find_package(tmp_path / "U盘")).settings
    assert [(s.key, s.value, s.effective_from) for s in settings] == [
        ("duty.joint_liability", 80, dt.date(2027, 1, 1))]


def test_package_options_are_checked_in_chinese(cli, tmp_path):
    (tmp_path / "out").mkdir()
    code, out = cli("package", "--out", str(tmp_path / "nowhere"))
    assert code == 1 and "导出文件夹不存在" in out
    code, out = cli("package", "--out", str(tmp_path / "out"), "--catalogue", str(tmp_path / "无.json"))
    assert code == 1 and "找不到办事指南目录文件" in out
    shipped = tmp_path / "2026.csv"
    shipped.write_text("date,type,name\n2026-01-01,休,元旦\n", encoding="utf-8")
    code, out = cli("package", "--out", str(tmp_path / "out"), "--holidays", str(shipped))
    assert code == 1 and "软件已自带" in out
    extra = tmp_path / "2099.csv"
    extra.write_text("date,type,name\n2099-01-01,休,元旦\n", encoding="utf-8")
    code, out = cli("package", "--out", str(tmp_path / "out"), "--holidays", str(extra))
    assert code == 0
    assert list(read_package(find_package(tmp_path / "out")).holidays) == [2099]


def test_the_summary_export_needs_a_township_folder(tmp_path, capsys):
    code, out = run(capsys, "township", "export", "summary", "--month", MONTH, "--out", str(tmp_path / "x.xlsx"),
                    "--data-dir", str(tmp_path / "空"))
    assert code == 1 and "不是镇级数据文件夹" in out
