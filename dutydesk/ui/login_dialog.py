"""The login dialog: pick your name, type your password or PIN.

Also used to unlock the window after the idle lock (same user, or switch user) and for a director
approving on the spot; every attempt counts towards the wrong-password lockout.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from dutydesk.desk import Desk
from dutydesk.store.accounts.account import Account
from dutydesk.store.accounts.login import LoginError, accounts_for_login, login
from dutydesk.ui.forms import FormField, account_box, add_field, button_row, password_edit, push_button


class LoginDialog(QDialog):
    """Returns the logged-in ``account`` when accepted."""

    def __init__(
        self,
        desk: Desk,
        title: str = "登录值班台",
        message: str = "请选择您的账户并输入密码。",
        preselect: str | None = None,
        accounts: list[Account] | None = None,
        purpose: str = "login",
        cancel_text: str = "退出",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.purpose = purpose
        self.account: Account | None = None
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        intro = QLabel(message)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.names = account_box(accounts if accounts is not None else accounts_for_login(), preselect)
        self.name_field = add_field(form, FormField("账户", self.names))
        self.password = password_edit()
        self.password.returnPressed.connect(self._on_return)
        self.password_field = add_field(form, FormField("密码", self.password))
        layout.addLayout(form)
        self.ok_button = push_button("登录" if purpose != "approve" else "确认批准", self.try_login, primary=True)
        self.ok_button.setDefault(True)
        self.cancel_button = push_button(cancel_text, self.reject)
        layout.addLayout(button_row(self.cancel_button, self.ok_button))
        self.password.setFocus()

    def _on_return(self) -> None:
        if not self.ok_button.isDefault() or not self.isVisible():
            self.try_login()

    def try_login(self) -> None:
        name = self.names.currentData()
        try:
            self.account = login(name or "", self.password.text(), self.desk.now(), self.purpose)
        except LoginError as exc:
            self.password_field.set_error(str(exc))
            self.password.selectAll()
            self.password.setFocus()
            return
        self.password_field.clear_error()
        self.accept()
