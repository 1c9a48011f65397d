"""人员 page: the staff register; phone changes keep their history (D03, D12)."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.domain.staff import ROTATION_MODES, STAFF_ROLES, default_rotation
from dutydesk.store.duty.staff import (
    Staff,
    StaffError,
    StaffInput,
    add_staff,
    all_staff,
    deactivate,
    late_report_text,
    phone_history,
    update_staff,
)
from dutydesk.ui.duty.common import pydate, qdate, show_message, table_view
from dutydesk.ui.duty.table_model import PagedTableModel, list_source
from dutydesk.ui.forms import FormField, add_field, date_edit, message_label, push_button, show_errors
from dutydesk.ui.lazy_tabs import StagedBuild
from dutydesk.ui.page_layout import add_pair, bar_last, body_first

HEADERS = ["姓名", "职务", "手机号", "职责", "轮值方式", "启用日期", "停用日期"]


class StaffPage(QWidget):
    changed = Signal(str)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.editing: Staff | None = None
        self.content = QWidget()
        self._columns = QHBoxLayout(self.content)
        # 特大 on a laptop: the form scrolls, its buttons (and their result) stay on the screen.
        self._column = body_first(self, self.content)
        # Issue 17: one part per event-loop turn once the app runs (at once in tests), each laid
        # out and styled in its own turn.
        self.steps = StagedBuild(self._build_list, self._build_form, self._add_bar, self.clear_form,
                               self.refresh)
        self.steps.start(self)

    def _build_list(self) -> None:
        left = QVBoxLayout()
        self._columns.addLayout(left, 3)
        self.model = PagedTableModel(HEADERS, list_source(all_staff), lambda s: [
            s.name, s.role, s.mobile, s.duties, ROTATION_MODES.get(s.rotation, s.rotation),
            f"{s.active_from:%Y-%m-%d}", f"{s.active_to:%Y-%m-%d}" if s.active_to else ""])
        self.table = table_view("人员名册")
        self.table.setModel(self.model)
        left.addWidget(self.table)
        self.history = QLabel()
        self.history.setAccessibleName("手机号变更记录")
        self.history.setWordWrap(True)
        left.addWidget(self.history)

    def _build_form(self) -> None:
        box = QGroupBox("登记 / 修改人员")
        self._columns.addWidget(box, 2)
        form = QFormLayout(box)
        self.name = QLineEdit()
        self.role = QComboBox()
        self.role.addItems(STAFF_ROLES)
        self.mobile = QLineEdit()
        self.phone_changed_at = QDateTimeEdit()
        self.phone_changed_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.phone_changed_at.setCalendarPopup(True)
        self.phone_changed_at.setToolTip("改手机号时填写实际换号的时间，超过24小时才报告的记为迟报")
        self.mobile.setPlaceholderText("11位手机号，值班期间保持畅通")
        self.duties = QLineEdit()
        self.duties.setPlaceholderText("如：民政、社保代办，矛盾调解")
        self.rotation = QComboBox()
        for code, label in ROTATION_MODES.items():
            self.rotation.addItem(label, code)
        self.active_from = date_edit(self.desk.today())
        self.has_end = QCheckBox("设定停用日期")
        self.has_end.setAccessibleName("设定停用日期")
        self.active_to = date_edit(self.desk.today())
        self.fields = {
            "name": add_field(form, FormField("姓名", self.name)),
        }
        # Two short choices share a row: the form fits a 1366×768 laptop at 字号 特大.
        self.fields["role"], self.fields["rotation"] = add_pair(
            form, FormField("职务", self.role), FormField("轮值方式", self.rotation))
        self.fields |= {
            "mobile": add_field(form, FormField("手机号", self.mobile)),
            "phone_changed_at": add_field(form, FormField("换号时间", self.phone_changed_at)),
        }
        # One line that never wraps (a wrapping hint makes the form ask for a line more than it shows).
        phone_hint = QLabel("填实际换号时间，超24小时才报告记迟报")
        phone_hint.setProperty("role", "hint")
        phone_hint.setToolTip(self.phone_changed_at.toolTip())
        form.addRow("", phone_hint)
        self.fields |= {
            "duties": add_field(form, FormField("职责", self.duties)),
            "active_from": add_field(form, FormField("启用日期", self.active_from)),
        }
        # The tick box is the row's label: one row less, so the form fits a 1366×768 laptop at 字号 大.
        self.fields["active_to"] = FormField("停用日期", self.active_to)
        form.addRow(self.has_end, self.fields["active_to"])
        self.add_button = push_button("新增人员", self.do_add, primary=True)
        self.save_button = push_button("保存修改", self.do_save)
        self.new_button = push_button("清空表单", self.clear_form)
        for button in (self.add_button, self.save_button, self.new_button):
            button.setProperty("compact", True)  # a register kept now and then, below a long form
        self.message = message_label("人员提示")

    def _add_bar(self) -> None:
        bar_last(self._column, self.add_button, self.save_button, self.new_button, (self.message, 1))
        self.role.currentTextChanged.connect(self._role_changed)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self.load(cur.row()))

    def refresh(self) -> None:
        self.steps.complete()  # asked before the page is through building: finish it first
        self.model.reload()

    def _role_changed(self, role: str) -> None:
        if self.editing is None:
            self.rotation.setCurrentIndex(self.rotation.findData(default_rotation(role)))

    def clear_form(self) -> None:
        self.editing = None
        for w in (self.name, self.mobile, self.duties):
            w.clear()
        self.has_end.setChecked(False)
        self.role.setCurrentIndex(-1)  # no default 职务: a new person's post is always chosen
        self.phone_changed_at.setDateTime(QDateTime(self.desk.now()))
        self.save_button.setEnabled(False)
        self.history.setText("")
        show_errors(self.fields, {})

    def load(self, row: int) -> None:
        if row < 0 or row >= len(self.model.rows):
            return
        s: Staff = self.model.rows[row]
        self.editing = s
        self.name.setText(s.name)
        self.role.setCurrentText(s.role)
        self.mobile.setText(s.mobile)
        self.duties.setText(s.duties)
        self.rotation.setCurrentIndex(self.rotation.findData(s.rotation))
        self.active_from.setDate(qdate(s.active_from))
        self.has_end.setChecked(s.active_to is not None)
        if s.active_to:
            self.active_to.setDate(qdate(s.active_to))
        self.phone_changed_at.setDateTime(QDateTime(self.desk.now()))
        self.save_button.setEnabled(True)
        self.history.setText("手机号变更记录：\n" + "\n".join(_phone_line(p) for p in phone_history(s)))

    def _input(self) -> StaffInput:
        return StaffInput(self.name.text(), self.role.currentText(), self.mobile.text(), self.duties.text(),
                          self.rotation.currentData(), pydate(self.active_from.date()),
                          pydate(self.active_to.date()) if self.has_end.isChecked() else None,
                          self.phone_changed_at.dateTime().toPython().replace(second=0, microsecond=0))

    def do_add(self) -> None:
        try:
            staff = add_staff(self._input(), self.desk.who, self.desk.now())
        except StaffError as exc:
            show_errors(self.fields, exc.errors)
            return
        show_errors(self.fields, {})
        show_message(self.message, f"已登记：{staff.name}（{staff.role}）", ok=True)
        self.clear_form()
        self.refresh()
        self.changed.emit("duty")

    def do_save(self) -> None:
        if self.editing is None:
            return
        data = self._input()
        try:
            if data.active_to is not None and self.editing.active_to != data.active_to:
                deactivate(self.editing, data.active_to, self.desk.who, self.desk.now())
            update_staff(self.editing, data, self.desk.who, self.desk.now())
        except StaffError as exc:
            show_errors(self.fields, exc.errors)
            return
        show_errors(self.fields, {})
        show_message(self.message, f"已保存：{self.editing.name}", ok=True)
        self.refresh()
        self.changed.emit("duty")


def _phone_line(p) -> str:
    """One change: the number, when it changed, when and by whom it was reported, and a late flag (D12)."""
    changed = f"{p.changed_at:%m-%d %H:%M}换号，" if p.changed_at else ""
    late = late_report_text(p)
    return (f"{p.effective_from:%Y-%m-%d} 起：{p.mobile}（{changed}{p.recorded_by} {p.recorded_at:%m-%d %H:%M}登记"
            f"{'，' + late if late else ''}）")
