"""Everything that goes wrong ends up in the log folder, for a PC nobody can visit.

* native crashes (a fault inside Qt, SQLite or PDFium kills the process before Python can log):
  ``faulthandler`` writes every thread's Python stack to ``logs/crash.log``;
* an exception escaping a plain Python thread (the start-up backup) goes through
  ``threading.excepthook`` to the log, as the GUI thread's do through ``sys.excepthook``;
* ``log_exception`` is the one way both, and the worker of ``ui.background``, log: a known fault
  (full disk, read-only folder, file open in WPS) as a one-line warning, a bug with its traceback.

Qt's own warnings go to the log through ``ui.qt_messages``. ``dutydesk diagnose`` packs the
logs (masked) for the township's IT person.
"""

from __future__ import annotations

import faulthandler
import logging
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO

from dutydesk.store.faults import plain_message

log = logging.getLogger("dutydesk.crash")
CRASH_LOG = "crash.log"

_crash_file: IO[str] | None = None  # kept open for the life of the process: faulthandler writes to its fd


def log_exception(exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None,
                  where: str, db_path: str | Path | None = None) -> None:
    """Log an exception nobody handled: a known fault in one line, anything else with its traceback."""
    message = plain_message(exc, db_path) if exc is not None else None
    if message is not None:
        log.warning("fault in %s: %r", where, exc)
        return
    log.error("unhandled error in %s\n%s", where, "".join(traceback.format_exception(exc_type, exc, tb)))


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else "?"
    log_exception(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name}")


def install_crash_logging(logs_dir: Path) -> bool:
    """Native crashes to ``logs_dir/crash.log``, thread errors to the log; False if the folder
    cannot be written (the program runs on without it)."""
    global _crash_file
    threading.excepthook = _thread_hook
    try:
        logs_dir.mkdir(parents=True, exist_ok=True)
        crash_file = open(logs_dir / CRASH_LOG, "a", encoding="utf-8")  # noqa: SIM115 - lives with the process
    except OSError:
        return False
    if _crash_file is not None and not _crash_file.closed:
        faulthandler.disable()
        _crash_file.close()
    _crash_file = crash_file
    faulthandler.enable(file=crash_file, all_threads=True)
    return True
