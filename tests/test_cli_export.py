"""``dutydesk export LEDGER``: every ledger in both formats; one clear line and exit 1 on error."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from pypdf import PdfReader

from dutydesk.cli import main

# The demo generator fills the days up to the real today, so the tests ask for a month that holds them
# (the month of three days ago: at least three days of demo data, whatever the date the suite runs on).
_RECENT = dt.date.today() - dt.timedelta(days=3)
MONTH = _RECENT.strftime("%Y-%m")
YEARS = {f"{dt.date.today().year - 1}-", f"{dt.date.today().year}-"}
FROM, TO = (dt.date.today() - dt.timedelta(days=19)).isoformat(), dt.date.today().isoformat()

@pytest.fixture(scope="module")
def books(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli") / "demo"
    assert main(["demo", "--data-dir", str(folder), "--days", "20", "--scale", "0.2"]) == 0
    return str(folder)


@pytest.mark.parametrize("ledger, period", [
    ("duty", ["--from", FROM, "--to", TO]),
    ("visits", ["--from", FROM, "--to", TO]),
    ("proxy", ["--month", MONTH]),
    ("attendance", ["--month", MONTH]),
    ("monthly", ["--month", MONTH]),
    ("meetings", ["--month", MONTH]),  # D17
    ("relay", ["--month", MONTH]),  # D18
    ("grid", ["--month", MONTH]),  # G01
    ("household_visits", ["--month", MONTH]),  # G03
    ("diary", ["--month", MONTH]),  # G05
    ("visit_quota", ["--month", MONTH]),  # G03
    ("spot_checks", ["--month", MONTH]),  # G06
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
    assert main(["export", "visits", "--month", MONTH, "--out", str(out), "--data-dir", books]) == 0
    rows = int(capsys.readouterr().out.split("，")[1].split("行")[0])
    assert rows > 0
    data = [r for r in openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True)
            if r[0] and str(r[0])[:5] in YEARS]
    assert len(data) == rows


def test_out_folder_gets_a_dated_file_name(books, tmp_path, capsys):
    assert main(["export", "monthly", "--month", MONTH, "--format", "pdf", "--out", str(tmp_path),
                 "--data-dir", books]) == 0
    names = [p.name for p in tmp_path.iterdir()]
    assert len(names) == 1 and names[0].endswith(f"月度便民服务统计报表_{MONTH}.pdf")


@pytest.mark.parametrize("args, message", [
    (["export", "foo", "--month", "2026-11", "--out", "x.xlsx"], "没有名为 foo 的台账"),
    (["export", "visits", "--from", "2026-13-01", "--to", "2026-11-30", "--out", "x.xlsx"], "起始日期不存在"),
    (["export", "visits", "--from", "2026/11/01", "--to", "2026-11-30", "--out", "x.xlsx"], "起始日期格式"),
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


@pytest.fixture
def guarded_books(tmp_path):
    """A small demo folder whose director has a password."""
    from dutydesk.desk import open_desk
    from dutydesk.store.accounts.account import Account
    from dutydesk.store.accounts.login import set_password
    from dutydesk.store.datafolder import DataFolder

    folder = tmp_path / "books"
    assert main(["demo", "--data-dir", str(folder), "--days", "5", "--scale", "0.1"]) == 0
    desk = open_desk(DataFolder(folder))
    try:
        set_password(Account.get(Account.name == "王书记"), "1357", "测试", desk.now())
        set_password(Account.get(Account.name == "李文书"), "2468", "测试", desk.now())
    finally:
        desk.close()
    return folder


def _export_log(folder) -> list[tuple]:
    from dutydesk.desk import open_desk
    from dutydesk.store.datafolder import DataFolder
    from dutydesk.store.privacy import ExportLog

    desk = open_desk(DataFolder(folder))
    try:
        return [(e.what, e.unmasked, e.approved_by, e.reason) for e in ExportLog.select().order_by(ExportLog.id)]
    finally:
        desk.close()


def _phones(path) -> list[str]:
    sheet = openpyxl.load_workbook(path).worksheets[0]
    return [r[4] for r in sheet.iter_rows(values_only=True) if r[0] and str(r[0])[:5] in YEARS and r[4]]


def test_v09_unmasked_cli_export_needs_the_directors_password_and_is_logged(guarded_books, tmp_path, capsys,
                                                                            monkeypatch):
    import io

    masked, full = tmp_path / "m.xlsx", tmp_path / "f.xlsx"
    monkeypatch.setenv("DUTYDESK_PASSWORD", "2468")  # the clerk runs it (--user), the director approves
    base = ["export", "visits", "--month", MONTH, "--data-dir", str(guarded_books), "--user", "李文书"]
    assert main([*base, "--out", str(masked)]) == 0
    assert _phones(masked) and all("****" in p for p in _phones(masked))

    monkeypatch.setattr("sys.stdin", io.StringIO("0000\n"))
    assert main([*base, "--out", str(full), "--unmasked", "--reason", "核对", "--approver", "王书记"]) == 1
    assert "密码不正确" in capsys.readouterr().err and not full.exists()

    monkeypatch.setattr("sys.stdin", io.StringIO("1357\n"))
    assert main([*base, "--out", str(full), "--unmasked", "--reason", "核对", "--approver", "王书记"]) == 0
    assert "含完整电话和身份证号" in capsys.readouterr().out
    assert _phones(full) and not any("****" in p for p in _phones(full))
    assert [row[1:] for row in _export_log(guarded_books)] == [(False, "", ""), (True, "王书记", "核对")]


@pytest.mark.parametrize("extra, message", [
    (["--unmasked", "--approver", "王书记"], "--reason"),
    (["--unmasked", "--reason", "核对"], "--approver"),
])
def test_unmasked_cli_export_without_reason_or_approver_is_refused(guarded_books, tmp_path, capsys, extra,
                                                                   message, monkeypatch):
    out = tmp_path / "v.xlsx"
    monkeypatch.setenv("DUTYDESK_PASSWORD", "2468")
    assert main(["export", "visits", "--month", MONTH, "--out", str(out), "--data-dir", str(guarded_books),
                 "--user", "李文书", *extra]) == 1
    assert message in capsys.readouterr().err and not out.exists()


def test_a01_cli_duty_ledger_export_is_written_to_the_export_log(guarded_books, tmp_path, monkeypatch):
    """The duty ledger quotes requests and handovers: its export is logged like the others (V09)."""
    out = tmp_path / "duty.xlsx"
    monkeypatch.setenv("DUTYDESK_PASSWORD", "2468")
    assert main(["export", "duty", "--month", MONTH, "--out", str(out), "--data-dir", str(guarded_books),
                 "--user", "李文书"]) == 0
    assert out.exists()
    year, month = MONTH.split("-")
    assert _export_log(guarded_books) == [(f"值班记录簿（{year}年{int(month)}月）", False, "", "")]
