"""排班 page: generate the rotation, edit it by hand (assign, remove, swap), special periods, and
print the roster board and the Monday review (D01, D04, D08, D11, D13)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
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
from dutydesk.store.duty.roster import (
    RosterEditError,
    RosterProblems,
    RosterSlot,
    add_special_period,
    assign,
    clear_slot,
    plan_roster,
    roster_map,
    save_roster,
    swap,
)
from dutydesk.store.duty.staff import staff_by_name
from dutydesk.ui.duty.background import run_in_background
from dutydesk.ui.duty.common import pydate, show_message
from dutydesk.ui.duty.roster_view import RosterView, read_roster
from dutydesk.ui.forms import FormField, date_edit, message_label, push_button, show_errors
from dutydesk.ui.lazy_tabs import StagedBuild
from dutydesk.ui.page_layout import bar_last, body_first
from dutydesk.ui.page_loader import PageLoader
from dutydesk.ui.screen_fit import wide_enough_for_two_columns
from dutydesk.ui.theme import DUE_AMBER


class RosterPage(QWidget):
    changed = Signal(str)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.content = QWidget()
        self._layout = layout = QVBoxLayout(self.content)
        top = QHBoxLayout()
        today = desk.today()
        monday = today - dt.timedelta(days=today.weekday())
        self.start = date_edit(monday)
        self.end = date_edit(monday + dt.timedelta(days=27))
        self.start_field = FormField("开始日期", self.start)
        self.end_field = FormField("结束日期", self.end)
        self.keep_manual = QCheckBox("保留手工调整")
        self.keep_manual.setAccessibleName("保留手工调整")
        self.keep_manual.setChecked(True)
        self.generate_button = push_button("生成排班", self.do_generate, primary=True)
        for label, w in (("开始日期", self.start_field), ("结束日期", self.end_field)):
            top.addWidget(QLabel(label + "："))
            top.addWidget(w)
        top.addWidget(self.keep_manual)
        top.addWidget(self.generate_button)
        top.addStretch(1)
        layout.addLayout(top)

        self.table = QTableWidget()
        self.table.setAccessibleName("排班表")
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(100)  # the rest of the page first: it fits a 1366×768 laptop
        layout.addWidget(self.table, 1)
        self.problems = message_label("排班问题")
        layout.addWidget(self.problems)

        self.loader = PageLoader(self)  # the weeks' roster and its checks, off the GUI thread
        self.sessions: list = []
        self.days: list[dt.date] = []
        # On the screen at 字号 特大 (the rest scrolls above): the adjustments and the weekly review.
        self._column = body_first(self, self.content)
        # Issue 17: one part per event-loop turn once the app runs (at once in tests), each laid
        # out and styled in its own turn.
        self.steps = StagedBuild(self._build_edits, self._build_special, self._assemble, self.refresh)
        self.steps.start(self)

    def _build_edits(self) -> None:
        layout = self._layout
        self._edits = edits = QHBoxLayout()
        layout.addLayout(edits)
        edit_box = QGroupBox("手工调整（先在表中选中班次）")
        edits.addWidget(edit_box, 2)
        form = QFormLayout(edit_box)
        self.person = QComboBox()
        self.person_field = FormField("调整人员", self.person)
        row = QHBoxLayout()
        row.addWidget(self.person_field, 1)
        self.assign_button = push_button("安排到所选班次", self.do_assign)
        self.remove_button = push_button("从所选班次移出", self.do_remove)
        row.addWidget(self.assign_button)
        row.addWidget(self.remove_button)
        form.addRow("调整人员：", row)
        self.agreed = QLineEdit()
        self.agreed.setPlaceholderText("如：王委员、赵文书双方同意")
        self.agreed_field = FormField("双方同意", self.agreed)
        form.addRow("双方同意：", self.agreed_field)
        self.told = QLineEdit()
        self.told.setPlaceholderText("如：已电话告知李主任")
        self.told_field = FormField("告知主任", self.told)
        form.addRow("告知主任：", self.told_field)
        self.swap_button = push_button("对调所选两个班次", self.do_swap)
        self.edit_message = message_label("调整结果")
        form.addRow(self.edit_message)


    def _build_special(self) -> None:
        layout, edits, today = self._layout, self._edits, self.desk.today()
        special_box = QGroupBox("特殊时期（两委成员全员在岗）")
        edits.addWidget(special_box, 1)
        sform = QFormLayout(special_box)
        self.special_name = QLineEdit()
        self.special_name.setPlaceholderText("如：防汛期、森林防火期")
        self.special_start = date_edit(today)
        self.special_end = date_edit(today + dt.timedelta(days=14))
        self.special_fields = {"name": FormField("时期名称", self.special_name),
                               "start": FormField("起始日", self.special_start),
                               "end": FormField("截止日", self.special_end)}
        for key, label in (("name", "时期名称"), ("start", "起始日"), ("end", "截止日")):
            sform.addRow(label + "：", self.special_fields[key])
        self.special_button = push_button("添加特殊时期", self.do_special)
        self.special_list = QLabel()
        self.special_list.setAccessibleName("特殊时期列表")
        self.special_list.setWordWrap(True)
        sform.addRow(self.special_list)

        # Wide screens: the print buttons are a third column beside the two boxes.
        wide = wide_enough_for_two_columns(self)
        prints = QVBoxLayout() if wide else QHBoxLayout()
        self.print_button = push_button("打印公示牌", lambda: self.do_print("board", preview=True))
        self.board_pdf_button = push_button("公示牌存为PDF", lambda: self.do_print("board", preview=False))
        self.review_pdf_button = push_button("周例会回顾表PDF", lambda: self.do_print("review", preview=False))
        self.review_print_button = push_button("打印周例会回顾表", lambda: self.do_print("review", preview=True))
        for b in (self.print_button, self.board_pdf_button):
            b.setProperty("compact", True)  # occasional: they fit beside the forms at 字号 特大
            prints.addWidget(b)
        prints.addStretch(1)
        if wide:
            edits.addLayout(prints)
        else:
            layout.addLayout(prints)
        self.print_message = message_label("打印结果")
        layout.addWidget(self.print_message)

    def _assemble(self) -> None:
        self.start.dateChanged.connect(lambda _d: self.refresh())
        self.end.dateChanged.connect(lambda _d: self.refresh())
        bar_last(self._column, self.swap_button, self.special_button, self.review_print_button,
                 self.review_pdf_button)


    # -- reading -----------------------------------------------------------------------------
    @property
    def range(self) -> tuple[dt.date, dt.date]:
        return pydate(self.start.date()), pydate(self.end.date())

    def refresh(self) -> None:
        self.steps.complete()  # asked before the page is through building: finish it first
        start, end = self.range
        selected = self.selected_slots()
        desk = self.desk
        self.loader.load(lambda: read_roster(start, end, desk), lambda view: self._show(view, selected))

    def _show(self, view: RosterView, selected: list[tuple[dt.date, str]]) -> None:
        self.sessions = view.sessions
        self.days = view.days
        self.table.clear()
        headers = ["日期", "星期"] + [s.label() for s in self.sessions]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(view.rows))
        for r, row in enumerate(view.rows):
            self.table.setItem(r, 0, self._item(row.day))
            self.table.setItem(r, 1, self._item(row.weekday))
            for c, cell in enumerate(row.cells, start=2):
                item = self._item(cell.names)
                if cell.manual:
                    item.setToolTip("手工调整（重新生成时保留）")
                if cell.short:
                    item.setBackground(QColor("#FCE8C8"))
                    item.setForeground(QColor(DUE_AMBER))
                self.table.setItem(r, c, item)
        if view.rows:
            self.table.resizeColumnsToContents()
        for day, key in selected:
            if day in self.days and key in [x.key for x in self.sessions]:
                self.select(day, key, add=True)
        if view.problems:
            shown = "；".join(view.problems[:6])
            more = f"……共{len(view.problems)}处" if len(view.problems) > 6 else ""
            show_message(self.problems, f"排班问题：{shown}{more}", ok=False)
        elif view.rows:
            self.problems.setText("" if view.any_slot else "该时段尚未排班，点击“生成排班”。")
            self.problems.setStyleSheet("")
        if view.rows:
            keep = self.person.currentText()
            self.person.clear()
            self.person.addItems(view.names)
            if keep in view.names:
                self.person.setCurrentText(keep)
            self.special_list.setText(view.periods or "暂无特殊时期")

    @staticmethod
    def _item(text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        return item

    def selected_slots(self) -> list[tuple[dt.date, str]]:
        result = []
        for index in sorted(self.table.selectedIndexes(), key=lambda i: (i.row(), i.column())):
            if index.column() >= 2:
                result.append((self.days[index.row()], self.sessions[index.column() - 2].key))
        return result

    def select(self, day: dt.date, session_key: str, add: bool = False) -> None:
        """Select one roster cell (used by keyboard users via the table, and by tests)."""
        row = self.days.index(day)
        column = 2 + [s.key for s in self.sessions].index(session_key)
        if not add:
            self.table.clearSelection()
        self.table.item(row, column).setSelected(True)

    # -- writing -----------------------------------------------------------------------------
    def ask_accept(self, problems: list[str]) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("排班不完整")
        box.setText("生成的排班有以下问题：\n" + "\n".join(problems[:12])
                    + ("\n……" if len(problems) > 12 else "") + "\n\n仍然保存吗？")
        keep = box.addButton("仍然保存", QMessageBox.ButtonRole.AcceptRole)
        keep.setAccessibleName("仍然保存")
        cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
        cancel.setAccessibleName("取消")
        box.exec()
        return box.clickedButton() is keep

    def do_generate(self) -> None:
        start, end = self.range
        if end < start:
            show_errors({"end": self.end_field}, {"end": "结束日期不能早于开始日期"})
            return
        self.end_field.clear_error()
        if end < self.desk.today():
            self.start_field.set_error("已过去的日期不能重新排班")
            return
        self.start_field.clear_error()
        start = max(start, self.desk.today())
        calendar = self.desk.calendar()
        keep = self.keep_manual.isChecked()
        _slots, plan = plan_roster(start, end, calendar, keep)
        accept = False
        if plan.problems:
            if not self.ask_accept([p.message for p in plan.problems]):
                show_message(self.problems, "未保存：排班存在空缺或坐班时长不足。", ok=False)
                return
            accept = True
        try:
            save_roster(start, end, calendar, self.desk.who, self.desk.now(), keep, accept)
        except RosterProblems as exc:
            show_message(self.problems, str(exc), ok=False)
            return
        self.refresh()
        show_message(self.edit_message, f"已生成{start:%m月%d日}至{end:%m月%d日}的排班", ok=True)
        self.changed.emit("duty")

    def _one_slot(self) -> tuple[dt.date, str] | None:
        slots = self.selected_slots()
        if len(slots) != 1:
            show_message(self.edit_message, "请先在排班表中选中一个班次", ok=False)
            return None
        return slots[0]

    def do_assign(self) -> None:
        slot = self._one_slot()
        staff = staff_by_name(self.person.currentText())
        if slot is None:
            return
        if staff is None:
            self.person_field.set_error("请选择人员")
            return
        try:
            assign(slot[0], slot[1], staff, self.desk.who, self.desk.now())
        except RosterEditError as exc:
            self.person_field.set_error(next(iter(exc.errors.values())))
            return
        self.person_field.clear_error()
        show_message(self.edit_message, f"已安排{staff.name}于{slot[0]:%m月%d日}值班", ok=True)
        self.refresh()
        self.changed.emit("duty")

    def _slot_rows(self, day: dt.date, key: str) -> list[RosterSlot]:
        return roster_map(day, day).get((day, key), [])

    def do_remove(self) -> None:
        slot = self._one_slot()
        if slot is None:
            return
        rows = [r for r in self._slot_rows(*slot) if r.staff.name == self.person.currentText()]
        if not rows:
            self.person_field.set_error(f"{self.person.currentText()}不在所选班次")
            return
        try:
            clear_slot(rows[0], "手工移出", self.desk.who, self.desk.now())
        except RosterEditError as exc:
            self.person_field.set_error(next(iter(exc.errors.values())))
            return
        self.person_field.clear_error()
        show_message(self.edit_message, f"已将{rows[0].staff.name}移出该班次", ok=True)
        self.refresh()
        self.changed.emit("duty")

    def do_swap(self) -> None:
        """D08: the two selected slots' people change places; who agreed is recorded."""
        slots = self.selected_slots()
        if len(slots) != 2:
            show_message(self.edit_message, "请按住Ctrl在排班表中选中两个班次", ok=False)
            return
        pair = []
        chosen = self.person.currentText()
        for slot in slots:
            rows = self._slot_rows(*slot)
            if not rows:
                show_message(self.edit_message, f"{slot[0]:%m月%d日}该班次无人，无法对调", ok=False)
                return
            pair.append(next((r for r in rows if r.staff.name == chosen), rows[0]))
        try:
            swap(pair[0], pair[1], self.agreed.text(), self.told.text(), self.desk.who, self.desk.now())
        except RosterEditError as exc:
            show_errors({"agreed_by": self.agreed_field, "second": self.person_field}, exc.errors)
            if "agreed_by" not in exc.errors:
                show_message(self.edit_message, str(exc), ok=False)
            return
        show_errors({"agreed_by": self.agreed_field}, {})
        self.agreed.clear()
        self.told.clear()
        show_message(self.edit_message, f"已对调：{pair[0].staff.name} ⇄ {pair[1].staff.name}", ok=True)
        self.refresh()
        self.changed.emit("duty")

    def do_special(self) -> None:
        try:
            add_special_period(self.special_name.text(), pydate(self.special_start.date()),
                               pydate(self.special_end.date()), self.desk.who, self.desk.now())
        except RosterEditError as exc:
            show_errors(self.special_fields, exc.errors)
            return
        show_errors(self.special_fields, {})
        self.special_name.clear()
        self.refresh()
        show_message(self.edit_message, "已添加特殊时期；重新生成该时段排班后，两委成员全员在岗。", ok=True)

    # -- printing ----------------------------------------------------------------------------
    def ask_path(self, default_name: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, "保存PDF", str(Path.home() / default_name), "*.pdf")
        return Path(name) if name else None

    def build_pdf(self, which: str, path: Path) -> Path | None:
        """Read the books here (GUI thread), lay out the PDF in a worker thread."""
        now = self.desk.now()
        calendar = self.desk.calendar()
        if which == "board":
            from dutydesk.reports.roster_board import board_data, write_board_pdf

            data = board_data(*self.range, calendar, now)
            writer = write_board_pdf
        else:
            from dutydesk.reports.weekly_review import review_data, write_review_pdf

            data = review_data(self.desk.today(), calendar, now)
            writer = write_review_pdf

        def work(progress) -> Path:
            progress(30)
            return writer(data, path)

        result = run_in_background(self, "正在生成PDF…", work)
        if result.error or result.cancelled:
            show_message(self.print_message, f"未能生成PDF：{result.error or '已取消'}", ok=False)
            return None
        return path

    def do_print(self, which: str, preview: bool) -> None:
        start, end = self.range
        name = (f"值班公示_{start:%Y%m%d}-{end:%Y%m%d}.pdf" if which == "board"
                else f"周例会值班回顾_{self.desk.today():%Y%m%d}.pdf")
        if preview:
            path = self.desk.folder.path / "printouts" / name
        else:
            path = self.ask_path(name)
            if path is None:
                return
        if self.build_pdf(which, path) is None:
            return
        if preview:
            from dutydesk.ui.duty.printing import preview_dialog

            self.preview = preview_dialog(self, path, name)
            self.preview.exec()
        show_message(self.print_message, f"已生成：{path}", ok=True)
