"""Errors in the background worker and Qt's own warnings reach the log like the GUI thread's."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import qInstallMessageHandler, qWarning

from dutydesk.ui.background import Cancelled, run_with_progress
from dutydesk.ui.qt_messages import install_qt_message_handler


def test_worker_error_is_logged_with_the_worker_traceback(app, caplog):
    def work(report, cancelled):
        raise ZeroDivisionError("后台出错")

    with caplog.at_level(logging.ERROR, logger="dutydesk.crash"), pytest.raises(ZeroDivisionError):
        run_with_progress(None, "正在导出…", work)
    assert "unhandled error in background work" in caplog.text
    assert "ZeroDivisionError: 后台出错" in caplog.text and "in work" in caplog.text


def test_cancel_is_not_logged_as_an_error(app, caplog):
    def work(report, cancelled):
        raise Cancelled()

    with caplog.at_level(logging.WARNING, logger="dutydesk.crash"), pytest.raises(Cancelled):
        run_with_progress(None, "正在导出…", work)
    assert caplog.text == ""


def test_qt_warnings_go_to_the_log(app, caplog):
    try:
        install_qt_message_handler()
        with caplog.at_level(logging.WARNING, logger="dutydesk.qt"):
            qWarning("找不到打印机驱动")
        assert "Qt: 找不到打印机驱动" in caplog.text
        assert caplog.records[-1].levelno == logging.WARNING
    finally:
        qInstallMessageHandler(None)
