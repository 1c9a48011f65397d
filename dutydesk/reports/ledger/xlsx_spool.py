"""The sheet spool of a write-only workbook, written through a large buffer (issue 17).

openpyxl spools a write-only sheet's XML to a temporary file opened with the default buffer (one
disk block), so a ledger's rows reach the file in a write call every 8 KB: for the 1M-visit books'
值班记录簿 (14 million characters) thousands of calls a second. Each call lets go of Python's lock
and takes it straight back; the GUI thread, woken each time, finds it taken again, and as it was
woken rather than kept waiting it never asks the worker to hand the lock over (CPython asks only
after 5 ms of undisturbed waiting). The window then froze for 100–400 ms at a time during
导出到U盘 while the worker went on writing. Through a buffer of ``SPOOL_BUFFER`` bytes the worker
lets go only once per megabyte, so the GUI thread's request is honoured within 5 ms.

The file is opened exactly as openpyxl opens it (same encoding, error handling and newlines), so
the workbook's bytes do not change; only the size of the writes does.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import xmlfile

log = logging.getLogger(__name__)

SPOOL_BUFFER = 1 << 20  # bytes written to the spool file per call


class BufferedSheetWriter(WorksheetWriter):
    """openpyxl's ``WorksheetWriter`` with its stream opened by us, through ``SPOOL_BUFFER``."""

    def get_stream(self) -> Iterator[Any]:
        # openpyxl's own ``get_stream`` (3.1), but ``xmlfile`` gets an open text file: the one
        # ``et_xmlfile`` would open for the spool's name, with a large buffer ("unicode": used as is).
        with open(self.out, "w", encoding="utf-8", errors="xmlcharrefreplace", buffering=SPOOL_BUFFER) as fh, \
                xmlfile(fh, encoding="unicode") as xf, \
                xf.element("worksheet", xmlns=SHEET_MAIN_NS):
            try:
                while True:
                    el = (yield)
                    if el is True:
                        yield xf
                    elif el is None:  # et_xmlfile chokes
                        continue
                    else:
                        xf.write(el)
            except GeneratorExit:
                pass


def spool_hook_intact() -> bool:
    """Whether openpyxl still makes a write-only sheet's writer lazily in ``_writer`` (so one of
    ours can be put there first) and streams through ``et_xmlfile`` (which takes an open file)."""
    try:
        import et_xmlfile  # noqa: F401  (openpyxl without lxml: the writer ``xmlfile`` comes from)

        return (xmlfile.__module__.startswith("et_xmlfile")
                and WriteOnlyWorksheet._writer is None
                and "_writer" in WriteOnlyWorksheet._get_writer.__code__.co_names
                and "write_top" in WriteOnlyWorksheet._get_writer.__code__.co_names
                and "get_stream" in WorksheetWriter.__init__.__code__.co_names)
    except (AttributeError, ImportError):
        return False


BUFFERED = spool_hook_intact()  # else openpyxl's own writer (small writes: the same file)
if not BUFFERED:
    log.warning("openpyxl internals changed: the sheet spool is written with small writes")


def buffer_spool(ws: WriteOnlyWorksheet) -> None:
    """Give a new write-only sheet the buffered writer (before its first row)."""
    if BUFFERED and ws._writer is None:
        ws._writer = BufferedSheetWriter(ws)
        ws._writer.write_top()
