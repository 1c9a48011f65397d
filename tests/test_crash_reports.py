"""Diagnostics for a PC nobody can visit: native crashes, thread and worker errors and Qt's own
warnings all end up in the log folder."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading

from dutydesk.crash_reports import CRASH_LOG, install_crash_logging


def test_native_crash_writes_every_stack_to_the_crash_log(tmp_path):
    script = (
        "import faulthandler, sys; from pathlib import Path;"
        "from dutydesk.crash_reports import install_crash_logging;"
        f"install_crash_logging(Path({str(tmp_path)!r}));"
        "faulthandler._sigsegv()"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert done.returncode != 0
    crash = (tmp_path / CRASH_LOG).read_text(encoding="utf-8")
    assert "Fatal Python error" in crash and "Segmentation fault" in crash


def test_an_error_in_a_plain_thread_is_logged_with_its_traceback(tmp_path, caplog):
    before = threading.excepthook
    try:
        assert install_crash_logging(tmp_path)

        def broken() -> None:
            raise ZeroDivisionError("线程里出错")

        with caplog.at_level(logging.ERROR, logger="dutydesk.crash"):
            worker = threading.Thread(target=broken, name="备份线程")
            worker.start()
            worker.join()
        assert "unhandled error in thread 备份线程" in caplog.text
        assert "ZeroDivisionError: 线程里出错" in caplog.text and "Traceback" in caplog.text
    finally:
        threading.excepthook = before


def test_a_known_fault_in_a_thread_is_one_line(tmp_path, caplog):
    before = threading.excepthook
    try:
        install_crash_logging(tmp_path)

        def full_disk() -> None:
            raise OSError(28, "No space left on device")

        with caplog.at_level(logging.WARNING, logger="dutydesk.crash"):
            worker = threading.Thread(target=full_disk, name="导出")
            worker.start()
            worker.join()
        assert "fault in thread 导出" in caplog.text and "Traceback" not in caplog.text
    finally:
        threading.excepthook = before
