"""The login dialog: pick your name, type your password or PIN.

Also used to unlock the window after the idle lock (same user, or switch user) and for a director
approving on the spot; every attempt counts towards the wrong-password lockout.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.store.accounts import Account
from dutydesk.store.login import LoginError, accounts_for_login, login
from dutydesk.ui.forms import FormField, add_field


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
        self.names = QComboBox()
        for account in accounts if accounts is not None else accounts_for_login():
            self.names.addItem(f"{account.name}（{account.role_label}）", account.name)
        if preselect:
            index = self.names.findData(preselect)
            if index >= 0:
                self.names.setCurrentIndex(index)
        self.name_field = add_field(form, FormField("账户", self.names))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self._on_return)
        self.password_field = add_field(form, FormField("密码", self.password))
        layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.ok_button = QPushButton("登录" if purpose != "approve" else "确认批准")
        self.ok_button.setAccessibleName(self.ok_button.text())
        self.ok_button.setProperty("primary", True)
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.try_login)
        self.cancel_button = QPushButton(cancel_text)
        self.cancel_button.setAccessibleName(cancel_text)
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout.addLayout(buttons)
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
