"""The sign-in book's dialogs on the 今日 page (D05, seed 004): 代签 on the principal leader's
password, a director accepting the reason for a sign-in after the cutoff, and setting a staff
member's own sign-in PIN. Each is a form over one store call; the rules live in the store."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from dutydesk.desk import Desk
from dutydesk.domain.sign_in_book import EXCUSE_TYPES
from dutydesk.store.accounts.account import principal_leaders
from dutydesk.store.duty.attendance import DutyAssignment, SignIn
from dutydesk.store.duty.sign_in_book import SignInBookError, accept_reason, proxy_sign_in
from dutydesk.store.duty.sign_in_identity import IdentityRefused, set_pin
from dutydesk.store.duty.staff import Staff, active_staff, staff_by_name
from dutydesk.ui.forms import FormField, account_box, add_field, button_row, password_edit, push_button, show_errors


def _note(layout: QVBoxLayout, text: str) -> None:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setProperty("role", "hint")
    layout.addWidget(label)


class ProxySignInDialog(QDialog):
    """代签: the principal leader types their password on the spot; the book marks the sign-in."""

    def __init__(self, desk: Desk, staff: Staff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.staff = desk, staff
        self.row: SignIn | None = None
        self.setWindowTitle(f"代签：{staff.name}")
        layout = QVBoxLayout(self)
        _note(layout, "签到须本人。特殊情况经主要领导同意，可由办公室代签：请主要领导当场输入密码。"
                      "代签将在签到簿和考勤统计中注明。")
        form = QFormLayout()
        self.leader = account_box(principal_leaders(), role=lambda _a: "主要领导")
        self.password = password_edit()
        self.reason = QLineEdit()
        self.fields = {
            "staff": add_field(form, FormField("代签人员", QLabel(staff.name))),
            "principal": add_field(form, FormField("授权领导", self.leader)),
            "principal_password": add_field(form, FormField("领导密码", self.password)),
            "reason": add_field(form, FormField("代签原因", self.reason)),
        }
        layout.addLayout(form)
        layout.addLayout(button_row(push_button("取消", self.reject),
                                    push_button("确认代签", self.try_sign, primary=True)))

    def try_sign(self) -> None:
        try:
            self.row = proxy_sign_in(self.staff, self.leader.currentData() or "", self.password.text(),
                                     self.reason.text(), self.desk.who, self.desk.now())
        except SignInBookError as exc:
            self.password.clear()
            show_errors(self.fields, exc.errors)
            return
        self.accept()


class AcceptReasonDialog(QDialog):
    """A director accepts a meeting notice, an assignment or a leave note for a sign-in after the
    cutoff: it then counts as present."""

    def __init__(self, desk: Desk, late: list[DutyAssignment], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.late = desk, late
        self.row: SignIn | None = None
        self.setWindowTitle("认定停签后签到理由")
        layout = QVBoxLayout(self)
        _note(layout, "停签后签到计缺勤。因开会、公事外出，须有会议通知或领导安排；病假、事假须有假条或领导批示，"
                      "经主任或书记认定后计为出勤。")
        form = QFormLayout()
        self.sign = QComboBox()
        for a in late:
            self.sign.addItem(f"{a.holder.name} {a.session.name} {a.sign_in.signed_in_at:%H:%M}签到")
        self.kind = QComboBox()
        self.kind.addItems(EXCUSE_TYPES)
        self.note = QLineEdit()
        self.fields = {
            "sign": add_field(form, FormField("停签后签到", self.sign)),
            "excuse_type": add_field(form, FormField("理由类型", self.kind)),
            "note": add_field(form, FormField("依据", self.note,
                                              hint="如：镇党委会议通知（桃党〔2026〕12号）；病假条")),
            "account": add_field(form, FormField("认定人", QLabel(desk.who))),
        }
        layout.addLayout(form)
        layout.addLayout(button_row(push_button("取消", self.reject),
                                    push_button("确认认定", self.try_accept, primary=True)))

    def try_accept(self) -> None:
        a = self.late[self.sign.currentIndex()]
        try:
            self.row = accept_reason(a.sign_in, self.kind.currentText(), self.note.text(), self.desk.account,
                                     self.desk.now())
        except SignInBookError as exc:
            show_errors(self.fields, exc.errors)
            return
        self.accept()


class PinDialog(QDialog):
    """Set a staff member's own sign-in PIN: typed by them in front of a director, or changed by
    themselves with their current PIN."""

    def __init__(self, desk: Desk, chosen: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle("设置签到密码")
        layout = QVBoxLayout(self)
        director = bool(desk.account and desk.account.is_director)
        who = ("主任或书记已登录，无需原密码。" if director
               else "更改须输入原签到密码；首次设置请主任或书记登录后进行。")
        _note(layout, "签到密码由本人输入，至少4位。" + who)
        form = QFormLayout()
        self.person = QComboBox()
        self.person.addItems([s.name for s in active_staff(desk.today())])
        if chosen:
            self.person.setCurrentText(chosen)
        self.old = password_edit()
        self.new = password_edit()
        self.again = password_edit()
        self.fields = {
            "person": add_field(form, FormField("人员", self.person)),
            "old_pin": add_field(form, FormField("原签到密码", self.old)),
            "pin": add_field(form, FormField("新签到密码", self.new)),
            "again": add_field(form, FormField("再次输入", self.again)),
        }
        self.fields["old_pin"].setVisible(not director)
        layout.addLayout(form)
        layout.addLayout(button_row(push_button("取消", self.reject),
                                    push_button("保存签到密码", self.try_save, primary=True)))

    def try_save(self) -> None:
        staff = staff_by_name(self.person.currentText())
        if staff is None:
            show_errors(self.fields, {"person": "请选择人员"})
            return
        if self.new.text() != self.again.text():
            show_errors(self.fields, {"again": "两次输入的签到密码不一致"})
            return
        try:
            set_pin(staff, self.new.text(), self.desk.account, self.desk.now(), old_pin=self.old.text())
        except IdentityRefused as exc:
            show_errors(self.fields, {exc.field: str(exc)})
            return
        self.staff = staff
        self.accept()



