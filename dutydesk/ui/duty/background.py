"""Run a slow job (exports, PDF rendering) off the GUI thread with a progress dialog and cancel.

The duty pages' jobs report a percentage and get their outcome back as a ``JobResult`` (shown
as one Chinese line beside the buttons); the thread, the dialog and 取消 are
``ui.background.run_with_progress``'s.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QWidget

from dutydesk.ui.background import Cancelled, run_with_progress


@dataclass
class JobResult:
    value: Any = None
    error: str = ""
    cancelled: bool = False


def run_in_background(parent: QWidget, label: str, job: Callable[[Callable[[int], None]], Any]) -> JobResult:
    """Run ``job(progress)`` in a worker thread; the dialog's 取消 stops it at the next progress call.

    The job must not touch widgets; it gets what it needs as arguments before it starts.
    """

    def work(report: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Any:
        def progress(percent: int) -> None:
            if cancelled():
                raise Cancelled
            report(percent, 100)

        return job(progress)

    try:
        return JobResult(value=run_with_progress(parent, label, work, window_title="请稍候"))
    except Cancelled:
        return JobResult(cancelled=True)
    except Exception as exc:  # shown to the user as one Chinese line, never a traceback
        return JobResult(error=str(exc) or type(exc).__name__)
