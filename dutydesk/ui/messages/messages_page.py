"""留言转告 page (V10): messages left at the desk, undelivered first; record a new one (F3 from
anywhere) and record how one was passed on."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from dutydesk.desk import Desk
from dutydesk.domain import message as rules
from dutydesk.store.messages.message import Message, MessageDraft, deliver, leave_message, recent_messages
from dutydesk.store.privacy import mask_for, mask_text
from dutydesk.ui.messages.form_dialog import RecordFormDialog, combo
from dutydesk.ui.messages.record_page import RecordPage


def message_dialog(desk: Desk, parent: QWidget | None = None) -> RecordFormDialog:
    """V10: 留言/转告 in seconds: from whom, for whom, what, a number to call back."""
    fields = [("from_name", "留言人", QLineEdit()), ("from_contact", "留言人电话", QLineEdit()),
              ("for_kind", "转告对象类别", combo(rules.FOR_KINDS)), ("for_name", "转告给", QLineEdit()),
              ("content", "留言内容", QPlainTextEdit()), ("channel", "留言方式", combo(rules.CHANNELS))]
    return RecordFormDialog("记录留言转告", fields, lambda v: leave_message(MessageDraft(**v), desk.who, desk.now()),
                            parent)


def deliver_dialog(desk: Desk, message: Message, parent: QWidget | None = None) -> RecordFormDialog:
    who = QLineEdit(desk.who)
    fields = [("delivered_by", "转达人", who), ("delivery_method", "转达方式", combo(rules.DELIVERY_METHODS)),
              ("delivery_note", "转达情况", QPlainTextEdit())]
    return RecordFormDialog(f"转达留言 {message.ref}", fields, lambda v: deliver(
        message, v["delivered_by"], v["delivery_method"], v["delivery_note"], desk.who, desk.now()), parent)


class MessagesPage(RecordPage):
    headers = ("编号", "留言时间", "留言人", "电话", "转告给", "内容", "状态", "转达")
    list_name = "留言转告列表"

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.add_button("记录留言", self.new_message, primary=True)
        self.add_button("已转达…", self.deliver)
        self.finish_buttons()

    def records(self) -> list[Message]:
        return recent_messages()

    def cells(self, m: Message) -> Sequence[str]:
        account = self.desk.account
        done = f"{m.delivered_at:%m-%d %H:%M} {m.delivered_by}（{m.delivery_method}）" if m.delivered_at else ""
        return (m.ref, f"{m.received_at:%m-%d %H:%M}", m.from_name, mask_for(account, "phone", m.from_contact),
                f"{m.for_name}（{m.for_kind}）", mask_text(account, " ".join(m.content.split())), m.state_label, done)

    def enabled(self, m: Message | None) -> dict[str, bool]:
        return {"已转达…": m is not None and m.delivered_at is None}

    def new_message(self) -> RecordFormDialog:
        dialog = message_dialog(self.desk, self)
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.open()
        return dialog

    def _saved(self, dialog: RecordFormDialog) -> None:
        m = dialog.result_record
        self.changed()
        if isinstance(m, Message):
            self.select(m.id)
            self.say(f"已记录 {m.ref}：{m.from_name}给{m.for_name}的留言，转达后请点“已转达”")

    def deliver(self) -> RecordFormDialog | None:
        m = self.current()
        if m is None:
            return None
        dialog = deliver_dialog(self.desk, m, self)
        dialog.accepted.connect(lambda: (self.changed(), self.say(f"{m.ref} 已转达")))
        dialog.open()
        return dialog
