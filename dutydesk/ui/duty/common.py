"""Small widget helpers shared by the duty pages."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from dutydesk.domain import attendance as rules
from dutydesk.ui.theme import DUE_AMBER, MUTED, OK_GREEN, OVERDUE_RED

STATUS_COLOURS = {
    rules.SIGNED_IN: OK_GREEN, rules.SIGNED_OUT: OK_GREEN, rules.LATE: DUE_AMBER, rules.EARLY: DUE_AMBER,
    rules.ABSENT: OVERDUE_RED, rules.NOT_YET: MUTED, rules.ON_LEAVE: MUTED, rules.OFFICIAL: MUTED,
}


def button(text: str, primary: bool = False, parent: QWidget | None = None) -> QPushButton:
    b = QPushButton(text, parent)
    b.setAccessibleName(text.split("（")[0])
    if primary:
        b.setProperty("primary", True)
    return b


def table_view(name: str) -> QTableView:
    view = QTableView()
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
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


def message_label(name: str) -> QLabel:
    label = QLabel("")
    label.setAccessibleName(name)
    label.setWordWrap(True)
    return label


def show_message(label: QLabel, text: str, ok: bool) -> None:
    label.setText(text)
    label.setStyleSheet(f"color: {OK_GREEN if ok else OVERDUE_RED}; font-weight: bold;")


def date_edit() -> QDateEdit:
    """A date field with a calendar popup, shown as 2026-11-24 whatever the system locale."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit
