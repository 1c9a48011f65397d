"""The 待跟进 panel: matters due within a working day or overdue, from every feature's open
matters (visits, proxy cases ...), so nothing promised is forgotten (V03, V04).

收起 folds the list away to its title, which keeps the counts, so the register below it gets the
room on a small screen; the panel stays folded (or open) the next time, per data folder."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from dutydesk.desk import Desk
from dutydesk.domain import visit_rules as rules
from dutydesk.domain.calendar_years import deadline_text
from dutydesk.domain.labels import label as code_label
from dutydesk.store.open_matters import OpenMatter, merged
from dutydesk.ui.forms import push_button
from dutydesk.ui.open_matters_feed import feed
from dutydesk.ui.prefs import UiPrefs
from dutydesk.ui.theme import DUE_AMBER, OVERDUE_RED

URGENT = (rules.URGENCY_OVERDUE, rules.URGENCY_DUE_SOON)
SHOWN = 300  # a list longer than this is not read; the title still counts them all
FOLDED_PREF = "visits/followups_folded"


def urgent_matters(desk: Desk) -> list[OpenMatter] | None:
    """The matters overdue or due soon, from the open matters the window's worker read
    (``ui.open_matters_feed``); None until the first answer is there."""
    urgent = _urgent(desk)
    return None if urgent is None else list(urgent)


def _urgent(desk: Desk) -> tuple[OpenMatter, ...] | None:
    """The same tuple while the open matters are the same (the panel is not filled again)."""
    parts = feed().parts(desk)
    if parts is None:
        return None
    daily, timed = parts
    cached = _urgent_cache.get("last")
    if cached is not None and cached[0] is daily and cached[1] == timed:
        return cached[2]
    urgent = tuple(m for m in merged(daily, timed) if m.status in URGENT)
    _urgent_cache["last"] = (daily, timed, urgent)  # the 60 s status refresh: not 25,000 matters again
    return urgent


_urgent_cache: dict[str, tuple[tuple[OpenMatter, ...], tuple[OpenMatter, ...], tuple[OpenMatter, ...]]] = {}
READING = "正在读取…"


def followup_status_text(desk: Desk) -> str:
    """Status-bar text: how many matters are overdue or due soon (empty when none)."""
    matters = urgent_matters(desk)
    if matters is None:
        return f"待跟进：{READING}"
    if not matters:
        return ""
    overdue = sum(1 for m in matters if m.status == rules.URGENCY_OVERDUE)
    return f"待跟进：超期 {overdue} 件，即将到期 {len(matters) - overdue} 件"


class FollowupPanel(QWidget):
    """Visible list of urgent matters; ``open_matter(matter)`` when one is activated."""

    open_matter = Signal(object)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel("待跟进")
        self.title.setProperty("role", "title")
        self.title.setAccessibleName("待跟进标题")
        self.fold = push_button("收起", self.toggle_folded)
        self.fold.setProperty("compact", True)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.fold)
        layout.addLayout(header)
        self.list = QListWidget()
        self.list.setAccessibleName("待跟进")
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(40)
        self.list.itemActivated.connect(self._activated)
        self.list.itemDoubleClicked.connect(self._activated)
        layout.addWidget(self.list)
        self.prefs = UiPrefs(desk.folder.ui_settings_path)
        self.set_folded(str(self.prefs.get(FOLDED_PREF, "false")).lower() == "true")
        self.matters: list[OpenMatter] = []
        self._shown: tuple[OpenMatter, ...] | None = None
        feed().ready.connect(self.refresh)  # read after a change in a worker: shown when there
        self.refresh()

    def refresh(self) -> None:
        found = _urgent(self.desk)
        if found is None:  # the first reading is on its way
            self.title.setText(f"待跟进（{READING}）")
            return
        if found is self._shown:  # the same matters: the list is not built again (issue 17)
            return
        self._shown = found
        self.matters = list(found)
        self.list.clear()
        calendar = self.desk.calendar()
        overdue = sum(1 for m in self.matters if m.status == rules.URGENCY_OVERDUE)
        self.title.setText(f"待跟进（超期 {overdue} 件，即将到期 {len(self.matters) - overdue} 件）")
        for matter in self.matters[:SHOWN]:
            label = code_label("urgency", matter.status)
            due = deadline_text(matter.due, calendar, "%m月%d日") if matter.due else ""
            item = QListWidgetItem(f"【{label}】{due}　{matter.ref}　{matter.summary}")
            item.setForeground(QColor(OVERDUE_RED if matter.status == rules.URGENCY_OVERDUE else DUE_AMBER))
            item.setData(Qt.ItemDataRole.UserRole, matter)
            self.list.addItem(item)
        if len(self.matters) > SHOWN:
            more = len(self.matters) - SHOWN
            self.list.addItem(QListWidgetItem(f"……另有 {more} 件，请在列表中勾选“只看超期”查看"))
        if not self.matters:
            self.list.addItem(QListWidgetItem("没有即将到期或超期的事项"))

    def is_folded(self) -> bool:
        return self.list.isHidden()

    def set_folded(self, folded: bool) -> None:
        """Show only the title with its counts (folded), or the list under it as well."""
        self.list.setHidden(folded)
        self.fold.setText("展开" if folded else "收起")
        self.fold.setAccessibleName("展开待跟进" if folded else "收起待跟进")
        self.fold.setToolTip("显示待跟进事项列表" if folded else "只留标题和件数，让出位置给来访记录")

    def toggle_folded(self) -> None:
        self.set_folded(not self.is_folded())
        self.prefs.set(FOLDED_PREF, "true" if self.is_folded() else "false")

    def _activated(self, item: QListWidgetItem) -> None:
        matter = item.data(Qt.ItemDataRole.UserRole)
        if matter is not None:
            self.open_matter.emit(matter)
