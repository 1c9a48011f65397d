"""The center's profile form: asked once on an empty folder (with the first administrator),
and editable later from 工具 → 服务中心信息 by a director."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dutydesk.domain.center import CENTER_KINDS, FIELD_LABELS, CenterProfile, validate_center
from dutydesk.domain.passwords import PasswordError, check_new_password
from dutydesk.ui.forms import FormField, add_field, password_edit, show_errors
from dutydesk.ui.grow import grow_to_fit
from dutydesk.ui.page_layout import fill, page_with_actions

PLACEHOLDERS = {
    "name": "如：青石村党群服务中心",
    "township": "如：桃源镇",
    "division_code": "12位数字，如：350425100201",
    "address": "如：桃源镇青石村村部一楼",
    "public_phone": "如：0571-63281234",
    "supervision_phone": "如：0571-63285678",
}


DIVISION_CODE_HINT = "国家统计局统计用区划代码，向镇（街道）交数据包时必填"


class CenterProfileDialog(QDialog):
    """Collects a valid CenterProfile (and, on first run, an admin name); the caller saves them."""

    def __init__(self, current: CenterProfile | None = None, ask_admin: bool = False,
                 parent: QWidget | None = None, demo: bool = False,
                 public_key: str = "", key_fingerprint: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("欢迎使用值班台：填写服务中心信息" if ask_admin else "服务中心信息")
        self.setMinimumWidth(560)
        self.profile: CenterProfile | None = None
        self.admin_name = ""
        self.admin_password = ""
        self._ask_admin = ask_admin
        self._demo = demo

        body = QWidget()
        layout = QVBoxLayout(body)
        intro = QLabel("以下信息将印在告知单、代办单和台账上，之后可在“工具 → 服务中心信息”中修改。")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)

        self.fields: dict[str, FormField] = {}
        for key, placeholder in PLACEHOLDERS.items():
            edit = QLineEdit(getattr(current, key) if current else "")
            edit.setPlaceholderText(placeholder)
            hint = DIVISION_CODE_HINT if key == "division_code" else ""
            self.fields[key] = add_field(form, FormField(FIELD_LABELS[key], edit, hint=hint))
        kind = QComboBox()
        for code, label in CENTER_KINDS.items():
            kind.addItem(label, code)
        if current:
            kind.setCurrentIndex(max(0, kind.findData(current.kind)))
        self.fields["kind"] = add_field(form, FormField(FIELD_LABELS["kind"], kind))
        if key_fingerprint:  # the township registers the village by this fingerprint (issue 16)
            for label, text in (("本中心公钥", public_key), ("公钥指纹", key_fingerprint)):
                shown = QLabel(text)
                shown.setAccessibleName(label)
                shown.setWordWrap(True)
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                form.addRow(f"{label}：", shown)
        if ask_admin:
            admin = QLineEdit()
            admin.setPlaceholderText("如：管理员 或 本人姓名")
            self.fields["admin"] = add_field(
                form, FormField("管理员账户名", admin, hint="管理员负责账户与备份")
            )
            # An approval stands for a person's word: the administrator gets a secret at once
            # (accounts.can_approve); a demo folder may go without, for practice.
            hint = "演示数据可不设密码" if demo else "至少4位，可用数字PIN；登录和批准时使用"
            self.fields["admin_password"] = add_field(
                form, FormField("管理员密码", password_edit(), hint=hint))
            self.fields["admin_password_again"] = add_field(
                form, FormField("再次输入密码", password_edit()))

        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton("确定", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setAccessibleName("确定")
        self.ok_button.setProperty("primary", True)
        self.ok_button.setDefault(True)
        cancel = buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName("取消")
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        # At 字号 特大 on a laptop the form scrolls; 确定/取消 stay on the screen.
        fill(self, page_with_actions(body, (buttons, 1), natural=True))

    def _text(self, key: str) -> str:
        editor = self.fields[key].editor
        assert isinstance(editor, QLineEdit)
        return editor.text()

    def try_accept(self) -> None:
        kind_box = self.fields["kind"].editor
        assert isinstance(kind_box, QComboBox)
        profile = CenterProfile(
            name=self._text("name").strip(),
            township=self._text("township").strip(),
            division_code=self._text("division_code").strip(),
            address=self._text("address").strip(),
            public_phone=self._text("public_phone"),
            supervision_phone=self._text("supervision_phone"),
            kind=kind_box.currentData(),
        )
        errors = validate_center(profile)
        if self._ask_admin:
            if not self._text("admin").strip():
                errors["admin"] = "请填写管理员账户名"
            errors.update(admin_password_errors(self._text("admin_password"),
                                                self._text("admin_password_again"), self._demo))
        show_errors(self.fields, errors)
        grow_to_fit(self)  # messages appear below their fields, never over the next one
        if errors:
            return
        self.profile = profile
        self.admin_name = self._text("admin").strip() if self._ask_admin else ""
        self.admin_password = self._text("admin_password") if self._ask_admin else ""
        self.accept()


def admin_password_errors(password: str, again: str, demo: bool) -> dict[str, str]:
    """The first administrator's password: required on a real data folder, optional on a demo."""
    if not password and not again and demo:
        return {}
    if not password:
        return {"admin_password": "请为管理员设置密码：没有密码的账户不能登录把关，也不能批准查阅和导出"}
    try:
        check_new_password(password)
    except PasswordError as exc:
        return {"admin_password": str(exc)}
    if password != again:
        return {"admin_password_again": "两次输入的密码不一致"}
    return {}


class FirstRunDialog(CenterProfileDialog):
    def __init__(self, parent: QWidget | None = None, demo: bool = False) -> None:
        super().__init__(None, ask_admin=True, parent=parent, demo=demo)
