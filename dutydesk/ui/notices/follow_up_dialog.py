"""告知跟进 (N07): the notices whose supply date has passed, or whose person is not eligible; the
desk phones the reason, records the call, and the matter closes as 不予受理."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from dutydesk.desk import Desk
from dutydesk.domain.catalogue import Outcome
from dutydesk.store.notices import notice_follow_up as follow
from dutydesk.store.notices.notice import NoticeRecord
from dutydesk.store.privacy import mask_for
from dutydesk.ui.forms import FormField, message_label, note_edit, push_button, show_errors
from dutydesk.ui.list_form_dialog import ListFormDialog

HEADERS = ["告知单号", "群众", "联系电话", "办理事项", "跟进原因", "应跟进日期"]


class FollowUpDialog(ListFormDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent, "告知跟进", (820, 520), HEADERS, "待电话告知", "跟进结果")
        self.notices: list[NoticeRecord] = []
        self.phone = QLineEdit()
        self.said = note_edit(70)
        self.close_button = push_button("登记电话并按不予受理办结", self.record, primary=True)
        hint = message_label("说明")
        hint.setText("材料不全的告知单过了补齐期限，或群众不符合条件的，请电话告知原因并登记。")
        self.lay_out(hint, {
            "phone": FormField("所拨电话", self.phone),
            "said": FormField("电话告知内容", self.said, "告知不予受理的原因，以及补齐后可再来办理"),
        }, self.close_button)
        self.refresh()

    def refresh(self) -> None:
        calendar = self.desk.calendar()
        self.notices = follow.waiting(self.desk.today(), calendar)
        rows = []
        for notice in self.notices:
            why = "不符合条件" if notice.outcome == Outcome.NOT_ELIGIBLE.value else "补齐期限已过"
            rows.append([notice.ref, notice.person_name, mask_for(self.desk.account, "phone", notice.person_phone),
                         notice.item_version.name, why, f"{follow.due_on(notice, calendar):%Y-%m-%d}"])
        self.fill(rows)
        self.close_button.setEnabled(bool(self.notices))

    def record(self) -> None:
        notice = self.chosen(self.notices, "请先选择一份告知单")
        if notice is None:
            return
        try:
            follow.record_call(notice, self.phone.text(), self.said.toPlainText(), self.desk.who, self.desk.now(),
                               self.desk.calendar())
        except follow.FollowUpInvalid as exc:
            show_errors(self.fields, exc.errors)
            if "notice" in exc.errors:
                self.result.setText(exc.errors["notice"])
            return
        show_errors(self.fields, {})
        self.phone.clear()
        self.said.clear()
        self.result.setText(f"已登记电话告知，{notice.person_name}的“{notice.item_version.name}”按不予受理办结")
        self.refresh()


def open_follow_up(desk: Desk, window: QWidget) -> None:
    FollowUpDialog(desk, window).exec()
