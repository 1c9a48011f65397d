"""外来函件 page (V13): inquiry letters from another place or unit and their replies. Each button is
one step — 拟写复函, 核实, 负责人签字 (a director's password), 盖章, 发函 — allowed only after the
step before it; the store says why when it is not."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from dutydesk.desk import Desk
from dutydesk.domain import inquiry_letter as rules
from dutydesk.store.accounts.account import approver_accounts
from dutydesk.store.messages import inquiry_letters as store
from dutydesk.store.messages.inquiry_letters import InquiryLetter, LetterDraft, LetterInvalid
from dutydesk.ui.forms import date_edit, password_edit
from dutydesk.ui.messages.form_dialog import RecordFormDialog, combo
from dutydesk.ui.messages.record_page import RecordPage

NEXT = {rules.REGISTERED: "拟写复函…", rules.DRAFTED: "核实…", rules.CHECKED: "负责人签字…",
        rules.SIGNED: "盖章", rules.SEALED: "发函…"}


def letter_dialog(desk: Desk, parent: QWidget | None = None) -> RecordFormDialog:
    fields = [("sender", "来函单位", QLineEdit()), ("letter_no", "来函文号", QLineEdit()),
              ("sender_contact", "联系电话", QLineEdit()), ("subject", "来函事由", QPlainTextEdit()),
              ("received_on", "收函日期", date_edit(desk.today()))]
    return RecordFormDialog("登记来函", fields,
                            lambda v: store.register_letter(LetterDraft(**v), desk.who, desk.now()), parent)


class LettersPage(RecordPage):
    headers = ("编号", "收函日期", "来函单位", "文号", "事由", "状态", "签字负责人", "发函日期")
    list_name = "外来函件列表"

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.add_button("登记来函", self.register, primary=True)
        for label in NEXT.values():
            self.add_button(label, lambda label=label: self.step(label), second_row=True)
        self.finish_buttons()

    def records(self) -> list[InquiryLetter]:
        return store.recent_letters()

    def cells(self, x: InquiryLetter) -> Sequence[str]:
        return (x.ref, f"{x.received_on:%Y-%m-%d}", x.sender, x.letter_no, " ".join(x.subject.split()),
                x.state_label, x.signed_by, f"{x.sent_on:%Y-%m-%d}" if x.sent_on else "")

    def enabled(self, x: InquiryLetter | None) -> dict[str, bool]:
        state = x.state if x is not None else ""
        shown = {label: NEXT.get(state) == label for label in NEXT.values()}
        shown["拟写复函…"] = state in (rules.REGISTERED, rules.DRAFTED)
        return shown

    def register(self) -> RecordFormDialog:
        dialog = letter_dialog(self.desk, self)
        dialog.accepted.connect(lambda: self._done(dialog.result_record, "已登记"))
        dialog.open()
        return dialog

    def _done(self, letter: object, what: str) -> None:
        self.changed()
        if isinstance(letter, InquiryLetter):
            self.select(letter.id)
            self.say(f"{letter.ref} {what}（{letter.sender}）")

    def _dialog(self, title: str, fields, action: Callable[[dict], InquiryLetter], what: str) -> RecordFormDialog:
        dialog = RecordFormDialog(title, fields, action, self)
        dialog.accepted.connect(lambda: self._done(dialog.result_record, what))
        dialog.open()
        return dialog

    def step(self, label: str) -> RecordFormDialog | None:
        x = self.current()
        if x is None:
            return None
        who, now = self.desk.who, self.desk.now()
        if label == "拟写复函…":
            return self._dialog("拟写复函", [("reply", "复函内容", QPlainTextEdit(x.reply))],
                                lambda v: store.draft_reply(x, v["reply"], who, now), "已拟写复函")
        if label == "核实…":
            return self._dialog("核实复函", [("checked_by", "核实人", QLineEdit(who)),
                                         ("check_note", "核实情况", QPlainTextEdit())],
                                lambda v: store.check_reply(x, v["checked_by"], v["check_note"], who, now), "已核实")
        if label == "负责人签字…":
            names = combo(a.name for a in approver_accounts())
            fields = [("signer", "签字负责人", names), ("password", "负责人密码", password_edit())]
            return self._dialog("负责人签字", fields,
                                lambda v: store.sign_reply(x, v["signer"], v["password"], who, now), "已由负责人签字")
        if label == "发函…":
            return self._dialog("发函", [("sent_method", "发函方式", combo(rules.SEND_METHODS))],
                                lambda v: store.send_reply(x, v["sent_method"], who, now), "已发函")
        try:
            store.seal_reply(x, who, now)
        except LetterInvalid as exc:
            self.say(str(exc), ok=False)
            return None
        self._done(x, "已盖章")
        return None
