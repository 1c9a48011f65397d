"""The incident rows of a form (V06): when it happened, and for each recipient (committee leaders,
township party committee) who was told, when and how, with a live late-report warning.

Used by the registration form and by the major-matter dialog, so both ask the same way.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QFormLayout, QLabel, QLineEdit, QWidget

from dutydesk.domain import incident
from dutydesk.domain.visit_rules import INCIDENT_RECIPIENTS
from dutydesk.store.visits.incident_reports import report_hours
from dutydesk.ui.forms import FormField, add_field
from dutydesk.ui.theme import OK_GREEN, OVERDUE_RED

TOLD_LABELS = {"两委负责人": "告知的两委负责人", "镇党委": "告知的镇党委人员",
               incident.POLICE: "告知的公安派出所民警"}
RECIPIENTS = INCIDENT_RECIPIENTS + incident.OPTIONAL_RECIPIENTS


def _when() -> QDateTimeEdit:
    edit = QDateTimeEdit()
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setCalendarPopup(True)
    return edit


class IncidentFields:
    """Adds the incident rows to ``form`` and their FormFields to ``fields`` (keys match the store's
    error keys: ``incident_occurred_at``, ``incident_committee_told`` ...)."""

    def __init__(self, form: QFormLayout, fields: dict[str, FormField], occurred_label: str = "事发时间",
                 occurred_key: str = "incident_occurred_at") -> None:
        self.form = form
        self.occurred_key = occurred_key
        self.occurred = _when()
        self.own: list[QWidget] = [add_field(form, FormField(
            occurred_label, self.occurred, "须立即同时报告两委负责人和镇党委"))]
        fields[occurred_key] = self.own[0]
        self.told: dict[str, QLineEdit] = {}
        self.at: dict[str, QDateTimeEdit] = {}
        self.method: dict[str, QComboBox] = {}
        for recipient in RECIPIENTS:
            self.told[recipient] = QLineEdit()
            self.at[recipient] = _when()
            self.method[recipient] = QComboBox()
            self.method[recipient].addItems(incident.REPORT_METHODS)
            hint = "必要时报告公安，可不填" if recipient in incident.OPTIONAL_RECIPIENTS else ""
            for part, label, editor in (("told", TOLD_LABELS[recipient], self.told[recipient]),
                                        ("at", f"{recipient}报告时间", self.at[recipient]),
                                        ("method", f"{recipient}报告方式", self.method[recipient])):
                field = add_field(form, FormField(label, editor, hint if part == "told" else ""))
                fields[incident.field_key(recipient, part)] = field
                self.own.append(field)
            self.at[recipient].dateTimeChanged.connect(lambda _v: self.refresh_late())
        self.late = QLabel("")
        self.late.setAccessibleName("突发事件报告是否及时")
        self.late.setWordWrap(True)
        form.addRow("", self.late)
        self.own.append(self.late)
        self.occurred.dateTimeChanged.connect(lambda _v: self.refresh_late())

    def set_visible(self, shown: bool) -> None:
        for widget in self.own:
            self.form.setRowVisible(widget, shown)

    def reset(self, now: dt.datetime) -> None:
        self.occurred.setDateTime(QDateTime(now))
        for recipient in RECIPIENTS:
            self.told[recipient].clear()
            self.at[recipient].setDateTime(QDateTime(now))
            self.method[recipient].setCurrentIndex(0)
        self.refresh_late()

    def occurred_at(self) -> dt.datetime:
        return self.occurred.dateTime().toPython().replace(second=0, microsecond=0)

    def drafts(self) -> list[incident.IncidentReportDraft]:
        return [incident.IncidentReportDraft(
            recipient, self.told[recipient].text(), self.method[recipient].currentText(),
            self.at[recipient].dateTime().toPython().replace(second=0, microsecond=0))
            for recipient in RECIPIENTS
            if recipient in INCIDENT_RECIPIENTS or self.told[recipient].text().strip()]

    def refresh_late(self) -> None:
        """Warn before saving when a report is later than the setting allows after the event."""
        occurred = self.occurred_at()
        hours = report_hours(occurred.date())
        late = [d.recipient for d in self.drafts() if incident.is_late(occurred, d.reported_at, hours)]
        if late:
            self.late.setText(f"{'、'.join(late)}：{incident.late_text(hours)}")
            self.late.setStyleSheet(f"color: {OVERDUE_RED}; font-weight: bold;")
        else:
            self.late.setText(f"事发后{hours}小时内报告")
            self.late.setStyleSheet(f"color: {OK_GREEN};")
