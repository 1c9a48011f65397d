"""问责记录 (V12), for the director: the suspected breaches the books show, and the outcome
recorded with its evidence after the director's password is typed on the spot."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from dutydesk.desk import Desk
from dutydesk.domain.accountability import OUTCOMES, SuspectedBreach
from dutydesk.store.accounts.account import ApproverRefused, approver_accounts, verify_approver
from dutydesk.store.visits import accountability
from dutydesk.ui.forms import FormField, account_box, date_edit, note_edit, password_edit, push_button, show_errors
from dutydesk.ui.list_form_dialog import ListFormDialog

HEADERS = ["日期", "责任人", "问责情形", "事实经过"]


class AccountabilityDialog(ListFormDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent, "问责记录", (900, 620), HEADERS, "疑似问责情形", "问责结果")
        self.breaches: list[SuspectedBreach] = []
        today = desk.today()
        self.start = date_edit(today.replace(day=1) - dt.timedelta(days=60), "起始日期")
        self.end = date_edit(today, "截止日期")
        period = QHBoxLayout()
        for label, edit in (("起始日期", self.start), ("截止日期", self.end)):
            period.addWidget(QLabel(label + "："))
            period.addWidget(edit)
        period.addWidget(push_button("查看", lambda: self.refresh()))
        period.addStretch(1)
        self.outcome = QComboBox()
        self.outcome.addItems(list(OUTCOMES))
        self.penalty = QLineEdit()
        self.evidence = note_edit(60)
        self.director = account_box(approver_accounts(), desk.account.name if desk.account else None)
        self.password = password_edit()
        self.save_button = push_button("记录处理结果", self.record, primary=True)
        self.lay_out(period, {
            "outcome": FormField("处理结果", self.outcome),
            "penalty": FormField("经济处罚金额（元）", self.penalty, "只有经济处罚才填写"),
            "evidence": FormField("依据", self.evidence, "群众投诉、意见箱、台账记录等"),
            "director": FormField("决定人", self.director),
            "password": FormField("决定人密码", self.password),
        }, self.save_button)
        self.refresh()

    def refresh(self) -> None:
        start, end = self.start.date().toPython(), self.end.date().toPython()
        self.breaches = accountability.suspected_breaches(start, end, self.desk.today(), self.desk.calendar())
        self.fill([[f"{breach.day:%Y-%m-%d}", breach.staff, breach.label, breach.description]
                   for breach in self.breaches])
        if not self.breaches:
            self.result.setText("所选期间没有待处理的疑似问责情形")
        self.save_button.setEnabled(bool(self.breaches))

    def record(self) -> None:
        breach = self.chosen(self.breaches, "请先选择一条情形")
        if breach is None:
            return
        try:
            director = verify_approver(str(self.director.currentData() or ""), self.password.text(),
                                       self.desk.now())
            accountability.record_outcome(breach, self.outcome.currentText(), self.penalty.text(),
                                          self.evidence.toPlainText(), director, self.desk.who, self.desk.now())
        except (ApproverRefused, accountability.OutcomeInvalid) as exc:
            show_errors(self.fields, exc.errors)
            return
        finally:
            self.password.clear()
        show_errors(self.fields, {})
        self.penalty.clear()
        self.evidence.clear()
        self.refresh()
        self.result.setText(f"已记录：{breach.staff}，{self.outcome.currentText()}")


def open_accountability(desk: Desk, window: QWidget) -> None:
    AccountabilityDialog(desk, window).exec()
