"""Issue 17: a page's slow reading runs in a worker thread with the collector paused, and its
result is shown back in the GUI thread; the newest request wins."""

from __future__ import annotations

import gc
import threading
import time

import pytest
from PySide6.QtWidgets import QWidget

from dutydesk.ui import lazy_tabs
from dutydesk.ui.page_loader import PageLoader, wait_for_loads


@pytest.fixture
def in_app():
    lazy_tabs.build_on_demand(True)
    yield
    wait_for_loads()
    lazy_tabs.build_on_demand(False)


def test_without_the_app_running_a_page_reads_at_once(app):
    shown = []
    PageLoader().load(lambda: threading.get_ident(), shown.append)
    assert shown == [threading.get_ident()]


def test_reading_runs_in_a_worker_with_the_collector_paused(app, qtbot, in_app):
    page = QWidget()
    loader = PageLoader(page)
    seen: dict[str, object] = {}

    def read() -> int:
        seen["thread"] = threading.get_ident()
        seen["collector"] = gc.isenabled()
        return 42

    shown: list[tuple[int, int]] = []
    loader.load(read, lambda result: shown.append((result, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == [(42, threading.get_ident())]  # shown in the GUI thread
    assert seen == {"thread": seen["thread"], "collector": False}
    assert seen["thread"] != threading.get_ident()
    assert gc.isenabled() and not loader.busy


def test_the_newest_request_wins(app, qtbot, in_app):
    loader = PageLoader()
    shown: list[str] = []
    loader.load(lambda: time.sleep(0.3) or "十一月", shown.append)
    loader.load(lambda: "十二月", shown.append)
    qtbot.waitUntil(lambda: bool(shown))
    wait_for_loads()
    assert shown == ["十二月"]


def test_an_error_goes_to_the_page_and_a_page_gone_gets_nothing(app, qtbot, in_app):
    failures: list[BaseException] = []
    loader = PageLoader()
    loader.load(lambda: 1 / 0, lambda _r: None, failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    assert isinstance(failures[0], ZeroDivisionError)

    page = QWidget()
    gone = PageLoader(page)
    shown: list[int] = []
    gone.load(lambda: time.sleep(0.2) or 1, shown.append)
    page.deleteLater()
    qtbot.wait(50)
    wait_for_loads()
    assert shown == [] and gc.isenabled()
