"""Run a slow job (exports, PDF rendering) off the GUI thread with a progress dialog and cancel."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEventLoop, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


@dataclass
class JobResult:
    value: Any = None
    error: str = ""
    cancelled: bool = False


class _Worker(QThread):
    progressed = Signal(int)

    def __init__(self, job: Callable[[Callable[[int], None]], Any]) -> None:
        super().__init__()
        self.job = job
        self.result = JobResult()
        self.cancel_requested = False

    def run(self) -> None:
        def progress(percent: int) -> None:
            if self.cancel_requested:
                raise _Cancelled
            self.progressed.emit(percent)

        try:
            self.result.value = self.job(progress)
        except _Cancelled:
            self.result.cancelled = True
        except Exception as exc:  # shown to the user as one Chinese line, never a traceback
            self.result.error = str(exc) or type(exc).__name__


class _Cancelled(Exception):
    pass


def run_in_background(parent: QWidget, label: str, job: Callable[[Callable[[int], None]], Any]) -> JobResult:
    """Run ``job(progress)`` in a worker thread; the dialog's 取消 stops it at the next progress call.

    The job must not touch widgets; it gets what it needs as arguments before it starts.
    """
    dialog = QProgressDialog(label, "取消", 0, 100, parent)
    dialog.setWindowTitle("请稍候")
    dialog.setMinimumDuration(400)
    worker = _Worker(job)
    loop = QEventLoop()
    worker.progressed.connect(dialog.setValue)
    worker.finished.connect(loop.quit)

    def cancel() -> None:
        worker.cancel_requested = True

    dialog.canceled.connect(cancel)
    worker.start()
    if not worker.isFinished():
        loop.exec()
    worker.wait()
    dialog.close()
    dialog.deleteLater()
    return worker.result
