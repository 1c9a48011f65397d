"""Python's garbage collector, paused while work that must not be interrupted by it runs.

Two users (issue 17): worker threads (``ui.background``, ``ui.page_loader``, the USB hand-off),
in which the collector could delete Qt widgets off the GUI thread or hold the interpreter lock
for a full collection, and the desk's start, whose imports and first screen make some hundred
thousand objects that all live as long as the window: collecting young objects over and over
while they are made is ~2 % of the start for nothing. ``pause_for_start`` is called by the
window's entry point before it imports Qt; ``resume_after_start`` once the first screen is
complete (``ui.lazy_tabs``), or when the window's run ends.
"""

from __future__ import annotations

import gc

FREEZE_ABOVE = 20_000  # new objects left by the work above which they are kept out of collections


class CollectorPause:
    """Python's collector off while a worker thread runs, back on when it ends.

    The collector runs in whichever thread allocates: in a worker it could delete Qt widgets off
    the GUI thread, and a full collection there holds the interpreter lock for hundreds of ms on
    big books, freezing the window (issue 17). Garbage made meanwhile is collected afterwards,
    in the GUI thread. Nested pauses are counted; ``resume()`` is safe to call twice."""

    _depth = 0
    _was_enabled = True

    def __init__(self) -> None:
        self._active = False

    def pause(self) -> CollectorPause:
        if not self._active:
            self._active = True
            if CollectorPause._depth == 0:
                CollectorPause._was_enabled = gc.isenabled()
                gc.disable()
            CollectorPause._depth += 1
        return self

    def resume(self) -> None:
        if self._active:
            self._active = False
            CollectorPause._depth -= 1
            if CollectorPause._depth == 0 and CollectorPause._was_enabled:
                if gc.get_count()[0] > FREEZE_ABOVE:
                    # The work left many new live objects (the printing libraries' font tables on a
                    # first export: 130,000): the next collection would walk them all at once,
                    # 100 ms and more with the interpreter lock held. They are long-lived, so they
                    # are set aside from collections (still freed by reference counting); only a
                    # reference cycle left over right now would stay (the exports make none).
                    gc.freeze()
                gc.enable()


_start = CollectorPause()


def pause_for_start() -> None:
    """The collector off until the first screen is complete (the desk window's start)."""
    _start.pause()


def set_aside() -> None:
    """The objects made so far kept out of the collector's full collections (the pages built in
    idle time after the window shows, which live as long as the window): a full collection walks
    every object not set aside, with the interpreter lock held — on the ten-year books 62 ms over
    the window's ~100,000 objects, landing in whatever the clerk did next (issue 17). The young
    generations are collected first (a millisecond or two), so the garbage left then is only what
    survived them; the objects set aside are still freed by reference counting."""
    gc.collect(1)
    gc.freeze()


def resume_after_start() -> None:
    """The start is over: the collector back on (its objects set aside from collections)."""
    _start.resume()
