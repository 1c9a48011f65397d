"""Qt's own warnings and errors (a missing platform plugin, a font it cannot load, a printer
driver complaint) go to DutyDesk's log instead of a console nobody sees."""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("dutydesk.qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    where = f" ({context.category})" if context is not None and context.category not in (None, "default") else ""
    log.log(_LEVELS.get(kind, logging.WARNING), "Qt%s: %s", where, message)


def install_qt_message_handler() -> None:
    qInstallMessageHandler(qt_message)
