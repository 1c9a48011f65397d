"""Asking for an unmasked export (V09): the reason and a director's approval, before any export
that shows full phone and ID numbers. Exports call ``ask_unmasked_export`` and pass the grant to
``store.privacy.export_masker``; without a grant the export stays masked.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from dutydesk.desk import Desk
from dutydesk.store.accounts.account import approver_accounts, can_approve
from dutydesk.store.privacy import ExportGrant, ExportRefused, authorize_unmasked_export
from dutydesk.ui.forms import FormField, account_box, add_field, button_row, password_edit, push_button, show_errors


class UnmaskedExportDialog(QDialog):
    def __init__(self, desk: Desk, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.what = what
        self.grant: ExportGrant | None = None
        self.setWindowTitle("导出完整信息")
        layout = QVBoxLayout(self)
        note = QLabel(f"“{what}”默认隐去电话和身份证号码的中间部分。导出完整号码须填写原因并经主任批准，"
                      "系统将记录本次导出。")
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.reason = QLineEdit()
        # Only accounts that can approve (a password set); 主任 before administrators.
        directors = approver_accounts()
        self.self_approved = can_approve(desk.account)
        self.director = account_box(directors, desk.account.name if self.self_approved else None)
        self.password = password_edit()
        self.fields = {
            "reason": add_field(form, FormField("导出原因", self.reason)),
            "director": add_field(form, FormField("批准主任", self.director)),
            "password": add_field(form, FormField("主任密码", self.password,
                                                  hint="本人为主任时可不填" if self.self_approved else "")),
        }
        layout.addLayout(form)
        layout.addLayout(button_row(push_button("取消", self.reject),
                                    push_button("批准并导出", self.try_grant, primary=True)))

    def try_grant(self) -> None:
        director = self.director.currentData() or ""
        own = self.self_approved and director == self.desk.account.name and not self.password.text()
        try:
            self.grant = authorize_unmasked_export(
                self.desk.account, self.what, self.reason.text(), self.desk.now(),
                director_name="" if own else director, password=None if own else self.password.text())
        except ExportRefused as exc:
            show_errors(self.fields, exc.errors)
            return
        self.accept()


def ask_unmasked_export(desk: Desk, what: str, parent: QWidget | None = None) -> ExportGrant | None:
    dialog = UnmaskedExportDialog(desk, what, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.grant
