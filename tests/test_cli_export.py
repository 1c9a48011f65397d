"""``dutydesk export LEDGER``: every ledger in both formats; one clear line and exit 1 on error."""

from __future__ import annotations

import openpyxl
import pytest
from pypdf import PdfReader

from dutydesk.cli import main


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli") / "demo"
    assert main(["demo", "--data-dir", str(folder), "--days", "20", "--scale", "0.2"]) == 0
    return str(folder)


@pytest.mark.parametrize("ledger, period", [
    ("duty", ["--from", "2026-11-01", "--to", "2026-11-24"]),
    ("visits", ["--from", "2026-11-01", "--to", "2026-11-24"]),
    ("proxy", ["--month", "2026-11"]),
    ("attendance", ["--month", "2026-11"]),
    ("monthly", ["--month", "2026-11"]),
])
@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_export_each_ledger(books, tmp_path, capsys, ledger, period, fmt):
    out = tmp_path / f"ledger.{fmt}"
    assert main(["export", ledger, *period, "--format", fmt, "--out", str(out), "--data-dir", books]) == 0
    assert capsys.readouterr().out.startswith("已导出")
    if fmt == "xlsx":
        ws = openpyxl.load_workbook(out).worksheets[0]
        assert ws.page_setup.orientation == "landscape"
    else:
        from dutydesk.reports.ledgers import LEDGERS

        assert LEDGERS[ledger].name in PdfReader(out).pages[0].extract_text()


def test_visits_export_has_the_demo_rows(books, tmp_path, capsys):
    out = tmp_path / "v.xlsx"
    assert main(["export", "visits", "--month", "2026-11", "--out", str(out), "--data-dir", books]) == 0
    rows = int(capsys.readouterr().out.split("，")[1].split("行")[0])
    assert rows > 0
    data = [r for r in openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True)
            if r[0] and str(r[0]).startswith("2026-")]
    assert len(data) == rows


def test_out_folder_gets_a_dated_file_name(books, tmp_path, capsys):
    assert main(["export", "monthly", "--month", "2026-11", "--format", "pdf", "--out", str(tmp_path),
                 "--data-dir", books]) == 0
    names = [p.name for p in tmp_path.iterdir()]
    assert len(names) == 1 and names[0].endswith("月度便民服务统计报表_2026-11.pdf")


@pytest.mark.parametrize("args, message", [
    (["export", "foo", "--month", "2026-11", "--out", "x.xlsx"], "没有名为 foo 的台账"),
    (["export", "visits", "--from", "2026-13-01", "--to", "2026-11-30", "--out", "x.xlsx"], "起始日期格式"),
    (["export", "visits", "--from", "2026-11-30", "--to", "2026-11-01", "--out", "x.xlsx"], "起始日期不能晚于"),
    (["export", "visits", "--out", "x.xlsx"], "请用 --from 和 --to"),
    (["export", "monthly", "--from", "2026-11-01", "--to", "2026-11-30", "--out", "x.pdf"], "--month"),
    (["export", "attendance", "--month", "2026/11", "--out", "x.pdf"], "月份格式"),
    (["export", "visits", "--month", "2026-11", "--format", "doc", "--out", "x.doc"], "格式只能是"),
    (["export", "visits", "--month", "2026-11", "--format", "pdf", "--out", "x.xlsx"], "不一致"),
    (["export", "visits", "--month", "2026-11", "--out", "/nonexistent/dir/x.xlsx"], "输出文件夹不存在"),
])
def test_errors_are_one_line_and_exit_1(books, tmp_path, capsys, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    assert main([*args, "--data-dir", books]) == 1
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：") and message in lines[0]
    assert "Traceback" not in captured.err and not list(tmp_path.glob("x.*"))
