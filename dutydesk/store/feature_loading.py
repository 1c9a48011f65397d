"""When every feature's store modules are imported (``store.features``), so that the window's
first paint does not wait for them (issue 17).

Opening the books (``desk.open_desk``) imports them all, as before, for the command line,
the demo generator and every test. The window's start opens the books without them, builds
its first screen inside ``first_screen()`` and imports them just after it has shown (the main
window's ``finish_entries``). Whatever reads a registry the features fill imports them first,
whenever it runs: ``open_matters``, the duty log's feed, the archive's search sources and
every audited write (its guards and hooks: closed years, the search index). The one thing
the first screen shows from them, the open matters in 今日值班's handover box, reads
"正在读取…" until then (``handover.open_matters_text``), and is filled right after.
"""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

FEATURES = "dutydesk.store.features"

_loaded = False
_first_screen = False
_lock = threading.RLock()  # a worker thread asking meanwhile waits for the one import


def load_features() -> None:
    """Import every feature's store modules (once; cheap afterwards)."""
    global _loaded
    if _loaded:
        return
    with _lock:
        if not _loaded:
            importlib.import_module(FEATURES)
            _loaded = True


def features_loaded() -> bool:
    """Imported, by ``load_features`` or directly (tests import ``store.features`` themselves)."""
    return _loaded or FEATURES in sys.modules


def features_pending() -> bool:
    """True while the window's first screen is built without the features."""
    return _first_screen and not features_loaded()


@contextmanager
def first_screen() -> Iterator[None]:
    """Build the first screen without importing the features for what can wait a moment."""
    global _first_screen
    _first_screen = True
    try:
        yield
    finally:
        _first_screen = False
