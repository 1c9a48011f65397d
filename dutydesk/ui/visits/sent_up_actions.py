"""Two actions of a visit record (来访记录): 上报告知 (V04: the matter went up, the person told the
date and the usual time, a note printed) and 请示领导 (V06: asked of the leadership or the level
above, with the steps told). The detail dialog calls these; the rules live in the store."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from dutydesk.desk import Desk
from dutydesk.domain import higher_approval
from dutydesk.reports.sent_up_note import print_sent_up_note
from dutydesk.store.center import load_center
from dutydesk.store.visits.leadership_requests import ASKED_OF, REASONS, ask_leadership
from dutydesk.store.visits.sent_up import SentUp, record_sent_up, usual_days_for
from dutydesk.store.visits.visit import Visit
from dutydesk.ui.forms import date_edit
from dutydesk.ui.notices.document_dialog import DocumentDialog, show_document
from dutydesk.ui.prefs import UiPrefs


def _combo(items) -> QComboBox:
    combo = QComboBox()
    combo.addItems(list(items))
    return combo


def sent_up_fields(desk: Desk, visit: Visit) -> list[tuple[str, str, QWidget]]:
    level = _combo(higher_approval.LEVELS)
    if visit.escalate_level in higher_approval.LEVELS:
        level.setCurrentText(visit.escalate_level)
    days = QSpinBox()
    days.setRange(1, 365)
    days.setSuffix(" 个工作日")
    days.setValue(usual_days_for(visit, desk.today()))
    return [("sent_on", "上报日期", date_edit(desk.today())), ("level", "报送层级", level),
            ("unit", "报送单位", QLineEdit()), ("usual_days", "上级审批通常需要", days),
            ("told_method", "告知群众方式", _combo(higher_approval.TOLD_METHODS))]


def do_sent_up(desk: Desk, visit: Visit, f: dict[str, QWidget]) -> SentUp:
    return record_sent_up(visit, f["sent_on"].date().toPython(), f["level"].currentText(), f["unit"].text(),
                          f["usual_days"].value(), f["told_method"].currentText(), desk.who, desk.now(),
                          desk.calendar())


def show_note(desk: Desk, row: SentUp, parent: QWidget | None) -> DocumentDialog | None:
    """V04: the short note the person takes home (print preview, A5 by default)."""
    center = load_center()
    if center is None:
        return None
    return show_document(f"上级审批告知单 {row.visit.ref}",
                         lambda size: print_sent_up_note(row, center, desk.calendar(), desk.folder.path, size),
                         UiPrefs(desk.folder.ui_settings_path), parent)


def leadership_fields() -> list[tuple[str, str, QWidget]]:
    return [("steps_told", "已告知群众的办事程序和要求", QPlainTextEdit()), ("asked_of", "请示对象", _combo(ASKED_OF)),
            ("reason", "请示原因", _combo(REASONS))]


def do_ask_leadership(desk: Desk, visit: Visit, f: dict[str, QWidget]) -> None:
    ask_leadership(visit, f["asked_of"].currentText(), f["reason"].currentText(), f["steps_told"].toPlainText(),
                   desk.who, desk.now())


