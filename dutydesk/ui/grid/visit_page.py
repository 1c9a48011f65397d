"""入户走访: enter a household visit in seconds from the keyboard (G03), and the recent ones.

Type the head's name, initials, address or household code in 查找户, Enter takes it and puts the
cursor in 走访情况; the area's responsible cadre (G01) is filled in; each line of 群众诉求 is one
need and, unless unticked, becomes a matter of 来访登记 with its promised deadline. Ctrl+S saves.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.domain import visit_rules as rules
from dutydesk.store.grid import household_visit as hv
from dutydesk.store.grid.area import responsible
from dutydesk.store.grid.household import Household
from dutydesk.store.privacy import text_masker
from dutydesk.ui.forms import FormField, add_field, button_row, date_edit, message_label, push_button, show_errors
from dutydesk.ui.grid.household_lookup_box import HouseholdLookupBox, describe
from dutydesk.ui.grid.widgets import cadre_box, fill, select_data, short, table
from dutydesk.ui.lazy_tabs import StagedBuild
from dutydesk.ui.page_layout import add_pair, columns, page_with_actions
from dutydesk.ui.page_loader import PageLoader
from dutydesk.ui.panes import pane

NEED_OUTCOMES = {"代办（本中心跟进办理）": (rules.PROXY, ""), "上报镇里": (rules.ESCALATE, "镇")}
RECENT_DAYS = 31
NEEDS_HINT = "一行一件；每件登记为一条来访事项"
LOOKUP_HINT = "输入户主或成员姓名、拼音首字母、住址或户编码，回车选中"


class HouseholdVisitPage(QWidget):
    saved = Signal(object)  # HouseholdVisit

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.household: Household | None = None
        self.loader = PageLoader(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Issue 17: the list first, the form in the next turn, then the first reading (``lazy_tabs.StagedBuild``).
        self.steps = StagedBuild(self._build_frame, self._build_form, self._build_form_rest,
                                      self._finish)
        self.steps.start(self, first_now=True)

    def _build_frame(self) -> None:
        self._build_recent()
        self.form_pane = pane()  # the form comes in the next step
        self.layout().addWidget(columns(self.form_pane, self.recent_pane, (520, 600), self))

    def _finish(self) -> None:
        self._wire()
        self.refresh()

    def _build_form(self) -> None:
        """The form's first fields (which household, when, who) and its frame; the rest next turn."""
        today = self.desk.today()
        self.lookup = HouseholdLookupBox()
        self.chosen = message_label("走访的户")
        self.day = date_edit(today)
        self.kind = QComboBox()
        self.kind.addItems(hv.KINDS)
        self.cadre = cadre_box(today, "走访干部")
        self.second = cadre_box(today, "同行干部", blank="（无）")
        box = QGroupBox("登记入户走访")
        self.form = QFormLayout(box)
        # Short fields go two to a row, so the form fits a 1366×768 laptop with 字号 大.
        self.fields = {"household": add_field(self.form, FormField("查找户", self.lookup.edit, LOOKUP_HINT))}
        self.fields["day"], self.fields["kind"] = add_pair(self.form, FormField("走访日期", self.day),
                                                           FormField("走访类型", self.kind))
        self.fields["cadres"], self.fields["second"] = add_pair(self.form, FormField("走访干部", self.cadre),
                                                                FormField("同行干部", self.second))
        # The finder's list opens right under its line.
        household_field = self.fields["household"]
        household_field.layout().insertWidget(1, self.lookup.results)
        household_field.layout().insertWidget(2, self.lookup.none_label)
        # The chosen household shows where the hint was (the hint is back once the choice is dropped).
        household_field.layout().addWidget(self.chosen)
        self.lookup_hint = next(label for label in household_field.findChildren(QLabel)
                                if label.property("role") == "hint")
        self._show_chosen("")
        self.message = message_label("保存结果")
        self.actions = pane()  # 保存 and the tick box come with the other fields
        # At 字号 特大 the form scrolls; 保存 (with the tick box decided just before it) stays in view.
        self.form_pane.layout().addWidget(page_with_actions(pane(box, self.message), (self.actions, 1)))

    def _build_form_rest(self) -> None:
        """What was found and asked, how the needs go on, and the buttons."""
        self.found = QPlainTextEdit()
        self.found.setTabChangesFocus(True)
        self.needs = QPlainTextEdit()
        self.needs.setTabChangesFocus(True)
        self.found.setMinimumHeight(120)
        self.needs.setMaximumHeight(110)
        self.register = QCheckBox("诉求登记到来访登记（渠道：入户走访，首问责任人为走访干部）")
        self.register.setAccessibleName("诉求登记到来访登记")
        self.register.setChecked(True)
        self.outcome = QComboBox()
        self.outcome.addItems(list(NEED_OUTCOMES))
        self.deadline = QComboBox()
        for key, (label, _setting) in rules.DEADLINE_KINDS.items():
            self.deadline.addItem(label, key)
        select_data(self.deadline, "review")
        self.fields["found"] = add_field(self.form, FormField("走访情况", self.found))
        self.fields["needs"] = add_field(self.form, FormField("群众诉求", self.needs, NEEDS_HINT))
        self.fields["outcome"], self.fields["deadline_kind"] = add_pair(
            self.form, FormField("处理方式", self.outcome), FormField("承诺时限", self.deadline))
        self.save_button = push_button("保存走访 (Ctrl+S)", self.save, primary=True)
        clear = push_button("清空", self.start_new)
        self.actions.layout().addWidget(self.register)
        self.actions.layout().addLayout(button_row(clear, self.save_button))

    def _build_recent(self) -> None:
        self.recent = table("近期入户走访", ["日期", "户", "类型", "走访干部", "走访情况", "诉求"])
        self.shown: list[int] = []  # the ids of the visits listed
        self.void_message = message_label("作废结果")
        self.recent_pane = pane(QLabel(f"近{RECENT_DAYS}天的入户走访"), (self.recent, 1),
                                button_row(push_button("作废所选走访", self.void_selected), at_left=True),
                                self.void_message)

    def _wire(self) -> None:
        self.lookup.picked.connect(self.take_household)
        self.lookup.edit.textEdited.connect(self._typed_again)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def take_household(self, household: Household) -> None:
        """G01: the area's responsible cadre (the partner while the owner is away) goes first."""
        self.household = household
        self.lookup.edit.blockSignals(True)
        self.lookup.edit.setText(household.code)
        self.lookup.edit.blockSignals(False)
        self._show_chosen(describe(household))
        if household.area_id is not None:
            who = responsible(household.area, self.desk.now())
            if who.staff is not None:
                select_data(self.cadre, who.staff.id)
        self.fields["household"].clear_error()
        self.found.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_chosen(self, text: str) -> None:
        self.chosen.setText(text)
        self.chosen.setVisible(bool(text))
        self.lookup_hint.setVisible(not text)

    def _typed_again(self, _text: str) -> None:
        """Typing in 查找户 after choosing drops the choice: the form never saves a stale household."""
        if self.household is not None:
            self.household = None
            self._show_chosen("")

    def draft(self) -> hv.HouseholdVisitDraft:
        cadres = [self.cadre.currentData()]
        if self.second.currentData() is not None:
            cadres.append(self.second.currentData())
        outcome, level = NEED_OUTCOMES[self.outcome.currentText()]
        needs = [hv.NeedDraft(line, register=self.register.isChecked(), outcome=outcome,
                              deadline_kind=self.deadline.currentData(), escalate_level=level)
                 for line in self.needs.toPlainText().splitlines() if line.strip()]
        return hv.HouseholdVisitDraft(self.day.date().toPython(), self.household.id if self.household else None,
                                      [c for c in cadres if c is not None], self.kind.currentText(),
                                      self.found.toPlainText(), needs)

    def save(self) -> None:
        try:
            visit = hv.record_household_visit(self.draft(), self.desk.who, self.desk.now(), self.desk.calendar())
        except hv.HouseholdVisitInvalid as exc:
            show_errors(self.fields, exc.errors)
            if "household" in exc.errors:
                self.lookup.edit.setFocus()
            self.message.setText("未保存：请按提示修改")
            return
        show_errors(self.fields, {})
        matters = [n.matter for n in hv.needs(visit) if n.matter_id is not None]
        text = f"已保存：{visit.household.head.name}户 {visit.kind}（{visit.cadre_names}）"
        if matters:
            dues = "、".join(f"{m.ref}（{m.deadline:%m-%d}前办结）" for m in matters if m.deadline)
            text += f"；诉求{len(matters)}件已登记到来访登记：{dues}"
        self.start_new()
        self.message.setText(text)
        self.saved.emit(visit)

    def start_new(self) -> None:
        self.household = None
        self.lookup.clear()
        self._show_chosen("")
        self.found.clear()
        self.needs.clear()
        self.message.setText("")
        self.day.setDate(self.desk.today())
        show_errors(self.fields, {})
        self.lookup.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.refresh()

    def refresh(self) -> None:
        today, account = self.desk.today(), self.desk.account
        # A month of the village's visits: read off the GUI thread once the app runs (``ui.page_loader``).
        self.loader.load(lambda: _read_recent(today, account), self._show_recent)

    def _show_recent(self, found: tuple[list[int], list[tuple[str, ...]]]) -> None:
        self.shown, rows = found
        fill(self.recent, rows)

    def void_selected(self) -> None:
        """A visit entered wrongly is voided with a reason; matters it registered stay in 来访登记."""
        from dutydesk.ui.grid.diary_page import ask_reason

        row = self.recent.currentRow()
        if not (0 <= row < len(self.shown)):
            self.void_message.setText("请先在列表中选中一次走访")
            return
        visit = hv.HouseholdVisit.get_by_id(self.shown[row])
        if ask_reason(self, "作废入户走访", lambda reason: hv.void_household_visit(
                visit, self.desk.who, self.desk.now(), reason)):
            self.void_message.setText(f"已作废：{visit.day:%m-%d} {visit.household.head.name}户的走访")
            self.refresh()
            self.saved.emit(visit)


def _read_recent(today: dt.date, account) -> tuple[list[int], list[tuple[str, ...]]]:
    """The last month's household visits: their ids and rows (masked for ``account``, V09)."""
    lines = hv.recent_lines(today - dt.timedelta(days=RECENT_DAYS), today)
    masked = text_masker(account)
    return [line[0] for line in lines], [
        (day.isoformat()[5:], f"{code} {head}户", kind, cadres, short(masked(found)), short(masked(needs)))
        for _id, day, code, head, kind, cadres, found, needs in lines]
