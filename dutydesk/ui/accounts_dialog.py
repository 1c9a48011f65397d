"""Accounts and roles, for the administrator: add accounts, set passwords, change roles, name the
principal leaders (主要领导, who approve lookups of permanent and long-term files, A02)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.domain.passwords import PasswordError
from dutydesk.store import audit
from dutydesk.store.accounts.account import ROLES, Account, accounts_without_secret, create_account, set_principal
from dutydesk.store.accounts.login import locked_until, set_password, set_role
from dutydesk.ui.forms import FormField, add_field, password_edit, push_button
from dutydesk.ui.record_list import read_only
from dutydesk.ui.theme import OVERDUE_RED

HEADERS = ("账户", "角色", "主要领导", "密码", "状态")


class AccountsDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle("账户与权限")
        self.resize(760, 460)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        # Accounts without a password cannot approve anything (accounts.can_approve): say which.
        self.secret_warning = QLabel()
        self.secret_warning.setAccessibleName("密码警告")
        self.secret_warning.setWordWrap(True)
        self.secret_warning.setStyleSheet(f"color: {OVERDUE_RED};")
        left.addWidget(self.secret_warning)
        self.table = read_only(QTableWidget(0, len(HEADERS)), "账户列表")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.itemSelectionChanged.connect(self._selected)
        left.addWidget(self.table, 1)
        layout.addLayout(left, 3)
        side = QVBoxLayout()
        form = QFormLayout()
        self.name = FormField("账户名", QLineEdit())
        self.role = FormField("角色", QComboBox())
        for code, label in ROLES.items():
            self.role.editor.addItem(label, code)
        self.password = FormField("新密码", password_edit(), hint="至少4位，可用数字PIN")
        self.principal = QCheckBox("主要领导（批准查阅永久、长期档案）")
        self.principal.setAccessibleName("主要领导")
        for f in (self.name, self.role, self.password):
            add_field(form, f)
        form.addRow("", self.principal)
        side.addLayout(form)
        for text, slot in (("新建账户", self.add), ("设置密码", self.change_password),
                           ("保存角色", self.change_role), ("停用/启用", self.toggle_active)):
            side.addWidget(push_button(text, slot))
        side.addStretch(1)
        layout.addLayout(side, 2)
        self.reload()

    def reload(self) -> None:
        accounts = list(Account.select().order_by(Account.id))
        self.table.setRowCount(len(accounts))
        now = self.desk.now()
        for row, account in enumerate(accounts):
            state = "已停用" if not account.active else ("已锁定" if locked_until(account, now) else "正常")
            for col, text in enumerate((account.name, account.role_label, "是" if account.is_principal else "",
                                        "已设置" if account.password_hash else "未设置", state)):
                item = QTableWidgetItem(text)
                item.setData(256, account.id)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        lacking = [a.name for a in accounts_without_secret()]
        self.secret_warning.setText(
            f"以下账户未设置密码：{'、'.join(lacking)}。未设密码的账户不能批准查阅档案、导出完整信息或请假，"
            "设置密码后才能登录使用。" if lacking else "")
        self.secret_warning.setVisible(bool(lacking))

    def selected_account(self) -> Account | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return Account.get_by_id(self.table.item(rows[0].row(), 0).data(256))

    def _account_to_change(self) -> Account | None:
        """The selected account, or None with a hint beside the name field."""
        account = self.selected_account()
        if account is None:
            self.name.set_error("请先在左侧选择账户")
        return account

    def _selected(self) -> None:
        account = self.selected_account()
        if account is not None:
            self.name.editor.setText(account.name)
            self.role.editor.setCurrentIndex(self.role.editor.findData(account.role))
            self.principal.setChecked(account.is_principal)

    def add(self) -> None:
        self.name.clear_error()
        self.password.clear_error()
        name = self.name.editor.text().strip()
        try:
            with self.desk.db.atomic():
                account = create_account(name, self.role.editor.currentData(), self.desk.who, self.desk.now())
                if self.principal.isChecked():
                    set_principal(account, True, self.desk.who, self.desk.now())
                if self.password.editor.text():
                    set_password(account, self.password.editor.text(), self.desk.who, self.desk.now())
        except PasswordError as exc:
            self.password.set_error(str(exc))
            return
        except ValueError as exc:
            self.name.set_error(str(exc))
            return
        self.password.editor.clear()
        self.reload()

    def change_password(self) -> None:
        account = self._account_to_change()
        if account is None:
            return
        try:
            set_password(account, self.password.editor.text(), self.desk.who, self.desk.now())
        except PasswordError as exc:
            self.password.set_error(str(exc))
            return
        self.password.clear_error()
        self.password.editor.clear()
        self.reload()

    def change_role(self) -> None:
        account = self._account_to_change()
        if account is None:
            return
        if account.id == getattr(self.desk.account, "id", None) and self.role.editor.currentData() != "admin":
            self.role.set_error("不能取消自己的管理员角色")
            return
        with self.desk.db.atomic():
            if account.role != self.role.editor.currentData():
                set_role(account, self.role.editor.currentData(), self.desk.who, self.desk.now())
            if account.is_principal != self.principal.isChecked():
                set_principal(account, self.principal.isChecked(), self.desk.who, self.desk.now())
        self.role.clear_error()
        self.reload()

    def toggle_active(self) -> None:
        account = self._account_to_change()
        if account is None:
            return
        if account.id == getattr(self.desk.account, "id", None):
            self.name.set_error("不能停用当前登录的账户")
            return
        audit.update(account, self.desk.who, self.desk.now(), active=not account.active)
        self.reload()


def show_accounts(desk: Desk, parent: QWidget) -> None:
    if not (desk.account and desk.account.role == "admin"):
        QMessageBox.warning(parent, "无权操作", "账户管理仅管理员可用。")
        return
    AccountsDialog(desk, parent).exec()
    events = getattr(parent, "events", None)
    if events is not None:  # a password set or removed changes who may approve, and the banner
        events.account_changed.emit()
