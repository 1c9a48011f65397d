"""会议学习 page: the month's meetings and study sessions, attendance taken at each with the duty
sign-in identity (own PIN, or 代签 on the principal leader's authority), and the minutes (D17, D05,
A04). The rules and the numbers live in ``store.duty.meetings``; this page only shows and calls it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.domain import meeting_rules as rules
from dutydesk.reports.ledger import write_ledger
from dutydesk.reports.ledgers import LEDGERS, Period
from dutydesk.store.accounts.account import principal_leaders
from dutydesk.store.duty.meetings import (
    MeetingInvalid,
    MeetingSession,
    add_session,
    attendance_between,
    attendance_of,
    meeting_plan,
    minutes_kept,
    plan_month,
    proxy_sign_meeting,
    record_minutes,
    session_summary,
    sign_meeting,
    summary_text,
    void_session,
)
from dutydesk.store.duty.staff import active_staff, staff_by_name
from dutydesk.store.privacy import mask_text
from dutydesk.ui.duty.background import run_in_background
from dutydesk.ui.duty.common import pydate, show_message, staff_combo, table_view
from dutydesk.ui.duty.table_model import PagedTableModel, list_source
from dutydesk.ui.duty.void_sign_in_dialog import VoidSignInDialog
from dutydesk.ui.forms import (
    FormField,
    add_field,
    date_edit,
    message_label,
    password_edit,
    push_button,
    show_errors,
)
from dutydesk.ui.lazy_tabs import StagedBuild
from dutydesk.ui.page_layout import ScrolledPages, bar_last, body_holder, columns
from dutydesk.ui.page_loader import PageLoader
from dutydesk.ui.theme import DUE_AMBER, MUTED, OK_GREEN, OVERDUE_RED

SESSION_HEADERS = ["日期", "时间", "类型", "主题", "考勤", "会议记录"]
LINE_HEADERS = ["姓名", "职务", "考勤"]
LINE_COLOURS = {rules.PRESENT: OK_GREEN, rules.ON_LEAVE: MUTED, rules.ABSENT: OVERDUE_RED, rules.WAITING: DUE_AMBER}


def plan_text(plan: rules.MeetingPlan) -> str:
    review = "每周一" if plan.review_every_weeks <= 1 else f"每{plan.review_every_weeks}周的周一"
    if plan.study_mode == rules.FIRST_TUESDAY:
        study = f"每月第一周周二{plan.study_start:%H:%M}专题学习"
    else:
        study = f"每月{plan.study_times}个周一下午{plan.study_start:%H:%M}集中学习"
    return f"安排：{review}{plan.review_start:%H:%M}周例会；{study}（在“工具→会议学习设置”中修改）"


def _compact(button: QPushButton) -> QPushButton:
    """An occasional action: normal text, less height (the page fits a laptop at 字号 大)."""
    button.setProperty("compact", True)
    return button


class MeetingPage(QWidget):
    changed = Signal(str)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._summaries: dict[int, str] = {}  # per session id, read with the month's list
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 0)
        self.current = QLabel()
        self.current.setAccessibleName("所选会议")
        self.current.setWordWrap(True)
        layout.addWidget(self.current)  # above the parts: each part acts on this meeting
        # Three parts of its own each, so the page fits a laptop screen at 字号 大 (screen fit).
        self.parts = ScrolledPages()
        self.parts.setAccessibleName("会议学习页面")
        layout.addWidget(self.parts, 1)
        self._schedule, self._new_form = self._part(), self._part()
        self._lines_part, self._signing_form = self._part(), self._part()
        self._minutes_part = QWidget()
        QVBoxLayout(self._minutes_part)
        self._month_shown = self._month_of(desk.today())  # the month whose list is read
        self._lines_of: MeetingSession | None = None  # the meeting whose 签到情况 is read
        self.loader = PageLoader(self)  # the month's list: a month of attendance, off the GUI thread
        self.lines_loader = PageLoader(self)
        # Issue 17: one part per event-loop turn once the app runs (at once in tests). A part is
        # laid out empty, then filled in (laid out and styled) in a turn of its own, its button bar
        # last. At 字号 特大 a part's form scrolls; its buttons stay on the screen.
        self.steps = StagedBuild(self._add_schedule, lambda: self._build_sessions(self._schedule.layout()),
                               self._add_new_session, self._add_signing_part, self._add_signing, self._add_minutes,
                               self.refresh)
        self.steps.start(self)

    def _add_schedule(self) -> None:
        new_session, self._new_column = body_holder(self._new_form)
        self.parts.addTab(self._two(self._schedule, new_session, (780, 520)), "会议安排")

    def _add_minutes(self) -> None:
        self.parts.addTab(self._minutes_part, "会议记录")
        self._build_minutes(self._minutes_part.layout())

    def _add_new_session(self) -> None:
        self._build_new_session(self._new_form.layout())
        self._new_form.layout().addStretch(1)
        bar_last(self._new_column, self.add_button)

    def _add_signing_part(self) -> None:
        signing, self._signing_column = body_holder(self._signing_form)
        self.signing = self._two(self._lines_part, signing, (620, 680))
        self.parts.addTab(self.signing, "会议签到")

    def _add_signing(self) -> None:
        self._build_attendance(self._lines_part.layout(), self._signing_form.layout())
        bar_last(self._signing_column, (self.proxy_button, 1), self.void_sign_button)
        self.table.activated.connect(lambda _index: self.parts.setCurrentWidget(self.signing))

    # -- building ----------------------------------------------------------------------------
    @staticmethod
    def _part() -> QWidget:
        part = QWidget()
        QVBoxLayout(part).setContentsMargins(0, 0, 0, 0)
        return part

    def _two(self, first: QWidget, second: QWidget, sizes: tuple[int, int]) -> QWidget:
        """``first`` beside ``second`` (one above the other on a narrow screen), as one part."""
        part = QWidget()
        QVBoxLayout(part).addWidget(columns(first, second, sizes, self))
        return part

    def _build_sessions(self, layout: QVBoxLayout) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("月份："))
        self.month = QDateEdit()
        self.month.setAccessibleName("会议月份")
        self.month.setDisplayFormat("yyyy年MM月")
        today = self.desk.today()
        self.month.setDate(QDate(today.year, today.month, 1))
        self.month.dateChanged.connect(lambda _d: self.refresh())
        top.addWidget(self.month)
        top.addWidget(_compact(push_button("生成本月安排", self.do_plan)))
        top.addStretch(1)
        top.addWidget(_compact(push_button("导出考勤表Excel", lambda: self.export("xlsx"))))
        top.addWidget(_compact(push_button("导出考勤表PDF", lambda: self.export("pdf"))))
        layout.addLayout(top)
        self.plan_label = QLabel()
        self.plan_label.setAccessibleName("会议安排说明")
        self.plan_label.setWordWrap(True)
        layout.addWidget(self.plan_label)
        self.sessions = PagedTableModel(SESSION_HEADERS, list_source(self._month_sessions), self._session_cells)
        self.table = table_view("会议安排")
        self.table.setModel(self.sessions)
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_session())
        layout.addWidget(self.table, 1)
        cancel_row = QHBoxLayout()
        self.cancel_reason = QLineEdit()
        self.cancel_field = FormField("取消原因", self.cancel_reason,
                                      "未按计划召开的会议须取消并写明原因，否则全体计缺席")
        label = QLabel("取消原因：")
        label.setBuddy(self.cancel_reason)
        cancel_row.addWidget(label)
        cancel_row.addWidget(self.cancel_field, 1)
        cancel_row.addWidget(_compact(push_button("取消所选会议", self.do_cancel)))
        layout.addLayout(cancel_row)
        self.plan_message = message_label("会议安排提示")
        layout.addWidget(self.plan_message)

    def _build_new_session(self, layout: QVBoxLayout) -> None:
        box = QGroupBox("新增会议或学习（计划外的专题学习、临时会议）")
        layout.addWidget(box)
        form = QFormLayout(box)
        self.kind = QComboBox()
        self.kind.addItems(rules.KINDS)
        self.new_day = date_edit(self.desk.today())
        self.new_start = QLineEdit("14:30")
        self.new_topic = QLineEdit()
        self.new_fields = {
            "kind": add_field(form, FormField("会议类型", self.kind)),
            "day": add_field(form, FormField("安排日期", self.new_day)),
            "start_time": add_field(form, FormField("开始时间", self.new_start)),
            "topic": add_field(form, FormField("会议主题", self.new_topic)),
        }
        self.add_button = push_button("新增会议", self.do_add)

    def _build_attendance(self, layout: QVBoxLayout, side: QVBoxLayout) -> None:
        self.lines = PagedTableModel(LINE_HEADERS, list_source(self._lines),
                                     lambda line: [line.staff.name, line.staff.role, line.text],
                                     lambda line: LINE_COLOURS.get(line.status), 2)
        self.line_table = table_view("签到情况")
        self.line_table.setModel(self.lines)
        layout.addWidget(self.line_table, 1)
        box = QGroupBox("会议签到（本人输入签到密码，与值班签到相同）")
        side.addWidget(box)
        side.addStretch(1)
        form = QFormLayout(box)
        self.person = staff_combo("签到人员")
        self.pin = password_edit()
        self.sign_fields = {
            "staff": add_field(form, FormField("签到人员", self.person)),
            "pin": add_field(form, FormField("会议签到密码", self.pin)),
        }
        self.sign_button = push_button("会议签到（Ctrl+Enter）", self.do_sign, primary=True)
        self.sign_button.setShortcut("Ctrl+Return")
        form.addRow(self.sign_button)
        self.leader = QComboBox()
        self.leader_password = password_edit()
        self.proxy_reason = QLineEdit()
        self.proxy_fields = {
            "principal": add_field(form, FormField("会议代签授权领导", self.leader)),
            "principal_password": add_field(form, FormField("会议代签领导密码", self.leader_password)),
            "reason": add_field(form, FormField("会议代签原因", self.proxy_reason)),
        }
        # 作废签到 is occasional: a compact button beside 代签 (both in the part's action bar)
        self.proxy_button = _compact(push_button("会议代签（须主要领导授权）", self.do_proxy))
        self.void_sign_button = push_button("作废所选签到", self.do_void_sign_in)
        self.void_sign_button.setProperty("compact", True)
        self.void_sign_button.setToolTip("在“签到情况”中选中签错的人员，填写原因后作废其签到；作废记录保留备查")
        self.sign_message = message_label("会议签到提示")
        form.addRow(self.sign_message)

    def _build_minutes(self, layout: QVBoxLayout) -> None:
        box = QGroupBox("会议记录（一次一记，一年一归档）")
        layout.addWidget(box)
        form = QFormLayout(box)
        self.chair = staff_combo("会议主持人", editable=True)
        self.minutes = QPlainTextEdit()
        self.minutes.setTabChangesFocus(True)
        self.minutes.setMinimumHeight(60)  # grows with the part; a long record scrolls inside
        self.minutes_fields = {
            "chair": add_field(form, FormField("会议主持人", self.chair)),
            "minutes": add_field(form, FormField("会议记录", self.minutes)),
        }
        self.minutes_button = push_button("保存会议记录（Ctrl+Shift+S）", self.do_minutes)
        self.minutes_button.setShortcut("Ctrl+Shift+S")
        form.addRow(self.minutes_button)
        self.minutes_message = message_label("会议记录提示")
        form.addRow(self.minutes_message)

    # -- data --------------------------------------------------------------------------------
    def _month_start(self) -> dt.date:
        value = self.month.date()
        return dt.date(value.year(), value.month(), 1)

    @staticmethod
    def _month_of(day: dt.date) -> dt.date:
        return day.replace(day=1)

    def _month_sessions(self) -> list[MeetingSession]:
        """The month shown (read in a worker once the app runs: no widget is asked here)."""
        first = self._month_shown
        last = dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1) - dt.timedelta(days=1)
        # The month's attendance read once for the list (issue 17: a few queries per session).
        found = attendance_between(first, last, self.desk.now())
        self._summaries = {session.id: summary_text(lines) for session, lines in found}
        return [session for session, _lines in found]

    def _session_cells(self, s: MeetingSession) -> list[str]:
        summary = self._summaries.get(s.id) or session_summary(s, self.desk.now())
        return [f"{s.day:%m-%d}", s.start_time, s.kind, s.topic, summary, "已记录" if minutes_kept(s) else "未记录"]

    def _lines(self) -> list:
        session = self._lines_of  # read in a worker once the app runs: no widget is asked here
        return attendance_of(session, self.desk.now()) if session is not None else []

    @property
    def session(self) -> MeetingSession | None:
        index = self.table.currentIndex()
        return self.sessions.rows[index.row()] if index.isValid() else None

    def refresh(self) -> None:
        self.steps.complete()  # asked before the page is through building: finish it first
        self.plan_label.setText(plan_text(meeting_plan(self._month_start())))
        keep = self.session.id if self.session is not None else None
        self._month_shown = self._month_start()
        self.sessions.reload_with(self.loader, lambda: self._show_month(keep))

    def _show_month(self, keep: int | None) -> None:
        rows = self.sessions.rows
        today = self.desk.today()
        pick = next((i for i, s in enumerate(rows) if s.id == keep), None)
        if pick is None:
            pick = next((i for i, s in enumerate(rows) if s.day >= today), len(rows) - 1)
        if rows:
            self.table.setCurrentIndex(self.sessions.index(pick, 0))
        names = [s.name for s in active_staff(today)]
        for combo in (self.person, self.chair):
            keep_name = combo.currentText()
            combo.clear()
            combo.addItems(names)
            combo.setCurrentIndex(max(0, combo.findText(keep_name)))
        self.leader.clear()
        for account in principal_leaders():
            self.leader.addItem(f"{account.name}（{account.role_label}）", account.name)
        self._show_session()

    def _show_session(self) -> None:
        session = self.session
        if session is None:
            self.current.setText("本月尚无会议安排：请点“生成本月安排”或新增会议")
        else:
            summary = self._summaries.get(session.id) or session_summary(session, self.desk.now())
            self.current.setText(f"{session.title}（{summary}）")
            if session.chair:
                self.chair.setCurrentText(session.chair)
            # A kept record is shown (numbers masked, V09), not edited here: its history stays whole.
            kept = bool(session.minutes)
            self.minutes.setPlainText(mask_text(self.desk.account, session.minutes))
            self.minutes.setReadOnly(kept)
            self.minutes_button.setEnabled(not kept and session.kind != rules.REVIEW)
            self.minutes_button.setToolTip("周例会的会议内容在“周例会”页登记" if session.kind == rules.REVIEW
                                           else "会议记录已保存" if kept else "")
        self._lines_of = session
        self.lines.reload_with(self.lines_loader)

    # -- actions -----------------------------------------------------------------------------
    def do_plan(self) -> None:
        first = self._month_start()
        added = plan_month(first.year, first.month, self.desk.calendar(), self.desk.who, self.desk.now())
        text = f"已生成{first.month}月安排{len(added)}次" if added else f"{first.month}月的安排已全部生成"
        show_message(self.plan_message, text, ok=True)
        self._after_write()

    def do_add(self) -> None:
        try:
            session = add_session(self.kind.currentText(), pydate(self.new_day.date()), self.new_start.text(),
                                  self.new_topic.text(), self.desk.who, self.desk.now())
        except MeetingInvalid as exc:
            show_errors(self.new_fields, exc.errors)
            return
        show_errors(self.new_fields, {})
        self.new_topic.clear()
        show_message(self.plan_message, f"已新增{session.title}", ok=True)
        self.month.setDate(QDate(session.day.year, session.day.month, 1))
        self._after_write()

    def do_cancel(self) -> None:
        session = self.session
        if session is None:
            show_message(self.plan_message, "请先选中要取消的会议", ok=False)
            return
        if not self.cancel_reason.text().strip():
            self.cancel_field.set_error("请填写取消原因（如：镇里临时召开会议，改期）")
            return
        void_session(session, self.desk.who, self.desk.now(), self.cancel_reason.text())
        self.cancel_field.clear_error()
        self.cancel_reason.clear()
        show_message(self.plan_message, f"已取消{session.title}", ok=True)
        self._after_write()

    def ask_path(self, suffix: str) -> Path | None:
        first = self._month_start()
        default = str(Path.home() / f"会议学习考勤表_{first.year}年{first.month:02d}月.{suffix}")
        name, _ = QFileDialog.getSaveFileName(self, "导出会议学习考勤表", default, f"*.{suffix}")
        return Path(name) if name else None

    def export(self, suffix: str) -> None:
        """D17: the month's 会议学习考勤表, published like the duty tally (the hand-off's own file)."""
        path = self.ask_path(suffix)
        if path is None:
            return
        first = self._month_start()
        ledger = LEDGERS["meetings"].make(self.desk, Period.month(first.year, first.month))
        result = run_in_background(self, "正在导出会议学习考勤表…", lambda progress: write_ledger(ledger, path, suffix))
        if result.error:
            show_message(self.plan_message, f"导出失败：{result.error}", ok=False)
        elif not result.cancelled:
            show_message(self.plan_message, f"已导出：{path}", ok=True)

    def _signing(self) -> tuple[MeetingSession, object] | None:
        session, staff = self.session, staff_by_name(self.person.currentText())
        if session is None or staff is None:
            show_message(self.sign_message, "请先选择会议和签到人员", ok=False)
            return None
        return session, staff

    def _sign_failed(self, fields: dict, errors: dict[str, str]) -> None:
        show_errors(fields, errors)
        others = [v for k, v in errors.items() if k not in fields]
        show_message(self.sign_message, "；".join(others), ok=False) if others else self.sign_message.clear()

    def do_sign(self) -> None:
        chosen = self._signing()
        if chosen is None:
            return
        try:
            row = sign_meeting(*chosen, self.desk.who, self.desk.now(), pin=self.pin.text() or None)
        except MeetingInvalid as exc:
            self._sign_failed(self.sign_fields, exc.errors)
            return
        finally:
            self.pin.clear()
        show_errors(self.sign_fields, {})
        show_message(self.sign_message, f"{row.staff.name}已签到 {row.signed_at:%H:%M}", ok=True)
        self._after_write()

    def do_proxy(self) -> None:
        chosen = self._signing()
        if chosen is None:
            return
        try:
            row = proxy_sign_meeting(*chosen, self.leader.currentData() or "", self.leader_password.text(),
                                     self.proxy_reason.text(), self.desk.who, self.desk.now())
        except MeetingInvalid as exc:
            self._sign_failed({**self.proxy_fields, "staff": self.sign_fields["staff"]}, exc.errors)
            return
        finally:
            self.leader_password.clear()
        show_errors(self.proxy_fields, {})
        self.proxy_reason.clear()
        show_message(self.sign_message, f"{row.staff.name}已代签（{row.proxy_by}授权）", ok=True)
        self._after_write()

    def do_void_sign_in(self) -> None:
        """D17: void the selected person's wrong sign-in, with a reason asked in a small dialog."""
        session, index = self.session, self.line_table.currentIndex()
        line = self.lines.rows[index.row()] if index.isValid() else None
        if session is None or line is None or line.status != rules.PRESENT:
            show_message(self.sign_message, "请先在“签到情况”中选中已签到的人员", ok=False)
            return
        dialog = VoidSignInDialog(self.desk, session, line.staff, self)
        if dialog.exec() != VoidSignInDialog.DialogCode.Accepted or dialog.row is None:
            return
        show_message(self.sign_message, f"已作废{line.staff.name}的签到", ok=True)
        self._after_write()

    def do_minutes(self) -> None:
        session = self.session
        if session is None:
            show_message(self.minutes_message, "请先选择会议", ok=False)
            return
        try:
            record_minutes(session, self.chair.currentText(), self.minutes.toPlainText(), self.desk.who,
                           self.desk.now())
        except MeetingInvalid as exc:
            show_errors(self.minutes_fields, exc.errors)
            return
        show_errors(self.minutes_fields, {})
        show_message(self.minutes_message, f"已保存{session.day:%m月%d日}{session.kind}的会议记录", ok=True)
        self._after_write()

    def _after_write(self) -> None:
        self.refresh()
        self.changed.emit("duty")
