"""``dutydesk calendar show|import|due`` (V04 deadlines from the command line)."""

from __future__ import annotations

from dutydesk.cli import main


def test_v04_due_counts_working_days_over_national_day(tmp_path, capsys):
    assert main(["calendar", "due", "2025-09-26", "7", "--data-dir", str(tmp_path / "x")]) == 0
    assert capsys.readouterr().out.strip() == "2025-10-13 星期一"


def test_show_lists_days_with_their_source(tmp_path, capsys):
    assert main(["calendar", "show", "2026", "--data-dir", str(tmp_path / "x")]) == 0
    out = capsys.readouterr().out
    assert "2026-10-10 星期六  上班  国庆节调休  [软件内置]" in out


def test_unknown_year_warns_then_import_fixes_it(tmp_path, capsys):
    folder = str(tmp_path / "demo")
    assert main(["demo", "--data-dir", folder, "--days", "3", "--scale", "0.05"]) == 0
    assert main(["calendar", "show", "2027", "--data-dir", folder]) == 0
    assert "不含 2027 年" in capsys.readouterr().out
    year_file = tmp_path / "2027.csv"
    year_file.write_text("date,type,name\n2027-01-01,休,元旦\n2027-02-07,班,春节调休\n", encoding="utf-8")
    assert main(["calendar", "import", str(year_file), "--data-dir", folder]) == 0
    assert "已导入 2 天" in capsys.readouterr().out
    assert main(["calendar", "show", "2027", "--data-dir", folder]) == 0
    out = capsys.readouterr().out
    assert "不含" not in out and "2027-01-01 星期五  放假  元旦  [本中心录入]" in out
    assert main(["calendar", "due", "2026-12-31", "1", "--data-dir", folder]) == 0
    assert capsys.readouterr().out.strip() == "2027-01-04 星期一"


def test_bad_file_is_rejected_with_line_number(tmp_path, capsys):
    folder = str(tmp_path / "demo")
    main(["demo", "--data-dir", folder, "--days", "3", "--scale", "0.05"])
    bad = tmp_path / "bad.csv"
    bad.write_text("2027-01-01,休,元旦\n2027-02-30,休,错\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["calendar", "import", str(bad), "--data-dir", folder]) == 1
    err = capsys.readouterr().err
    assert "第2行" in err and len(err.strip().splitlines()) == 1


def test_bad_date_argument_is_one_line(tmp_path, capsys):
    assert main(["calendar", "due", "2026/09/30", "3", "--data-dir", str(tmp_path / "x")]) == 1
    assert "受理日期格式应为 YYYY-MM-DD" in capsys.readouterr().err
