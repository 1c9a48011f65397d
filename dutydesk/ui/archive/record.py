"""Opening an archive record: the approval dialog (A02) and the read-only record view with its
full history (A03). Personal numbers are masked for roles not entitled to them (V09)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.domain.retention import APPROVER_LABELS, PRINCIPAL, RETENTION_LABELS
from dutydesk.store.archive.audit_query import describe, record_history
from dutydesk.store.archive.lookup_register import (
    Approval,
    ApprovalRefused,
    approval_mode,
    approve,
    approvers,
    needed_for,
    needs_password,
)
from dutydesk.store.archive.record_view import record_fields
from dutydesk.store.archive.retention import retention_for
from dutydesk.store.archive.year_filing import CorrectionInvalid, add_correction, corrections_for
from dutydesk.store.privacy import mask_text
from dutydesk.store.search_index import Hit
from dutydesk.ui.forms import FormField, account_box, add_field, button_row, password_edit, push_button, show_errors


class ApprovalDialog(QDialog):
    """Reason for the lookup, and the approval the record's retention class needs (A02): the
    director for short-term files, the principal leader for permanent and long-term ones (logged
    in, or their password on the spot)."""

    def __init__(self, desk: Desk, query: str, hit: Hit, parent: QWidget | None = None,
                 needed: str | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.query = query
        self.needed = needed or needed_for(hit)
        self.approval: Approval | None = None
        self.setWindowTitle("查阅档案审批")
        layout = QVBoxLayout(self)
        retention = RETENTION_LABELS[retention_for(hit.kind, hit.day)]
        who = "主要领导" if self.needed == PRINCIPAL else "主任"
        intro = QLabel(f"查阅“{hit.label}：{mask_text(desk.account, hit.title)}”（保管期限：{retention}）"
                       f"须登记查阅原因并经{APPROVER_LABELS[self.needed]}批准。")
        intro.setAccessibleName("审批说明")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.fields: dict[str, FormField] = {}
        self.reason = QLineEdit()
        self.fields["reason"] = add_field(form, FormField("查阅原因", self.reason))
        self.password_needed = needs_password(desk.account, desk.today(), self.needed)
        self.password = password_edit()
        if self.password_needed and approval_mode(desk.today()) != "logged_in":
            self.director = account_box(approvers(self.needed), desk.account.name if desk.account else None,
                                        lambda account: "主要领导" if account.is_principal else account.role_label)
            self.fields["director"] = add_field(form, FormField(f"批准{who}", self.director))
            self.fields["password"] = add_field(form, FormField(f"{who}密码", self.password))
        else:
            self.director = QComboBox()  # never shown: no approver is chosen here
            self.fields["director"] = FormField(f"批准{who}", QLabel(desk.account.name if desk.account else ""))
            if self.password_needed:
                self.fields["director"].editor.setText(f"（须{who}登录）")
            form.addRow(QLabel(f"批准{who}："), self.fields["director"])
        layout.addLayout(form)
        self.ok_button = push_button("确认查阅", self.try_approve, primary=True)
        self.ok_button.setDefault(True)
        self.reason.returnPressed.connect(self._on_return)
        self.password.returnPressed.connect(self._on_return)
        layout.addLayout(button_row(push_button("取消", self.reject), self.ok_button))
        self.reason.setFocus()

    def _on_return(self) -> None:
        if not self.isVisible():
            self.try_approve()

    def try_approve(self) -> None:
        for f in self.fields.values():
            f.clear_error()
        try:
            self.approval = approve(
                self.desk.account, self.query, self.reason.text(), self.desk.now(),
                director_name=self.director.currentData() or "" if self.password_needed else "",
                password=self.password.text() if self.password_needed else None, needed=self.needed,
            )
        except ApprovalRefused as exc:
            first = None
            for key, message in exc.errors.items():
                field = self.fields.get(key)
                if field is not None:
                    field.set_error(message)
                    first = first or field
            if first is not None and isinstance(first.editor, (QLineEdit, QComboBox)):
                first.editor.setFocus()
            return
        self.accept()


class RecordDialog(QDialog):
    """A record as filed: every field read-only, then its history (A03)."""

    def __init__(self, desk: Desk, hit: Hit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{hit.label}：{mask_text(desk.account, hit.title)}")
        self.resize(820, 640)
        layout = QVBoxLayout(self)
        heading = QLabel(f"{hit.label}　{hit.day:%Y-%m-%d}　{mask_text(desk.account, hit.title)}"
                         + ("　【已作废】" if hit.voided else ""))
        heading.setProperty("role", "title")
        layout.addWidget(heading)
        layout.addWidget(QLabel("档案原件只读，不能修改；更正请由经办人以补充记录的方式进行。"))
        fields = record_fields(hit)
        self.fields_table = QTableWidget(len(fields), 2)
        self.fields_table.setAccessibleName("记录内容")
        self.fields_table.setHorizontalHeaderLabels(("项目", "内容"))
        self.fields_table.verticalHeader().hide()
        self.fields_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (label, value) in enumerate(fields):
            self.fields_table.setItem(row, 0, QTableWidgetItem(label))
            self.fields_table.setItem(row, 1, QTableWidgetItem(mask_text(desk.account, value, desk.today())))
        self.fields_table.resizeColumnsToContents()
        self.fields_table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.fields_table, 3)
        layout.addWidget(QLabel("修改历史："))
        rows = [(entry.at, entry.account, describe(entry)) for entry in record_history(hit.ref_table, hit.ref_id)]
        rows += [(c.corrected_at, c.corrected_by, f"更正说明：{c.text}（原因：{c.reason}）")
                 for c in corrections_for(hit.ref_table, hit.ref_id)]
        rows.sort(key=lambda r: r[0])
        self.history = QTableWidget(len(rows), 3)
        self.history.setAccessibleName("修改历史")
        self.history.setHorizontalHeaderLabels(("时间", "账户", "内容"))
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (at, who, text) in enumerate(rows):
            stamp: dt.datetime = at
            for col, cell in enumerate((f"{stamp:%Y-%m-%d %H:%M}", who, mask_text(desk.account, text, desk.today()))):
                self.history.setItem(row, col, QTableWidgetItem(cell))
        self.history.resizeColumnsToContents()
        self.history.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.history, 2)
        self.desk = desk
        self.hit = hit
        form = QFormLayout()
        self.correction_reason = FormField("更正原因", QLineEdit())
        self.correction_text = FormField("更正内容", QLineEdit())
        add_field(form, self.correction_reason)
        add_field(form, self.correction_text)
        layout.addLayout(form)
        layout.addLayout(button_row(push_button("添加更正说明", self.add_correction), push_button("关闭", self.accept)))

    def add_correction(self) -> None:
        """Corrections are additions with a reason, never edits (A03, A04)."""
        fields = {"reason": self.correction_reason, "text": self.correction_text}
        try:
            correction = add_correction(self.hit.ref_table, self.hit.ref_id, fields["reason"].editor.text(),
                                        fields["text"].editor.text(), self.desk.who, self.desk.now())
        except CorrectionInvalid as exc:
            show_errors(fields, exc.errors)
            return
        show_errors(fields, {})
        row = self.history.rowCount()
        self.history.insertRow(row)
        for col, cell in enumerate((f"{correction.corrected_at:%Y-%m-%d %H:%M}", correction.corrected_by,
                                    f"更正说明：{correction.text}（原因：{correction.reason}）")):
            self.history.setItem(row, col, QTableWidgetItem(cell))
        for f in fields.values():
            f.editor.clear()
