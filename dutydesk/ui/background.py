"""Run long work (backups, exports, yearly filing) off the GUI thread with a progress dialog.

The work function gets ``report(done, total)`` and ``cancelled()``; it should check
``cancelled()`` between steps and raise ``Cancelled`` to stop. The dialog's 取消 button sets it.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from dutydesk.collector import CollectorPause
from dutydesk.crash_reports import log_exception
from dutydesk.store.base import database


class Cancelled(Exception):
    """Raised by work that noticed the user pressed 取消."""


class _Worker(QObject):
    progress = Signal(int, int)
    finished = Signal()

    def __init__(self, fn: Callable[..., Any]) -> None:
        super().__init__()
        self.fn = fn
        self.result: Any = None
        self.error: BaseException | None = None
        self.cancel_requested = False

    def run(self) -> None:
        try:
            self.result = self.fn(lambda done, total: self.progress.emit(done, total),
                                  lambda: self.cancel_requested)
        except BaseException as exc:  # handed back to the GUI thread, raised there
            self.error = exc
            if not type(exc).__name__.endswith("Cancelled"):  # 取消 is no error (Cancelled, ExportCancelled...)
                # Logged here, with the worker's traceback, whether or not the page handles it.
                log_exception(type(exc), exc, exc.__traceback__, "background work")
        finally:
            # peewee keeps one connection per thread: close the worker's own, not the GUI's.
            if database.obj is not None and not database.is_closed():
                database.close()
        self.finished.emit()


class _Relay(QObject):
    """Receives the worker's progress in the GUI thread: a plain Python function connected to a
    signal would run in the worker thread and touch the dialog from there (a crash)."""

    def __init__(self, dialog: QProgressDialog) -> None:
        super().__init__()
        self.dialog = dialog

    @Slot(int, int)
    def show_progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(done)


def run_with_progress(parent: QWidget | None, title: str, fn: Callable[..., Any],
                      window_title: str | None = None) -> Any:
    """Run ``fn(report, cancelled)`` in a worker thread; return its result or raise its error.
    The dialog shows ``title`` (also as its window title unless ``window_title`` is given)."""
    dialog = QProgressDialog(title, "取消", 0, 0, parent)
    dialog.setWindowTitle(window_title or title)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    worker = _Worker(fn)
    thread = QThread()
    worker.moveToThread(thread)
    loop = QEventLoop()
    thread.started.connect(worker.run)
    worker.finished.connect(loop.quit)

    relay = _Relay(dialog)  # lives in the GUI thread, so the signal is queued to it
    worker.progress.connect(relay.show_progress)
    dialog.canceled.connect(lambda: setattr(worker, "cancel_requested", True))
    # Python's garbage collector runs in whichever thread allocates; if it ran in the worker it
    # could delete Qt widgets off the GUI thread and crash. Collect now, pause it while the worker
    # runs (a few seconds at most), and resume afterwards.
    gc.collect()
    pause = CollectorPause().pause()
    try:
        thread.start()
        loop.exec()
        thread.quit()
        thread.wait()
    finally:
        pause.resume()
    dialog.close()
    dialog.deleteLater()  # one per run: do not let them pile up under the page
    if worker.error is not None:
        raise worker.error
    return worker.result
