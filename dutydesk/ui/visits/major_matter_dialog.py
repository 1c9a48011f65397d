"""逐件上报: one major matter of an incident reported on its own to both recipients (V06, 一事一报)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QPlainTextEdit, QWidget

from dutydesk.desk import Desk
from dutydesk.store.visits.incident_reports import report_major_matter
from dutydesk.store.visits.visit import Visit, VisitInvalid
from dutydesk.ui.forms import FormField, add_field, show_errors
from dutydesk.ui.page_layout import fill, page_with_actions
from dutydesk.ui.visits.incident_fields import IncidentFields


class MajorMatterDialog(QDialog):
    def __init__(self, desk: Desk, visit: Visit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.visit = visit
        self.setWindowTitle("逐件上报重大事项")
        body = QWidget()
        form = QFormLayout(body)
        self.matter = QPlainTextEdit()
        self.matter.setTabChangesFocus(True)
        self.matter.setFixedHeight(60)
        self.fields: dict[str, FormField] = {"matter": add_field(form, FormField("重大事项", self.matter,
                                                                                "一件事项一份报告"))}
        self.incident = IncidentFields(form, self.fields, "事项发生时间", "matter_at")
        self.incident.reset(desk.now())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        for which, text in ((QDialogButtonBox.StandardButton.Ok, "确定"),
                            (QDialogButtonBox.StandardButton.Cancel, "取消")):
            buttons.button(which).setText(text)
            buttons.button(which).setAccessibleName(text)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setProperty("primary", True)
        buttons.accepted.connect(self.run)
        buttons.rejected.connect(self.reject)
        # At 字号 特大 on a laptop the form scrolls; 确定/取消 stay on the screen.
        fill(self, page_with_actions(body, (buttons, 1), natural=True))

    def run(self) -> None:
        try:
            report_major_matter(self.visit, self.matter.toPlainText(), self.incident.occurred_at(),
                                self.incident.drafts(), self.desk.who, self.desk.now())
        except VisitInvalid as exc:
            show_errors(self.fields, exc.errors)
            return
        self.accept()
