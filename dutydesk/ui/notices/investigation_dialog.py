"""调查核实 of one proxy case (P11): name the investigator and the due date, then record the
findings (and the 现场勘查 when the item needs one); 送交上级 is refused until they are in."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from dutydesk.desk import Desk
from dutydesk.store.notices import proxy_investigation as inv
from dutydesk.store.notices.proxy_cases import ProxyCase
from dutydesk.ui.forms import FormField, add_field, button_row, date_edit, message_label, push_button, show_errors


def _text_box() -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(70)
    return box


class InvestigationDialog(QDialog):
    def __init__(self, desk: Desk, case: ProxyCase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.case = desk, case
        self.changed = False
        self.setWindowTitle("调查核实")
        self.setAccessibleName("调查核实")
        self.resize(620, 460)
        row = inv.investigation_of(case)
        survey = case.item_version.item.site_survey
        self.investigator = QLineEdit(row.investigator if row else "")
        self.due = date_edit(row.due if row else desk.today() + dt.timedelta(days=3))
        self.findings = _text_box()
        self.findings.setPlainText(row.findings if row else "")
        self.survey = _text_box()
        self.survey.setPlainText(row.survey_findings if row else "")
        form = QFormLayout()
        self.fields = {
            "investigator": add_field(form, FormField("调查人", self.investigator)),
            "due": add_field(form, FormField("完成日期", self.due)),
            "findings": add_field(form, FormField("调查核实情况", self.findings)),
        }
        if survey:
            self.fields["survey_findings"] = add_field(form, FormField("现场勘查情况", self.survey,
                                                                       "本事项须现场勘查"))
        self.status = message_label("调查状态")
        self._show_status()
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(form)
        layout.addLayout(button_row(push_button("指定调查人", self.assign),
                                    push_button("登记调查结果", self.report, primary=True),
                                    push_button("关闭", self.accept)))

    def _show_status(self) -> None:
        from dutydesk.domain.proxy_case import verification_refusal

        refusal = verification_refusal(inv.verification(self.case))
        self.status.setText(refusal or "调查核实已完成，可以送交上级")

    def assign(self) -> None:
        try:
            inv.assign_investigator(self.case, self.investigator.text(), self.due.date().toPython(),
                                    self.desk.who, self.desk.now())
        except inv.InvestigationInvalid as exc:
            show_errors(self.fields, exc.errors)
            return
        show_errors(self.fields, {})
        self.changed = True
        self._show_status()

    def report(self) -> None:
        try:
            inv.record_findings(self.case, self.findings.toPlainText(), self.survey.toPlainText(), self.desk.who,
                                self.desk.now())
        except inv.InvestigationInvalid as exc:
            show_errors(self.fields, exc.errors)
            return
        show_errors(self.fields, {})
        self.changed = True
        self._show_status()
