"""The 来访登记 tab: registration form on the left; 待跟进 panel and the register on the right.

Its handlers (declared in ``ui.tabs``) give F2 (新登记来访, in 文件) so a registration can start from
anywhere in the main window, and the director's 工作日日历 page in 工具.
"""

from __future__ import annotations

from functools import partial
from importlib import import_module
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.domain import visit_rules as rules
from dutydesk.store.datafolder import DeskError
from dutydesk.store.open_matters import OpenMatter
from dutydesk.ui.events import DeskEvents
from dutydesk.ui.forms import push_button
from dutydesk.ui.lazy_tabs import StagedBuild
from dutydesk.ui.menu_context import MenuContext, context_of
from dutydesk.ui.prefs import UiPrefs
from dutydesk.ui.screen_fit import PageScroll
from dutydesk.ui.visits.appointment_strip import AppointmentStrip, booked_appointment, prefill_form
from dutydesk.ui.visits.followup_panel import FollowupPanel

if TYPE_CHECKING:  # imported in the turns that build them (issue 17), or when a visit opens
    from dutydesk.ui.visits.detail import VisitDetailDialog
    from dutydesk.ui.visits.form import VisitForm
    from dutydesk.ui.visits.register_list import VisitListView

TAB_TITLE = "来访登记"


def missing_calendar_years(desk: Desk) -> list[int]:
    """This year and next (deadlines reach into it) when neither the package nor the center has them."""
    calendar = desk.calendar()
    today = desk.today()
    years = [today.year, today.year + 1] if today.month >= 11 else [today.year]
    return [y for y in years if not calendar.has_official_year(y) and not calendar.has_entered_year(y)]


