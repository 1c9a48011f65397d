"""Issue 17: ``dutydesk`` without a command opens the window without importing every command."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from dutydesk.cli import build_parser, window_args


def test_only_window_options_take_the_short_way():
    args = window_args(["--data-dir", "/tmp/x", "--demo", "--user", "李文书"])
    assert args is not None and (args.data_dir, args.demo, args.user, args.command) == ("/tmp/x", True, "李文书", None)
    assert window_args([]) is not None
    for argv in (["check"], ["--data-dir", "/tmp/x", "check"], ["-h"], ["--help"], ["--version"],
                 ["--data-dir"], ["--demo=1"], ["--nonsense"],
                 ["--data", "/tmp/x"]):  # --data-dir or --database: the full parser says so in Chinese
        assert window_args(argv) is None, argv


def test_the_short_way_reads_the_options_as_the_full_parser_does():
    for argv in ([], ["--data-dir", "/tmp/x"], ["--demo"], ["--data-", "/tmp/y", "--de"], ["--user", "王书记"],
                 ["--township", "--data-dir", "/tmp/t"],
                 ["--township", "--database", "postgresql://h/t", "--data-d", "t"]):
        short, full = window_args(argv), build_parser().parse_args(argv)
        assert (short.data_dir, short.demo, short.user, short.township, short.database, short.command) == (
            full.data_dir, full.demo, full.user, full.township, full.database, full.command), argv


def test_an_ambiguous_option_is_explained_by_the_full_parser(capsys):
    from dutydesk.cli import main

    with pytest.raises(SystemExit) as done:
        main(["--data", "/tmp/x"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "不明确" in err and "--database" in err and "COMMAND" in err  # the full usage, commands included


def test_opening_the_window_imports_no_command_module(tmp_path):
    code = (
        "import sys\n"
        "import dutydesk.app\n"
        "import gc\n"
        "dutydesk.app.run_gui = (lambda folder, demo=False:\n"
        "    print('window', folder.path.name, demo, gc.isenabled()) or 0)\n"
        "from dutydesk.cli import main\n"
        f"code = main(['--data-dir', {str(tmp_path / 'books')!r}])\n"
        "print(code, sorted(m for m in sys.modules if m.startswith('dutydesk.commands.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]
    # Issue 17: the desk window's start runs with the collector paused (its first screen resumes it)
    assert out.stdout.splitlines()[-2:] == ["window books False False", "0 []"]


def test_a_township_window_start_takes_the_short_way_and_opens_the_township_window(tmp_path):
    """Issue 16 with issue 17: ``dutydesk --township`` opens the township's window (with its
    PostgreSQL server when given), still without importing every command's module."""
    code = (
        "import sys\n"
        "import dutydesk.app\n"
        "import dutydesk.ui.township.township_app as township_app\n"
        "dutydesk.app.run_gui = lambda folder, demo=False: print('desk window') or 0\n"
        "import gc\n"
        "township_app.run_township_gui = (lambda folder, url=None:\n"
        "    print('township window', folder.path.name, url, gc.isenabled()) or 0)\n"
        "from dutydesk.cli import main\n"
        f"code = main(['--township', '--data-dir', {str(tmp_path / 'town')!r}, '--database', 'postgresql://h/t'])\n"
        "print(code, sorted(m for m in sys.modules if m.startswith('dutydesk.commands.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.splitlines()[-2:] == ["township window town postgresql://h/t True", "0 []"]  # not paused


def test_help_and_version_still_go_through_the_full_parser(capsys):
    from dutydesk.cli import main

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and "DutyDesk" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "check" in capsys.readouterr().out  # the commands are listed
