"""Reading a page's data off the GUI thread and showing it when it is there (issue 17: never freeze).

A page whose data takes long to read on big books (the month's attendance tally, the grid's
progress board) asks ``PageLoader.load(read, show)``: ``read()`` runs in a worker thread with
Python's collector paused (``collector.CollectorPause``), and ``show(result)`` runs back in the
GUI thread. The newest request wins: a month changed twice quickly shows the second month only.
``read`` must not touch widgets; it gets what it needs (the month, the time) as arguments.

Only once the app runs the event loop for a user (``ui.lazy_tabs.build_on_demand``, turned on at
the start) does the reading go to a worker; otherwise (tests, scripts that build a page and read it
at once) ``load`` reads and shows at once, as the page always did.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from dutydesk.collector import CollectorPause
from dutydesk.store.base import database
from dutydesk.ui import lazy_tabs

_serials = itertools.count(1)


class _Read(QThread):
    done = Signal(int, object, object)  # serial, result, error

    def __init__(self, serial: int, read: Callable[[], Any]) -> None:
        super().__init__()
        self.serial = serial
        self.read = read

    def run(self) -> None:
        result, error = None, None
        try:
            result = self.read()
        except BaseException as exc:  # handed to the GUI thread, raised or shown there
            error = exc
        finally:
            # peewee keeps one connection per thread: close the worker's own, not the GUI's.
            if database.obj is not None and not database.is_closed():
                database.close()
        self.done.emit(self.serial, result, error)


class _Keeper(QObject):
    """Lives in the GUI thread for the whole run: ends every worker (collector back on, thread
    released) even when the page that asked is gone meanwhile."""

    def __init__(self) -> None:
        super().__init__()
        self.running: dict[int, tuple[_Read, CollectorPause, PageLoader, Callable[[Any], None],
                                      Callable[[BaseException], None] | None]] = {}

    def start(self, loader: PageLoader, read: Callable[[], Any], show: Callable[[Any], None],
              failed: Callable[[BaseException], None] | None) -> int:
        serial = next(_serials)
        thread = _Read(serial, read)
        thread.done.connect(self.finish)  # queued: emitted in the worker, run here
        self.running[serial] = (thread, CollectorPause().pause(), loader, show, failed)
        thread.start()
        return serial

    @Slot(int, object, object)
    def finish(self, serial: int, result: Any, error: object) -> None:
        entry = self.running.pop(serial, None)
        if entry is None:
            return
        thread, pause, loader, show, failed = entry
        thread.wait()
        pause.resume()
        thread.deleteLater()
        if not loader.wants(serial):
            return  # a newer request, or the page is gone
        if error is None:
            show(result)
        elif failed is not None:
            failed(error)  # type: ignore[arg-type]
        else:  # as if read at once: the app's handler logs it and tells the user
            raise error  # type: ignore[misc]


_keeper: _Keeper | None = None


def _the_keeper() -> _Keeper:
    global _keeper
    if _keeper is None:
        _keeper = _Keeper()
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(wait_for_loads)
    return _keeper


def wait_for_loads() -> None:
    """Let every read in progress end and show its result (at quit, or before closing the books)."""
    keeper = _keeper
    if keeper is None:
        return
    while keeper.running:
        serial = next(iter(keeper.running))
        keeper.running[serial][0].wait()
        QApplication.processEvents()  # delivers ``done``: ``finish`` shows it and forgets it


def loading_in_background() -> bool:
    return lazy_tabs.on_demand()


class PageLoader(QObject):
    """One page's reading: ``load(read, show)``; ``busy`` while a read is on its way."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._latest = 0

    def wants(self, serial: int) -> bool:
        """Whether a finished read is still wanted: the newest asked, by a page still there."""
        return isValid(self) and serial == self._latest

    @property
    def busy(self) -> bool:
        keeper = _keeper
        return keeper is not None and self._latest in keeper.running

    def load(self, read: Callable[[], Any], show: Callable[[Any], None],
             failed: Callable[[BaseException], None] | None = None) -> None:
        """``show(read())``: at once, or with ``read`` in a worker thread once the app runs."""
        if not loading_in_background():
            self._latest = 0
            show(read())
            return
        self._latest = _the_keeper().start(self, read, show, failed)
