"""Small pieces the grid pages share: a cadre chooser, a read-only table filled from rows, a
status cell in the theme's green / amber / red."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QTableWidget, QTableWidgetItem

from dutydesk.domain.grid import quota
from dutydesk.domain.grid.roles import is_cadre
from dutydesk.store.duty.staff import active_staff
from dutydesk.ui.page_loader import loading_in_background
from dutydesk.ui.record_list import read_only
from dutydesk.ui.theme import DUE_AMBER, OK_GREEN, OVERDUE_RED

SIZING_ROWS = 100
STATUS_COLOURS = {quota.ON_TRACK: OK_GREEN, quota.BEHIND: DUE_AMBER, quota.FAR_BEHIND: OVERDUE_RED,
                  "ok": OK_GREEN, "due_soon": DUE_AMBER, "overdue": OVERDUE_RED}


def cadre_box(day: dt.date, name: str, blank: str = "") -> QComboBox:
    """Active cadres (data: staff id); ``blank`` adds a first "none" entry."""
    box = QComboBox()
    box.setAccessibleName(name)
    if blank:
        box.addItem(blank, None)
    for staff in active_staff(day):
        if is_cadre(staff.role):
            box.addItem(f"{staff.name}（{staff.role}）", staff.id)
    return box


def select_data(box: QComboBox, value: object) -> None:
    index = box.findData(value)
    if index >= 0:
        box.setCurrentIndex(index)


def table(name: str, headers: Sequence[str]) -> QTableWidget:
    view = read_only(QTableWidget(0, len(headers)), name)
    view.setHorizontalHeaderLabels(list(headers))
    view.horizontalHeader().setStretchLastSection(True)
    # Columns sized from the first rows (and those on screen), not a thousand households (issue 17).
    view.horizontalHeader().setResizeContentsPrecision(SIZING_ROWS)
    view.setWordWrap(False)
    return view


def fill(view: QTableWidget, rows: Sequence[Sequence[str]], colours: Sequence[str | None] = (),
         colour_column: int = -1) -> None:
    """Replace the table's rows; ``colours[i]`` (a status key) tints row i's ``colour_column``.

    Once the app runs, a long list (a village's households, an area's year of visits) is put in
    ``SLICE_ROWS`` at a time, one slice per event-loop turn (issue 17: a thousand rows at once
    froze the window); the row count is right at once, the later rows' texts follow."""
    serial = next(_fills)
    view.setProperty(_FILL, serial)  # slices of an earlier fill still waiting are dropped
    view.setRowCount(len(rows))
    first = len(rows) if not loading_in_background() else min(len(rows), SLICE_ROWS)
    _put(view, rows, colours, colour_column, 0, first)
    view.resizeColumnsToContents()
    view.horizontalHeader().setStretchLastSection(True)
    if first < len(rows):
        QTimer.singleShot(SLICE_MS, view, lambda: _more(view, serial, rows, colours, colour_column, first))


SLICE_ROWS = 150
# A timer, not ``singleShot(0)`` (a posted event: slices posted while posted events are delivered
# may run back to back, with no other timer served in between).
SLICE_MS = 1
_FILL = "dutydesk_fill"
_fills = itertools.count(1)


def _put(view: QTableWidget, rows: Sequence[Sequence[str]], colours: Sequence[str | None], colour_column: int,
         start: int, end: int) -> None:
    for r in range(start, end):
        for c, text in enumerate(rows[r]):
            item = QTableWidgetItem(str(text))
            if c == colour_column and r < len(colours) and colours[r] in STATUS_COLOURS:
                item.setForeground(QColor(STATUS_COLOURS[colours[r]]))
            view.setItem(r, c, item)


def _more(view: QTableWidget, serial: int, rows: Sequence[Sequence[str]], colours: Sequence[str | None],
          colour_column: int, start: int) -> None:
    if view.property(_FILL) != serial:
        return  # refilled meanwhile
    end = min(len(rows), start + SLICE_ROWS)
    _put(view, rows, colours, colour_column, start, end)
    if end < len(rows):
        QTimer.singleShot(SLICE_MS, view, lambda: _more(view, serial, rows, colours, colour_column, end))


def short(text: str, width: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
