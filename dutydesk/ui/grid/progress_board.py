"""走访进度: each cadre's progress for the month, quarter or year (G03, G04): what is required,
what is done, green / amber / red, and the households not yet visited, longest first."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from dutydesk.desk import Desk
from dutydesk.domain.grid import period as periods
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store.grid.quota import CadreProgress, board
from dutydesk.ui.forms import date_edit, message_label, push_button
from dutydesk.ui.grid.widgets import fill, table
from dutydesk.ui.lazy_tabs import StagedBuild
from dutydesk.ui.page_loader import PageLoader
from dutydesk.ui.panes import pane, side_by_side


def _span(line) -> str:
    if line.span.start == line.span.end:
        return "当前"
    return f"{line.span.start:%Y-%m-%d}至{line.span.end:%Y-%m-%d}"


class ProgressBoard(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.progress: list[CadreProgress] = []
        self._unvisited: Texts = []  # per cadre: the rows of 尚未走访的户
        self.loader = PageLoader(self)  # every cadre's households and visits: read off the GUI thread
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Issue 17: the period and the cadres first, the chosen cadre's tables in the next turn,
        # then the first reading (``lazy_tabs.StagedBuild``).
        self.steps = StagedBuild(self._build_cadres, self._build_detail, self._finish)
        self.steps.start(self, first_now=True)

    def _build_cadres(self) -> None:
        self.period = QComboBox()
        self.period.setAccessibleName("统计期间")
        for key, label in periods.PERIOD_LABELS.items():
            self.period.addItem(label, key)
        self.on = date_edit(self.desk.today(), "统计日期")
        bar = QHBoxLayout()
        for widget in (QLabel("统计期间："), self.period, QLabel("截至："), self.on,
                       push_button("回到今天", self.to_today)):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.cadres = table("干部走访进度", ["干部", "类别", "进度", "未走访户数"])
        self.right = pane()  # the chosen cadre's tables come in the next step
        self.layout().addWidget(side_by_side(pane(bar, (self.cadres, 1)), self.right, (430, 700)))

    def _build_detail(self) -> None:
        self.lines = table("走访要求", ["要求", "统计时段", "应完成", "已完成", "进度"])
        self.unvisited = table("尚未走访的户", ["户编码", "户主", "村民小组", "住址", "上次走访", "距今天数"])
        self.title = message_label("所选干部")
        column = self.right.layout()
        column.addWidget(self.title)
        column.addWidget(self.lines, 1)
        column.addWidget(QLabel("本期尚未走访的户（最久未走访的在前）"))
        column.addWidget(self.unvisited, 2)

    def _finish(self) -> None:
        self.cadres.itemSelectionChanged.connect(self.show_cadre)
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.on.dateChanged.connect(lambda _d: self.refresh())
        self.refresh()

    def to_today(self) -> None:
        self.on.setDate(self.desk.today())

    def refresh(self) -> None:
        period, on, calendar = self.period.currentData(), self.on.date().toPython(), self.desk.calendar()
        self.loader.load(lambda: _read_board(period, on, calendar), self._show)

    def _show(self, found: tuple[list[CadreProgress], Texts]) -> None:
        self.progress, self._unvisited = found
        rows = [(p.staff.name, p.kind_label, _worst_text(p), str(len(p.unvisited))) for p in self.progress]
        fill(self.cadres, rows, [p.status for p in self.progress], 2)
        if self.progress:
            self.cadres.selectRow(0)
        self.show_cadre()

    def show_cadre(self) -> None:
        row = self.cadres.currentRow()
        if not (0 <= row < len(self.progress)):
            self.title.setText("")
            fill(self.lines, [])
            fill(self.unvisited, [])
            return
        progress = self.progress[row]
        self.title.setText(f"{progress.staff.name}（{progress.kind_label}）"
                           f"{periods.PERIOD_LABELS[self.period.currentData()]}走访进度")
        fill(self.lines, [(line.label, _span(line), f"{line.required}{line.unit}", f"{line.done}{line.unit}",
                           line.status_label) for line in progress.lines],
             [line.status for line in progress.lines], 4)
        fill(self.unvisited, self._unvisited[row])


Texts = list[list[tuple[str, ...]]]


def _read_board(period: str, on: dt.date, calendar: WorkdayCalendar) -> tuple[list[CadreProgress], Texts]:
    """The board and, per cadre, the texts of the households not yet visited (read with the board,
    in the worker: a village has a thousand households). Days as ``isoformat()``: ``strftime``
    imports ``time`` on every call, through PySide's import hook, thousands of times here."""
    progress = board(period, on, calendar)
    return progress, [[(u.household.code, u.household.head.name, u.household.village_group, u.household.address,
                        u.last_visit.isoformat() if u.last_visit else "从未走访",
                        str(u.days_since(on)) if u.last_visit else "—") for u in p.unvisited] for p in progress]


def _worst_text(progress: CadreProgress) -> str:
    behind = [line for line in progress.lines if line.status != "ok"]
    if not behind:
        return "全部达标"
    return "；".join(f"{line.label}：{line.done}/{line.required}" for line in behind[:2])
