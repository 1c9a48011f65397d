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


def test_v04_a_due_date_past_the_calendar_is_one_chinese_line(tmp_path, capsys):
    """V04: a typo giving a date past 9999 is a plain message (exit 1), not an internal error."""
    for argv in (["9999-12-31", "3000"], ["2026-01-01", "99999999"]):
        assert main(["calendar", "due", *argv, "--data-dir", str(tmp_path / "x")]) == 1
        err = capsys.readouterr().err
        assert "超出了可计算的日期范围" in err and "Error" not in err and len(err.strip().splitlines()) == 1


def test_import_of_a_missing_file_or_a_folder_is_said_in_chinese(tmp_path, capsys):
    folder = str(tmp_path / "books")
    assert main(["calendar", "import", str(tmp_path / "没有.csv"), "--data-dir", folder]) == 1
    err = capsys.readouterr().err
    assert "找不到文件" in err and "No such file" not in err
    assert main(["calendar", "import", str(tmp_path), "--data-dir", folder]) == 1
    err = capsys.readouterr().err
    assert "是文件夹" in err and "Is a directory" not in err
