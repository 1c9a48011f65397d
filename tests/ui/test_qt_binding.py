"""The Qt binding itself: a PySide6 release that breaks Python's reference counts crashes the app."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, QThread, Signal


class _Source(QObject):
    progress = Signal(int, str)


class _Worker(QThread):
    progress = Signal(int, str)

    def run(self) -> None:
        self.progress.emit(1, "行")


def test_signal_emit_keeps_true_and_none_alive(app):
    """PySide6 6.12.0 dropped a reference to ``True`` on every ``Signal.emit`` (and to ``None`` per
    QThread run). An export reports progress thousands of times, so the app aborted with
    "bool_dealloc" mid-export or at exit; pyproject.toml keeps that release out."""
    source = _Source()
    gc.collect()
    before_true, before_none = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(300):
        source.progress.emit(1, "行")
    for _ in range(20):
        worker = _Worker()
        worker.start()
        worker.wait()
        app.processEvents()
    gc.collect()
    assert sys.getrefcount(True) > before_true - 100
    assert sys.getrefcount(None) > before_none - 30
