"""请假 page: leave requests with a substitute, approved by a director, and the report back that
ends them (销假) (D05, D07)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.domain.attendance import LEAVE_TYPES
from dutydesk.store.duty.duty_config import duty_config
from dutydesk.store.duty.leave import (
    LeaveError,
    LeaveInput,
    LeaveRequest,
    NotAllowed,
    approve_leave,
    leave_page,
    request_leave,
)
from dutydesk.store.duty.leave_return import LeaveReturnInvalid, report_back, return_text
from dutydesk.store.duty.staff import active_staff
from dutydesk.ui.duty.common import pydate, show_message, staff_combo, table_view
from dutydesk.ui.duty.table_model import PagedTableModel
from dutydesk.ui.forms import FormField, add_field, date_edit, message_label, push_button, show_errors
from dutydesk.ui.lazy_tabs import StagedBuild
from dutydesk.ui.page_layout import bar_last, body_first
from dutydesk.ui.page_loader import PageLoader
from dutydesk.ui.theme import DUE_AMBER, OK_GREEN

HEADERS = ["请假人", "类型", "起止日期", "班次", "事由", "替班人", "状态", "批准", "销假"]


def _cells(leave: LeaveRequest) -> list[str]:
    keys = leave.session_keys
    names = {s.key: s.name for s in duty_config(leave.start_day).sessions}
    sessions = "、".join(names.get(k, k) for k in keys) if keys else "全天"
    approved = f"{leave.approved_by} {leave.approved_at:%m-%d %H:%M}" if leave.approved else ""
    if leave.approval_note:
        approved += f"（{leave.approval_note}）"
    return [leave.staff.name, leave.leave_type, f"{leave.start_day:%m-%d}至{leave.end_day:%m-%d}", sessions,
            leave.reason, leave.substitute.name if leave.substitute_id else "", leave.status_label, approved]


class LeavePage(QWidget):
    changed = Signal(str)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.content = QWidget()
        self._columns = QHBoxLayout(self.content)
        # At 字号 特大 the forms scroll; the buttons that submit them stay on the screen.
        self._column = body_first(self, self.content)
        self.loader = PageLoader(self)  # the list's rows read a few settings each: off the GUI thread
        # Issue 17: one part per event-loop turn once the app runs (at once in tests), each laid
        # out and styled in its own turn.
        self.steps = StagedBuild(self._build_form, self._build_list, self._build_report_back,
                               lambda: bar_last(self._column, self.submit_button, self.report_back_button),
                               self.refresh)
        self.steps.start(self)

    def _build_form(self) -> None:
        box = QGroupBox("请假申请（须安排替班人，经书记或主任批准后方可离岗）")
        self._columns.addWidget(box, 2)
        form = QFormLayout(box)
        self.staff = staff_combo("请假人")
        self.leave_type = QComboBox()
        self.leave_type.addItems(LEAVE_TYPES)
        self.start = date_edit(self.desk.today())
        self.end = date_edit(self.desk.today())
        self.session = QComboBox()
        self.reason = QLineEdit()
        self.notice = QLineEdit()
        self.notice.setPlaceholderText("公出须填写：如 镇党委会议通知（桃党〔2026〕12号）")
        self.substitute = staff_combo("替班人", editable=True)
        self.fields = {
            "staff": add_field(form, FormField("请假人", self.staff)),
            "leave_type": add_field(form, FormField("请假类型", self.leave_type)),
            "start_day": add_field(form, FormField("开始日期", self.start)),
            "end_day": add_field(form, FormField("结束日期", self.end)),
            "sessions": add_field(form, FormField("班次", self.session)),
            "reason": add_field(form, FormField("事由", self.reason)),
            "notice": add_field(form, FormField("公出依据", self.notice)),
            "substitute": add_field(form, FormField("替班人", self.substitute)),
        }
        self.submit_button = push_button("提交请假", self.do_submit, primary=True)
        self.message = message_label("请假提示")
        form.addRow(self.message)

    def _build_list(self) -> None:
        desk = self.desk
        self._right = right = QVBoxLayout()
        self._columns.addLayout(right, 3)
        self.model = PagedTableModel(
            HEADERS, leave_page, lambda lv: [*_cells(lv), return_text(lv, desk.today(), desk.calendar())],
            lambda lv: OK_GREEN if lv.approved else DUE_AMBER, 6)
        self.table = table_view("请假记录")
        self.table.setModel(self.model)
        right.addWidget(self.table)
        self.approval_note = QLineEdit()
        self.approval_field = FormField("批准理由", self.approval_note,
                                        "班次开始后才提出的请假（事后补假）须填写批准理由")
        right.addWidget(self.approval_field)
        self.approve_button = push_button("批准所选请假", self.do_approve)
        right.addWidget(self.approve_button)
        self.approve_message = message_label("审批提示")
        right.addWidget(self.approve_message)

    def _build_report_back(self) -> None:
        """D07: leave ends when the person reports back; a late return counts the missed sessions."""
        box = QGroupBox("销假（假期结束返岗后，本人到值班台销假）")
        self._right.addWidget(box)
        form = QFormLayout(box)
        self.returned_on = date_edit(self.desk.today())
        self.back_note = QLineEdit()
        self.back_fields = {
            "returned_on": add_field(form, FormField("返岗日期", self.returned_on)),
            "note": add_field(form, FormField("销假说明", self.back_note, "逾期返岗的，请写明原因")),
        }
        self.report_back_button = push_button("销假（Ctrl+Shift+Enter）", self.do_report_back)
        self.report_back_button.setShortcut("Ctrl+Shift+Return")
        self.back_message = message_label("销假提示")
        form.addRow(self.back_message)

    def refresh(self) -> None:
        self.steps.complete()  # asked before the page is through building: finish it first
        names = [s.name for s in active_staff(self.desk.today())]
        for combo in (self.staff, self.substitute):
            keep = combo.currentText()
            combo.clear()
            combo.addItems(names)
            combo.setCurrentIndex(-1)
            if keep:
                combo.setCurrentText(keep) if combo.isEditable() else combo.setCurrentIndex(combo.findText(keep))
        keep = self.session.currentData()
        self.session.clear()
        self.session.addItem("全天", None)
        for s in duty_config(self.desk.today()).sessions:
            self.session.addItem(s.label(), s.key)
        self.session.setCurrentIndex(max(0, self.session.findData(keep)))
        self.model.reload_with(self.loader)
        director = bool(self.desk.account and self.desk.account.is_director)
        self.approve_button.setEnabled(director)
        self.approve_button.setToolTip("" if director else "只有主任或书记可以批准请假")

    def do_submit(self) -> None:
        key = self.session.currentData()
        data = LeaveInput(self.staff.currentText(), pydate(self.start.date()), pydate(self.end.date()),
                          self.leave_type.currentText(), self.reason.text(), self.substitute.currentText(),
                          [key] if key else [], self.notice.text())
        try:
            leave = request_leave(data, self.desk.who, self.desk.now())
        except LeaveError as exc:
            show_errors(self.fields, exc.errors)
            return
        show_errors(self.fields, {})
        self.reason.clear()
        self.notice.clear()
        show_message(self.message, f"已提交{leave.staff.name}的{leave.leave_type}申请，待书记或主任批准", ok=True)
        self.refresh()
        self.changed.emit("duty")

    def do_approve(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            show_message(self.approve_message, "请先选中一条请假记录", ok=False)
            return
        leave = self.model.rows[index.row()]
        self.approval_field.clear_error()
        try:
            approve_leave(leave, self.desk.account, self.desk.now(), reason=self.approval_note.text())
        except LeaveError as exc:
            if "approval_note" in exc.errors:
                self.approval_field.set_error(exc.errors["approval_note"])
                self.approval_note.setFocus()
                return
            show_message(self.approve_message, str(exc), ok=False)
            return
        except NotAllowed as exc:
            show_message(self.approve_message, str(exc), ok=False)
            return
        self.approval_note.clear()
        text = f"已批准{leave.staff.name}的请假，替班人：{leave.substitute.name}"
        if leave.approval_note:
            text = f"已批准{leave.staff.name}的事后补假（班次开始后提出，不转由替班人负责）"
        show_message(self.approve_message, text, ok=True)
        self.refresh()
        self.changed.emit("duty")

    def do_report_back(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            show_message(self.back_message, "请先选中一条已批准的请假记录", ok=False)
            return
        leave = self.model.rows[index.row()]
        try:
            report_back(leave, pydate(self.returned_on.date()), self.back_note.text(), self.desk.who,
                        self.desk.now())
        except LeaveReturnInvalid as exc:
            show_errors(self.back_fields, {k: v for k, v in exc.errors.items() if k != "leave"})
            if "leave" in exc.errors:
                show_message(self.back_message, exc.errors["leave"], ok=False)
            return
        show_errors(self.back_fields, {})
        self.back_note.clear()
        text = return_text(leave, self.desk.today(), self.desk.calendar())
        show_message(self.back_message, f"{leave.staff.name}已销假：{text}", ok="超假" not in text)
        self.refresh()
        self.changed.emit("duty")