class CalendarWarning(QWidget):
    """Warns once per year that the official holiday list is missing, and how to enter it."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.prefs = UiPrefs(desk.folder.ui_settings_path)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel("")
        self.label.setAccessibleName("日历提示")
        self.label.setWordWrap(True)
        # One slim line on the desk PC (1366×728): the register below needs the height more.
        self.label.setStyleSheet("background: #FFF4D6; padding: 2px 6px; border: 1px solid #E0B84C;")
        layout.addWidget(self.label, 1)
        self.dismiss = push_button("知道了", self.acknowledge)
        self.dismiss.setProperty("compact", True)
        layout.addWidget(self.dismiss)
        self.years: list[int] = []
        self.refresh()

    def _seen(self) -> set[int]:
        raw = self.prefs.get("visits/calendar_warned", "") or ""
        return {int(y) for y in str(raw).split(",") if y.strip().isdigit()}

    def refresh(self) -> None:
        self.years = [y for y in missing_calendar_years(self.desk) if y not in self._seen()]
        if self.years:
            years = "、".join(str(y) for y in self.years)
            self.label.setText(
                f"未内置 {years} 年法定节假日，期限暂按周末计算：请在“工具 → 工作日日历”录入或导入。")
            self.label.setToolTip(
                f"软件内置的国家法定节假日安排不含 {years} 年。请主任在“工具 → 工作日日历”中按国务院办公厅通知"
                f"录入放假和调休上班日，或导入 CSV/JSON 文件（格式见 README），或运行 dutydesk calendar import。")
        self.setVisible(bool(self.years))

    def acknowledge(self) -> None:
        seen = self._seen() | set(self.years)
        self.prefs.set("visits/calendar_warned", ",".join(str(y) for y in sorted(seen)))
        self.hide()


class VisitsTab(QWidget):
    """Its frame (the calendar warning, the two sides) at once; the form, the day's bookings with
    待跟进, and the register each in a turn of their own once the app runs (issue 17:
    ``lazy_tabs.StagedBuild``), their modules imported in the turn before."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.events: DeskEvents | None = None
        self.pending_appointment: int | None = None
        self.form: VisitForm | None = None
        self.appointments: AppointmentStrip | None = None
        self.followups: FollowupPanel | None = None
        self.register: VisitListView | None = None
        layout = QVBoxLayout(self)
        self.calendar_warning = CalendarWarning(desk)
        layout.addWidget(self.calendar_warning)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter, 1)
        self._left, self._right = QWidget(), QWidget()
        for side in (self._left, self._right):
            side_layout = QVBoxLayout(side)
            side_layout.setContentsMargins(0, 0, 0, 0)
            splitter.addWidget(side)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        self.staged = StagedBuild()
        self.staged.add(partial(import_module, "dutydesk.ui.visits.form"), self._build_form,
                        self._build_side_panels, partial(import_module, "dutydesk.ui.visits.register_list"),
                        self._build_register)
        self.staged.start(self)

    def _build_form(self) -> None:
        from dutydesk.ui.visits.form import VisitForm

        self.form = VisitForm(self.desk, staged=self.staged)
        scroll = PageScroll(self.form)
        scroll.setFrameShape(QScrollArea.Shape.StyledPanel)
        scroll.setMinimumWidth(280)
        left_layout = self._left.layout()
        left_layout.addWidget(scroll, 1)
        left_layout.addWidget(self.form.actions)  # 保存登记 stays in view however long the form
        self.form.saved.connect(self._saved)
        self.form.saved.connect(self._proxy_to_checklist)
        self.form.saved.connect(self._appointment_came)
        self.setFocusProxy(self.form.lookup.edit)

    def _build_side_panels(self) -> None:
        self.appointments = AppointmentStrip(self.desk)  # V14: the day's bookings
        self._right.layout().addWidget(self.appointments)
        self.followups = FollowupPanel(self.desk)
        self.followups.setMaximumHeight(220)
        self._right.layout().addWidget(self.followups)
        self.appointments.come.connect(self.take_appointment)
        self.followups.open_matter.connect(self._open_matter)

    def _build_register(self) -> None:
        from dutydesk.ui.visits.register_list import VisitListView

        self.register = VisitListView(self.desk)
        self._right.layout().addWidget(self.register, 1)
        self.register.open_visit.connect(self.open_visit)

    def set_events(self, events: DeskEvents) -> None:
        self.events = events
        events.changed.connect(self._changed_elsewhere)

    def _changed_elsewhere(self, kind: str) -> None:
        # A part not built yet reads fresh when it is.
        if self.followups is not None:
            self.followups.refresh()
        if self.appointments is not None:
            self.appointments.refresh()
        if kind == "calendar":
            self.calendar_warning.refresh()
        if kind == "visit" and self.register is not None:
            self.register.refresh()

    def _saved(self, _visit) -> None:
        if self.events is not None:
            self.events.changed.emit("visit")
        else:
            self._changed_elsewhere("visit")

    def _proxy_to_checklist(self, visit) -> None:
        """P02: a 代办 just registered goes straight on to its checklist (after the form is reset)."""
        if visit is not None and visit.outcome == rules.PROXY:
            QTimer.singleShot(0, self, lambda: self._open_checklist(visit.id))

    def _open_checklist(self, visit_id: int) -> None:
        from dutydesk.ui.notices.tab import open_checklist_for_visit

        open_checklist_for_visit(context_of(self), visit_id)

    def take_appointment(self, appointment_id: int) -> None:
        """V14: the booked person came: the form is filled in from the booking; saving links them."""
        appointment = booked_appointment(appointment_id)
        if appointment is None:
            return
        self.staged.complete()
        prefill_form(self.form, appointment)
        self.pending_appointment = appointment.id
        self.form.message.setText(f"预约到场：{appointment.person_name}，请选择事项类别和处理方式后保存")

    def _appointment_came(self, visit) -> None:
        from dutydesk.store.messages.appointments import AppointmentInvalid, mark_arrived

        appointment = booked_appointment(self.pending_appointment) if self.pending_appointment else None
        self.pending_appointment = None
        if appointment is not None and visit is not None and visit.person_name == appointment.person_name:
            try:
                mark_arrived(appointment, visit, self.desk.who, self.desk.now())
            except AppointmentInvalid:
                return
            self.appointments.refresh()

    def new_registration(self) -> None:
        """F2: a fresh form with the cursor in 查找群众."""
        self.staged.complete()
        self.pending_appointment = None
        self.form.start_new()
        self.form.lookup.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_visit(self, visit_id: int) -> VisitDetailDialog | None:
        from dutydesk.ui.visits.detail import VisitDetailDialog

        try:
            dialog = VisitDetailDialog(self.desk, visit_id, self)
        except DeskError as exc:  # A02: a record of the archive opens only in 档案查询
            QMessageBox.information(self, "请到档案查询", str(exc))
            return None
        dialog.changed.connect(lambda: self._saved(None))
        dialog.open()
        return dialog

    def _open_matter(self, matter: OpenMatter) -> None:
        if matter.kind == "visit" and matter.record_id:
            self.open_visit(matter.record_id)
        elif matter.kind == "message" and matter.record_id:  # V10: to the message, ready for 已转达
            from dutydesk.ui.messages.tab import show_message

            show_message(context_of(self), matter.record_id)


def new_registration(context: MenuContext) -> None:
    tab = context.open_tab("visits")  # built if it was not opened yet (ui.lazy_tabs)
    if isinstance(tab, VisitsTab):
        tab.new_registration()


def register_appointment(context: MenuContext | None, appointment_id: int) -> None:
    """V14: from a booking anywhere (今日值班, 留言预约) to the prefilled 来访登记 form."""
    if context is None:  # a page shown on its own, outside the main window
        return
    tab = context.open_tab("visits")
    if isinstance(tab, VisitsTab):
        tab.take_appointment(appointment_id)


def calendar_settings(context: MenuContext) -> None:
    from dutydesk.ui.visits.calendar_settings import CalendarSettingsDialog

    CalendarSettingsDialog(context.desk, context.window).exec()
    context.changed("calendar")


def merge_residents(context: MenuContext) -> None:
    from dutydesk.ui.visits.resident_merge import MergeResidentsDialog

    MergeResidentsDialog(context.desk, context.window).exec()
    context.changed("visit")


def summary(context: MenuContext) -> None:
    from dutydesk.ui.visits.summary_dialog import VisitSummaryDialog

    VisitSummaryDialog(context.desk, context.window).exec()


def build_visits_tab(desk: Desk) -> QWidget:
    return VisitsTab(desk)
