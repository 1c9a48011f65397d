"""Long work off the GUI thread: the result, an error, and 取消 come back to the page."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from dutydesk.ui.duty.background import run_in_background


def test_job_result_value_and_error(app):
    seen: list[int] = []

    def job(progress):
        progress(50)
        seen.append(50)
        return "完成"

    assert run_in_background(None, "正在导出…", job).value == "完成" and seen == [50]

    def broken(progress):
        raise OSError("U盘空间不足")

    result = run_in_background(None, "正在导出…", broken)
    assert (result.error, result.cancelled, result.value) == ("U盘空间不足", False, None)


def test_cancel_stops_the_job_at_its_next_progress_call(app):
    steps: list[int] = []
    titles: list[str] = []

    def job(progress):
        for i in range(500):
            progress(i // 5)
            steps.append(i)
            time.sleep(0.01)
        return "不应完成"

    def cancel() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.labelText() == "正在生成PDF…":
                titles.append(widget.windowTitle())
                [button] = [b for b in widget.findChildren(QPushButton) if b.text() == "取消"]
                button.click()

    QTimer.singleShot(100, cancel)
    result = run_in_background(None, "正在生成PDF…", job)
    assert result.cancelled and not result.error and result.value is None
    assert len(steps) < 500 and titles == ["请稍候"]  # stopped early


def test_collector_pauses_nest_and_resume_once():
    import gc

    from dutydesk.collector import CollectorPause

    assert gc.isenabled()
    outer = CollectorPause().pause()
    inner = CollectorPause().pause()
    inner.resume()
    inner.resume()  # twice: no effect
    assert not gc.isenabled()
    outer.resume()
    assert gc.isenabled()


def test_many_new_objects_left_by_the_work_are_kept_out_of_the_next_collection():
    """Issue 17: a first export imports the printing libraries (130,000 new objects); when the
    collector resumed, its next collection walked them all with the interpreter lock held (100 ms
    and more). They are set aside from collections instead, and still freed by reference counts."""
    import gc
    import weakref

    from dutydesk.collector import FREEZE_ABOVE, CollectorPause

    class Kept:
        pass

    gc.collect()
    frozen = gc.get_freeze_count()
    pause = CollectorPause().pause()
    few = [[i] for i in range(100)]
    pause.resume()
    assert gc.get_freeze_count() == frozen and gc.isenabled()  # a little work: as before
    pause = CollectorPause().pause()
    many = [[i] for i in range(FREEZE_ABOVE + 1000)]
    last = Kept()
    gone = weakref.ref(last)
    pause.resume()
    try:
        assert gc.isenabled() and gc.get_freeze_count() >= frozen + len(many)
        assert gc.get_count()[0] < FREEZE_ABOVE
        del many, last
        assert gone() is None  # reference counting still frees them
    finally:
        gc.unfreeze()
    del few


def test_the_start_pause_nests_with_the_workers_and_resumes_once():
    """Issue 17: the desk window's start runs with the collector off (``collector.pause_for_start``
    in the entry point) until its first screen is whole; a worker's pause meanwhile nests in it,
    and the collector comes back only when both have ended."""
    import gc

    from dutydesk.collector import CollectorPause, pause_for_start, resume_after_start

    assert gc.isenabled()
    pause_for_start()
    worker = CollectorPause().pause()
    resume_after_start()
    assert not gc.isenabled()  # the worker still runs
    resume_after_start()  # twice: no effect
    worker.resume()
    assert gc.isenabled()
    pause_for_start()
    resume_after_start()
    assert gc.isenabled()
