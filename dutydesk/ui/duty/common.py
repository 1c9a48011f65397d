"""Small widget helpers shared by the duty pages."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QHeaderView, QLabel, QTableView

from dutydesk.domain import attendance as rules
from dutydesk.ui.theme import DUE_AMBER, MUTED, OK_GREEN, OVERDUE_RED

STATUS_COLOURS = {
    rules.SIGNED_IN: OK_GREEN, rules.SIGNED_OUT: OK_GREEN, rules.LATE: DUE_AMBER, rules.EARLY: DUE_AMBER,
    rules.ABSENT: OVERDUE_RED, rules.NOT_YET: MUTED, rules.ON_LEAVE: MUTED, rules.OFFICIAL: MUTED,
    rules.AFTER_CUTOFF: OVERDUE_RED, rules.CUTOFF_PASSED: DUE_AMBER,
}


def table_view(name: str) -> QTableView:
    """A read-only list with striped rows whose columns fit their contents."""
    from dutydesk.ui.record_list import read_only  # not before the first paint: 今日 needs only the colours

    view = read_only(QTableView(), name)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


def staff_combo(name: str, editable: bool = False) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setEditable(editable)
    if editable:
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    return combo


def show_message(label: QLabel, text: str, ok: bool) -> None:
    label.setText(text)
    label.setStyleSheet(f"color: {OK_GREEN if ok else OVERDUE_RED}; font-weight: bold;")


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())
