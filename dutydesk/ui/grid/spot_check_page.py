"""知晓率抽查 (G06): draw this month's households for each cadre, print the quiz sheet (no answers on
it), type in what the cadre answered, and print the results notice for publication.

Answers are typed into the table: 户主 as a name, 家庭人口 as a number, 重点人员 separated by 、
(blank or 无 for none), 最近走访 as a date (blank or 未走访 when the cadre says never)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.domain.day_text import DayTextError, parse_day
from dutydesk.store.grid import spot_check as checks
from dutydesk.ui.duty.common import show_message
from dutydesk.ui.forms import FormField, add_field, button_row, date_edit, message_label, push_button, show_errors
from dutydesk.ui.grid.printing import print_paper
from dutydesk.ui.grid.widgets import fill, table
from dutydesk.ui.lazy_tabs import StagedBuild
from dutydesk.ui.page_loader import PageLoader
from dutydesk.ui.panes import pane, side_by_side

ANSWER_HEADERS = ["户编码", "村民小组及住址", "户主", "家庭人口", "重点人员", "最近走访", "评分"]
FIRST_ANSWER = 2
NEVER = "未走访"


class SpotCheckPage(QWidget):
    saved = Signal()

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.shown: list[checks.SpotCheck] = []
        self.rows: list[checks.SpotCheckItem] = []
        self._items: dict[int, list[checks.SpotCheckItem]] = {}  # per check, read with the list
        self.loader = PageLoader(self)  # the month's checks, their households and results
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Issue 17: the two tables first, the buttons and the form in the next turn, then the
        # first reading (``lazy_tabs.StagedBuild``).
        self.steps = StagedBuild(self._build_tables, self._build_actions, self._finish)
        self.steps.start(self, first_now=True)

    def _build_tables(self) -> None:
        self.month = QLabel()
        self.checks = table("本月抽查", ["干部", "抽查户数", "抽查人", "知晓率", "评定"])
        self.answers = QTableWidget(0, len(ANSWER_HEADERS))
        self.answers.setAccessibleName("抽查回答")
        self.answers.setHorizontalHeaderLabels(ANSWER_HEADERS)
        self.answers.horizontalHeader().setStretchLastSection(True)
        self.left = pane(self.month, (self.checks, 1))
        self.right = pane(QLabel("照抽查表填写被抽查干部的回答；最近走访写日期，从未走访写“未走访”"), (self.answers, 1))
        self.layout().addWidget(side_by_side(self.left, self.right, (470, 650)))

    def _build_actions(self) -> None:
        self.message = message_label("抽查结果")
        column = self.left.layout()
        column.addLayout(button_row(push_button("抽取本月抽查户", self.draw, primary=True),
                                    push_button("打印抽查表", self.print_quiz), at_left=True))
        column.addLayout(button_row(push_button("打印结果公示", self.print_notice),
                                    push_button("作废所选抽查", self.void_selected), at_left=True))
        column.addWidget(self.message)
        self.checker = QLineEdit()
        self.day = date_edit(self.desk.today(), "抽查日期")
        box = QGroupBox("录入回答并评分")
        form = QFormLayout(box)
        self.fields = {"checker": add_field(form, FormField("抽查人", self.checker, "如：镇组织办 周干事")),
                       "checked_on": add_field(form, FormField("抽查日期", self.day))}
        self.answer_message = message_label("评分结果")
        column = self.right.layout()
        column.addWidget(box)
        column.addLayout(button_row(push_button("保存评分", self.save, primary=True), at_left=True))
        column.addWidget(self.answer_message)

    def _finish(self) -> None:
        self.checks.itemSelectionChanged.connect(self.show_check)
        self.refresh()

    @property
    def month_key(self) -> str:
        return checks.month_key(self.desk.today())

    def refresh(self) -> None:
        today = self.desk.today()
        self.month.setText(f"{today.year}年{today.month}月的包片知晓率抽查")
        month = self.month_key
        # The month's checks with their households and ratings: read off the GUI thread once the app runs.
        self.loader.load(lambda: _read_checks(month), self._show_checks)

    def _show_checks(self, found: tuple[list[checks.SpotCheck], list[tuple[str, ...]],
                                        dict[int, list[checks.SpotCheckItem]]]) -> None:
        row = self.checks.currentRow()
        self.shown, rows, self._items = found
        fill(self.checks, rows)
        if rows:
            self.checks.selectRow(row if 0 <= row < len(rows) else 0)  # the same cadre after a save
        self.show_check()

    def current(self) -> checks.SpotCheck | None:
        row = self.checks.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def show_check(self) -> None:
        check = self.current()
        self.rows = (self._items[check.id] if check.id in self._items else checks.items(check)) if check else []
        self.answers.setRowCount(len(self.rows))
        for r, item in enumerate(self.rows):
            h = item.household
            visit = ""
            if item.answered:
                visit = f"{item.answer_last_visit:%Y-%m-%d}" if item.answer_last_visit else NEVER
            cells = [h.code, " ".join(x for x in (h.village_group, h.address) if x),
                     item.answer_head if item.answered else "",
                     str(item.answer_members) if item.answered else "",
                     item.answer_tags.replace(",", "、"), visit,
                     f"答对{item.right}/{len(checks.rules.QUESTIONS)}" if item.answered else ""]
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if not FIRST_ANSWER <= c < FIRST_ANSWER + 4:
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.answers.setItem(r, c, cell)
        self.answers.resizeColumnsToContents()
        if check is not None and check.checker:
            self.checker.setText(check.checker)

    def draw(self) -> None:
        try:
            made = checks.draw_month(self.desk.today(), self.desk.who, self.desk.now())
        except checks.SpotCheckInvalid as exc:
            show_message(self.message, next(iter(exc.errors.values())), ok=False)
            return
        show_message(self.message, f"已抽取{len(made)}名干部的抽查户（随机数{made[0].seed}），请打印抽查表", ok=True)
        self.saved.emit()
        self.refresh()

    def _cell(self, row: int, column: int) -> str:
        item = self.answers.item(row, column)
        return item.text().strip() if item is not None else ""

    def save(self) -> None:
        check = self.current()
        if check is None:
            show_message(self.answer_message, "请先抽取并选中一名干部的抽查", ok=False)
            return
        answers = {}
        for r, item in enumerate(self.rows):
            head, members, tags, visit = (self._cell(r, FIRST_ANSWER + i) for i in range(4))
            if not head and not members:
                continue  # not asked yet
            try:
                day = None if visit in ("", NEVER) else parse_day(visit, "最近走访日期")
            except DayTextError as exc:
                show_message(self.answer_message, f"第{r + 1}行：{exc}", ok=False)
                return
            answers[item.id] = checks.Answer(head, members, tags, day)
        if not answers:
            show_message(self.answer_message, "请先填写回答", ok=False)
            return
        try:
            checks.record_answers(check, self.checker.text(), self.day.date().toPython(), answers, self.desk.who,
                                  self.desk.now())
        except checks.SpotCheckInvalid as exc:
            show_errors(self.fields, {k: v for k, v in exc.errors.items() if k in self.fields})
            show_message(self.answer_message, "未保存：" + "；".join(exc.errors.values()), ok=False)
            return
        show_errors(self.fields, {})
        self.refresh()  # keeps this cadre selected
        result = next((r for r in checks.results(self.month_key) if r.check.id == check.id), None)
        text = f"已评分：{check.staff.name} 知晓率{result.rate:.0%}（{result.rating}）" if result else "已保存"
        show_message(self.answer_message, text, ok=True)
        self.saved.emit()

    def print_quiz(self) -> None:
        if not self.shown:
            show_message(self.message, "本月尚未抽取，请先点“抽取本月抽查户”", ok=False)
            return
        from dutydesk.reports.spot_check_papers import render_quiz  # reportlab: on first print

        print_paper(self, self.desk, f"包片知晓率抽查表_{self.month_key}",
                    lambda center, path: render_quiz(self.shown, center, path), self.message)

    def print_notice(self) -> None:
        if not checks.results(self.month_key):
            show_message(self.message, "本月还没有评分结果", ok=False)
            return
        from dutydesk.reports.spot_check_papers import render_results_notice  # reportlab: on first print

        day: dt.date = self.desk.today()
        print_paper(self, self.desk, f"包片知晓率抽查结果公示_{self.month_key}",
                    lambda center, path: render_results_notice(self.month_key, center, day, path), self.message)

    def void_selected(self) -> None:
        """A draw made by mistake is voided with a reason; the cadre can then be drawn again."""
        from dutydesk.ui.grid.diary_page import ask_reason

        check = self.current()
        if check is None:
            show_message(self.message, "请先在列表中选中一名干部的抽查", ok=False)
            return
        if ask_reason(self, f"作废抽查：{check.staff.name}", lambda reason: checks.void_check(
                check, self.desk.who, self.desk.now(), reason)):
            show_message(self.message, f"已作废：{check.staff.name}本月的抽查，可重新抽取", ok=True)
            self.saved.emit()
            self.refresh()


def _read_checks(month: str) -> tuple[list[checks.SpotCheck], list[tuple[str, ...]],
                                      dict[int, list[checks.SpotCheckItem]]]:
    """The month's checks, their rows (households drawn, checker, rate and rating, G06) and each
    check's households; read in a worker once the app runs."""
    shown = checks.checks(month)
    rated = {r.check.id: r for r in checks.results(month)}
    items = {c.id: checks.items(c) for c in shown}
    rows = []
    for c in shown:
        r = rated.get(c.id)
        rows.append((c.staff.name, str(len(items[c.id])), c.checker or "未录入",
                     f"{r.rate:.0%}" if r else "", r.rating if r else ""))
    return shown, rows, items
