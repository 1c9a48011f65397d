"""The command line speaks Chinese: argparse's usage and errors, the OS's errors, impossible dates
(issue 13)."""

from __future__ import annotations

import errno
import re

import pytest

from dutydesk.cli import main
from dutydesk.cli_text import os_error_text, translate_argparse
from dutydesk.domain.day_text import DayTextError, parse_day

ENGLISH = re.compile(r"usage|invalid choice|required|arguments|error|No such file|Permission denied", re.I)


def run(args, capsys) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    return exited.value.code, capsys.readouterr().err


def test_unknown_subcommand_is_explained_in_chinese(capsys):
    code, err = run(["frobnicate"], capsys)
    assert code == 2
    assert err.startswith("用法：dutydesk")
    assert "参数错误：参数 COMMAND 的值 'frobnicate' 无效，可选：" in err
    assert not ENGLISH.search(err.replace("--data-dir", "").replace("dutydesk", ""))


def test_missing_required_argument_is_named_in_chinese(capsys):
    code, err = run(["export", "visits", "--month", "2026-11"], capsys)
    assert code == 2 and "缺少必需的参数：--out" in err and "用法：dutydesk export" in err


def test_wrong_number_type_and_unknown_option(capsys):
    _code, err = run(["calendar", "due", "2026-11-24", "three"], capsys)
    assert "参数 DAYS 应为整数：'three'" in err
    _code, err = run(["check", "--bogus"], capsys)
    assert "无法识别的参数：--bogus" in err


def test_help_is_chinese(capsys):
    with pytest.raises(SystemExit):
        main(["-h"])
    out = capsys.readouterr().out
    assert out.startswith("用法：") and "显示本帮助并退出" in out and "show this help" not in out


def test_translate_leaves_unknown_messages_alone():
    assert translate_argparse("something new") == "something new"
    assert translate_argparse("argument --x: expected one argument") == "参数 --x 后面缺少值"


def test_os_errors_are_chinese_and_name_the_file():
    assert os_error_text(FileNotFoundError(errno.ENOENT, "No such file or directory", "a.csv")) == "文件不存在：a.csv"
    assert os_error_text(PermissionError(errno.EACCES, "Permission denied", "b.xlsx")) == "没有权限：b.xlsx"
    assert os_error_text(OSError(errno.ENOSPC, "No space left on device")) == "磁盘空间不足"


def test_importing_a_missing_file_says_file_does_not_exist(tmp_path, capsys):
    assert main(["calendar", "import", str(tmp_path / "nope.csv"), "--data-dir", str(tmp_path / "x")]) == 1
    err = capsys.readouterr().err
    assert "找不到文件" in err and "No such file" not in err


def test_an_os_error_anywhere_is_one_chinese_line(tmp_path, monkeypatch, capsys):
    from dutydesk.commands import check

    def locked(args):
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "dutydesk.sqlite3"))

    monkeypatch.setattr(check, "run", locked)
    assert main(["check", "--data-dir", str(tmp_path / "x")]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"错误：没有权限：{tmp_path / 'dutydesk.sqlite3'}"


def test_an_impossible_date_does_not_exist():
    with pytest.raises(DayTextError, match="日期不存在：2025-02-30"):
        parse_day("2025-02-30")
    with pytest.raises(DayTextError, match="格式"):
        parse_day("2025/02/28")
    assert str(parse_day("2024-02-29")) == "2024-02-29"


def test_cli_due_with_an_impossible_date(capsys, tmp_path):
    assert main(["calendar", "due", "2025-02-30", "3", "--data-dir", str(tmp_path / "x")]) == 1
    err = capsys.readouterr().err
    assert "受理日期不存在：2025-02-30" in err and "格式" not in err


def test_a_data_folder_that_cannot_be_made_is_one_chinese_line(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["check", "--data-dir", str(blocker / "data")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：") and len(err.strip().splitlines()) == 1 and "Traceback" not in err
