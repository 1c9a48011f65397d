"""今日 page: today's sessions and who holds them, sign-in/out, handover and the whereabouts board (D04-D09).

Issue 17 (frame first): the page is built in parts. The heading and the 今日班次 table, with the
boxes' frames that reserve their room, are built and filled at once; at the app's start
(``lazy_tabs.on_demand()``) the 签到/签退 box, the 交接班 box and the 人员去向公示 board follow one
per event-loop turn after the page has painted, each importing only then what it needs.
Elsewhere (tests, code building the page and using it at once) every part is built at once.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from importlib import import_module
from typing import TYPE_CHECKING

from PySide6 import QtWidgets  # the parts' widgets after the first paint: their types made then (issue 17)
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.domain.attendance import AFTER_CUTOFF_LATE, WHEREABOUTS, is_not_early
from dutydesk.domain.sign_in_book import AFTER_CUTOFF
from dutydesk.store.duty.attendance import (
    SIGN_IN_OPENS,
    DutyAssignment,
    SignInError,
    assignments_on,
    open_sign_in,
    open_sign_in_staff,
    sign_in,
    sign_out,
)
from dutydesk.store.duty.duty_config import duty_config
from dutydesk.store.duty.leave import leaves_between
from dutydesk.store.duty.staff import Staff, active_staff, staff_by_name
from dutydesk.store.feature_loading import features_loaded, first_screen
from dutydesk.store.settings import get_setting
from dutydesk.ui.duty.common import STATUS_COLOURS, show_message
from dutydesk.ui.forms import FormField, message_label, password_edit, push_button
from dutydesk.ui.lazy_tabs import StagedBuild, first_screen_done, on_demand
from dutydesk.ui.menu_context import context_of
from dutydesk.ui.page_layout import fill, page_with_actions
from dutydesk.ui.panes import pane
from dutydesk.ui.screen_fit import scrolling, wide_enough_for_two_columns
from dutydesk.ui.theme import DUE_AMBER, OK_GREEN

if TYPE_CHECKING:  # the parts after the first paint import them (issue 17)
    from dutydesk.store.duty.handover import Handover
    from dutydesk.ui.duty.today_meetings import TodayMeetingsLine
    from dutydesk.ui.visits.appointment_strip import AppointmentStrip

WEEKDAYS = "一二三四五六日"
SESSION_COLUMNS = ["班次", "时间", "值班人员", "电话", "职责", "状态"]
OPEN_MATTER_LINES = 4  # the rest is in the tooltip and the handover note; the sign-in buttons stay in view
SIGN_BUTTON_HEIGHT = 56  # 签到/签退: the big buttons of the page
BOARD_COLUMNS = ["姓名", "职务", "电话", "今日值班", "去向", "说明", "更新时间"]
# A page built in parts that has not painted (opened later, or its tab hidden) builds the rest
# this long after it was made all the same.
PARTS_WITHOUT_PAINT_MS = 250
# Qt.ItemDataRole.ForegroundRole by its number: the roster's status colours are set before the first
# paint, where naming it (or making a QBrush) would load Qt's namespace, 93 Python enums (~19 ms) a
# bare window never pays (issue 17). tests/ui/duty/test_today_staged.py checks the number.
FOREGROUND_ROLE = 9


def _qt():
    """Qt's namespace, reached only once the first screen has painted: its first use makes PySide
    create all 93 of its Python enums (~19 ms), which a bare window never pays (issue 17)."""
    from PySide6.QtCore import Qt

    return Qt


def _read_only(table: QTableWidget) -> QTableWidget:
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return table


def _item(text: str, colour: str | None = None, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)  # read only: the tables take no edits (``_read_only``)
    if colour:
        item.setData(FOREGROUND_ROLE, QColor(colour))  # as setForeground, without a QBrush
    if bold:
        font = QFont()
        font.setBold(True)
        item.setFont(font)
    return item


def arrival_hint(minutes: int, late: bool, pins: bool) -> tuple[str, str]:
    """The sign-in hint (D05): one short line for the page, and the whole rule for its tooltip."""
    who = ("签到须本人输入签到密码，他人不能代签（特殊情况经主要领导授权）。" if pins
           else "尚未为值班人员设置签到密码，目前不需密码即可签到；请主任为每人设置签到密码。")
    rules = (f"{who}签到时间取自本机时钟，无需填写。请于班次开始前{minutes}分钟到岗；"
             + ("停签后签到计迟到；" if late else "停签后签到计缺勤（经主任认定公出或请假理由的除外）；")
             + "班次结束仍未签到计缺勤。")
    short = "签到须本人输入签到密码。" if pins else "尚未为值班人员设置签到密码。"
    return f"{short}请于班次开始前{minutes}分钟到岗。", rules


def _box(title: str) -> QGroupBox:
    """A box whose frame and title are there from the first paint; its part fills it later."""
    box = QGroupBox(title)
    holder = QVBoxLayout(box)
    holder.setContentsMargins(0, 0, 0, 0)
    return box


def _content_of(box: QGroupBox) -> QVBoxLayout:
    """The layout a part fills, in a widget put in its box in one go (one show, one layout pass)."""
    inner = QWidget()
    box.layout().addWidget(inner)
    return QVBoxLayout(inner)


class TodayPage(QWidget):
    """Refreshes itself on a timer, so statuses turn late/absent as sessions pass their cutoff and end."""

    changed = Signal(str)
    completed = Signal()  # every part is built and filled (at once unless built in parts)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.assignments: list[DutyAssignment] = []
        self._built: set[str] = set()
        self._pending: Handover | None = None
        content = QWidget()
        layout = QVBoxLayout(content)

        self.heading = QLabel()
        self.heading.setProperty("role", "title")
        self.heading.setAccessibleName("今日概况")
        layout.addWidget(self.heading)

        self.sessions = _read_only(QTableWidget(0, len(SESSION_COLUMNS)))
        self.sessions.setAccessibleName("今日班次")
        self.sessions.setHorizontalHeaderLabels(SESSION_COLUMNS)
        self.sessions.verticalHeader().hide()
        self.sessions.horizontalHeader().setStretchLastSection(True)
        # Wide screens: sessions, sign-in and the whereabouts board on the left, the handover (a
        # list that grows) on the right, so the page fits a 1366×768 laptop even with 字号 大.
        self.wide = wide = wide_enough_for_two_columns(self)
        column = QVBoxLayout() if wide else layout
        if wide:
            body = QHBoxLayout()
            layout.addLayout(body, 1)
            body.addLayout(column, 3)
        column.addWidget(self.sessions)

        middle = QHBoxLayout()
        column.addLayout(middle, 0 if wide else 2)
        self.sign_box = _box("签到 / 签退")
        middle.addWidget(self.sign_box, 1)
        self.hand_box = _box("交接班")
        if wide:
            body.addWidget(self.hand_box, 2)
        else:
            middle.addWidget(self.hand_box, 2)
        self.board_box = _box("人员去向公示")
        column.addWidget(self.board_box, 3)
        self._where_row = QHBoxLayout()  # the board's 更新去向 row, in the bar that stays in view
        self.where_message = message_label("去向提示")
        # At 字号 特大 the page scrolls above the 去向 row, which stays on the screen.
        fill(self, page_with_actions(content, (pane(self._where_row, self.where_message), 1)))

        # Sessions start, reach their cutoff and end while the tab is open: re-read every 30 s.
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(30_000)
        self.refresh_timer.timeout.connect(self.refresh)
        self.refresh_timer.start()
        # One per turn of the event loop; the handover box's modules (bookings bring the visits'
        # books, meetings theirs) are imported in turns of their own before it. Qt's namespace
        # first, in a turn of its own: the sign-in part was the first to name it (19 of its 20 ms).
        self.steps = StagedBuild(
            _qt, self._build_sign_in, self._build_board, partial(import_module, "dutydesk.ui.duty.today_meetings"),
            partial(import_module, "dutydesk.ui.visits.appointment_strip"), self._build_handover,
            self._first_screen_done)
        self.refresh()  # the heading and the roster; each part fills itself as it is built
        if on_demand():  # the app's start: the rest once the page has painted
            QTimer.singleShot(PARTS_WITHOUT_PAINT_MS, self, self._start_parts)
        else:
            self.complete()

    # -- building in parts (issue 17) ------------------------------------------------------------
    def is_complete(self) -> bool:
        return self.steps.done

    def complete(self) -> None:
        """Build every part not built yet, now."""
        self.steps.complete()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._start_parts()  # the first part comes in the turn after this paint

    def _start_parts(self) -> None:
        if not self.steps.done:
            self.steps.start(self)  # one part per turn (a no-op while they are under way)

    def _first_screen_done(self) -> None:
        """The page is whole: the other tabs' idle-time building may start from here."""
        if on_demand():  # built in parts at the app's start
            first_screen_done()
        self.completed.emit()

    def _build_sign_in(self) -> None:
        sign_layout = _content_of(self.sign_box)
        wide = self.wide
        self.person = QtWidgets.QComboBox()
        self.person_field = FormField("值班人员", self.person)
        self.pin = password_edit()
        self.pin_field = FormField("签到密码", self.pin)
        # On a wide screen the person and the PIN share a line, with the sign-in book's row of small
        # buttons under them, beside the two big buttons: the page then fits a 1366×768 laptop
        # without scrolling, 字号 大 included. Narrower, they are stacked.
        sign_row = QHBoxLayout() if wide else QVBoxLayout()
        fields = QVBoxLayout()
        fields.addLayout(self._person_and_pin(wide))
        sign_row.addLayout(fields, 1)
        sign_layout.addLayout(sign_row)
        buttons = QHBoxLayout()
        self.sign_in_button = push_button("签到", self.do_sign_in, primary=True)
        self.sign_in_button.setShortcut("F5")
        self.sign_in_button.setToolTip("按当前时间签到（F5）")
        self.sign_out_button = push_button("签退", self.do_sign_out)
        self.sign_out_button.setShortcut("F6")
        self.sign_out_button.setToolTip("签退并提交交接班记录（F6）")
        for b in (self.sign_in_button, self.sign_out_button):
            b.setMinimumHeight(SIGN_BUTTON_HEIGHT)
            f = b.font()
            f.setPointSize(f.pointSize() + 6)
            b.setFont(f)
            buttons.addWidget(b)
        sign_row.addLayout(buttons)
        (fields if wide else sign_layout).addLayout(self._build_book_row())
        self.sign_message = message_label("签到结果")
        sign_layout.addWidget(self.sign_message)
        self.arrival_hint = QLabel()
        self.arrival_hint.setProperty("role", "hint")
        self.arrival_hint.setWordWrap(True)
        sign_layout.addWidget(self.arrival_hint)
        self._built.add("sign_in")
        self._fill_sign_in(self.desk.now())

    def _build_handover(self) -> None:
        from dutydesk.ui.duty.today_meetings import TodayMeetingsLine
        from dutydesk.ui.visits.appointment_strip import AppointmentStrip

        hand_layout = _content_of(self.hand_box)
        self.pending_label = message_label("待接班记录")
        pending_row = QHBoxLayout()
        hand_layout.addLayout(pending_row)
        pending_row.addWidget(self.pending_label, 1)
        self.acknowledge_button = push_button("确认接班", self.do_acknowledge)
        pending_row.addWidget(self.acknowledge_button)
        self.open_matters = QLabel()
        self.open_matters.setAccessibleName("未办结事项")
        self.open_matters.setWordWrap(True)
        # V14: today's bookings beside the handover (the column that scrolls); 到场登记 opens 来访登记
        self.meetings: TodayMeetingsLine = TodayMeetingsLine(self.desk)  # D17: today's sessions, one line
        hand_layout.addWidget(self.meetings)
        self.appointments: AppointmentStrip = AppointmentStrip(self.desk)  # read as it is made
        self.appointments.come.connect(self._appointment_came)
        hand_layout.addWidget(self.appointments)
        hand_layout.addWidget(scrolling(self.open_matters), 1)  # a long list scrolls, the page does not
        self.note = QtWidgets.QPlainTextEdit()
        self.note.setPlaceholderText("签退时填写：本班处理的事项、需下一班跟进的事情；没有可写“无”")
        self.note_field = FormField("交接事项", self.note)
        self.note.setMaximumHeight(90)
        hand_layout.addWidget(self.note_field)
        self._built.add("handover")
        from dutydesk.ui.open_matters_feed import feed as open_matters_feed

        # The open matters are read in a worker after a change (issue 17): shown when they are there.
        open_matters_feed().ready.connect(self._open_matters_ready)
        now = self.desk.now()
        if features_loaded():
            self._fill_handover(now)
        else:  # the window's start imports them in a moment and refreshes: 正在读取… till then
            with first_screen():
                self._fill_handover(now)

    def _build_board(self) -> None:
        board_layout = _content_of(self.board_box)
        self.board = _read_only(QTableWidget(0, len(BOARD_COLUMNS)))
        self.board.setAccessibleName("人员去向")
        self.board.setHorizontalHeaderLabels(BOARD_COLUMNS)
        self.board.verticalHeader().hide()
        self.board.horizontalHeader().setStretchLastSection(True)
        board_layout.addWidget(self.board)
        row = self._where_row
        self.where_person = QtWidgets.QComboBox()
        self.where_person.setAccessibleName("人员")
        self.where_status = QtWidgets.QComboBox()
        self.where_status.setAccessibleName("去向")
        self.where_status.addItems(WHEREABOUTS)
        self.where_note = QtWidgets.QLineEdit()
        self.where_note.setAccessibleName("去向说明")
        self.where_note.setPlaceholderText("如：三组入户走访，11点回")
        self.where_button = push_button("更新去向", self.do_whereabouts)
        self.where_button.setProperty("compact", True)  # as tall as the boxes beside it
        for label, w in (("人员", self.where_person), ("去向", self.where_status), ("说明", self.where_note)):
            row.addWidget(QLabel(label + "："))
            row.addWidget(w, 2 if w is self.where_note else 1)
        row.addWidget(self.where_button)
        self._built.add("board")
        self._fill_board(self.desk.now())

    def _person_and_pin(self, wide: bool) -> QtWidgets.QFormLayout | QHBoxLayout:
        """值班人员 and 签到密码: side by side on a wide screen, one above the other otherwise."""
        if not wide:
            form = QtWidgets.QFormLayout()
            form.addRow("值班人员：", self.person_field)
            form.addRow("签到密码：", self.pin_field)
            return form
        row = QHBoxLayout()
        for text, field in (("值班人员：", self.person_field), ("签到密码：", self.pin_field)):
            label = QLabel(text)
            label.setBuddy(field.editor)
            label.setMinimumHeight(field.editor.sizeHint().height())  # level with the box, not its error
            row.addWidget(label, 0, _qt().AlignmentFlag.AlignTop)
            row.addWidget(field, 1)
        return row

    def _build_book_row(self) -> QHBoxLayout:
        """代签, 认定停签理由 and 设置签到密码: used now and then, so compact buttons (not the big
        签到/签退 ones) that keep the whereabouts board in view."""
        book = QHBoxLayout()
        self.proxy_button = push_button("代签", self.do_proxy_sign_in)
        self.proxy_button.setToolTip("本人不能到场签到时，经主要领导当场输入密码授权代签")
        self.excuse_button = push_button("认定停签理由", self.do_accept_reason)
        self.excuse_button.setToolTip("主任或书记认定停签后签到的会议通知、领导安排或假条，计为出勤")
        self.pin_button = push_button("设置签到密码", self.do_set_pin)
        self.pin_button.setToolTip("由本人设置签到密码：首次设置请主任或书记登录，更改须输入原签到密码")
        for b in (self.proxy_button, self.excuse_button, self.pin_button):
            b.setProperty("compact", True)
            book.addWidget(b)
        return book

    # -- reading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read what the parts built so far show."""
        now = self.desk.now()
        today = now.date()
        calendar = self.desk.calendar()
        self.assignments = assignments_on(today)
        current = [a for a in self.assignments if a.session.at(today, "start") <= now < a.session.at(today, "end")]
        kind = "工作日" if calendar.is_workday(today) else "休息日"
        on_now = "、".join(dict.fromkeys(a.holder.name for a in current)) or "无"
        self.heading.setText(f"{today:%Y年%m月%d日} 星期{WEEKDAYS[today.weekday()]}（{kind}）　"
                             f"现在 {now:%H:%M}　当班：{on_now}")
        self._fill_sessions(now)
        if "sign_in" in self._built:
            self._fill_sign_in(now)
        if "handover" in self._built:
            self._fill_handover(now)
            self.appointments.refresh()
            self.meetings.refresh()
        if "board" in self._built:
            self._fill_board(now)

    def _fill_sign_in(self, now: dt.datetime) -> None:
        today = now.date()
        minutes = duty_config(today).early_arrival_minutes
        late = get_setting(AFTER_CUTOFF, today) == AFTER_CUTOFF_LATE
        from dutydesk.store.duty.sign_in_identity import pins_in_use  # the sign-in part's own (issue 17)

        # One short line on the page (the board stays in view); the whole rule in the tooltip.
        text, rules = arrival_hint(minutes, late, pins_in_use())
        self.arrival_hint.setText(text)
        self.arrival_hint.setToolTip(rules)
        director = bool(self.desk.account and self.desk.account.is_director)
        self.excuse_button.setEnabled(director)
        self._fill_people(now)

    def _appointment_came(self, appointment_id: int) -> None:
        from dutydesk.ui.visits.tab import register_appointment

        register_appointment(context_of(self), appointment_id)

    def _fill_sessions(self, now: dt.datetime) -> None:
        rows = self.assignments
        self.sessions.setRowCount(max(1, len(rows)))
        if not rows:
            self.sessions.setSpan(0, 0, 1, len(SESSION_COLUMNS))
            self.sessions.setItem(0, 0, _item("今天没有排班。请在“排班”页生成排班表，或在“人员”页先登记值班人员。"))
            self._fit_sessions()
            return
        self.sessions.clearSpans()
        for r, a in enumerate(rows):
            holder = a.holder
            status = a.status_text(now)
            colour = STATUS_COLOURS.get(a.status(now))
            if colour == OK_GREEN and is_not_early(a.facts()):  # signed in, but not the minutes early (D05)
                colour = DUE_AMBER
            if a.leave is not None and not a.leave_approved:
                colour = STATUS_COLOURS["缺勤"]
            name = holder.name if holder.id == a.rostered.id else f"{holder.name}（替{a.rostered.name}）"
            values = [a.session.name, f"{a.session.start:%H:%M}-{a.session.end:%H:%M}", name, holder.mobile,
                      holder.duties, status]
            for c, text in enumerate(values):
                self.sessions.setItem(r, c, _item(text, colour if c == 5 else None, bold=c in (2, 5)))
        self.sessions.resizeColumnsToContents()
        self._fit_sessions()

    def _fit_sessions(self) -> None:
        """As tall as its rows, so the sign-in buttons stay in view."""
        height = self.sessions.horizontalHeader().height() + 4
        height += sum(self.sessions.rowHeight(r) for r in range(self.sessions.rowCount()))
        self.sessions.setFixedHeight(max(height, 80))

    def _fill_people(self, now: dt.datetime) -> None:
        keep = self.person.currentText()
        names = list(dict.fromkeys(a.holder.name for a in self.assignments))
        day = now.date()
        current = [a.holder.name for a in self.assignments
                   if a.session.at(day, "start") - SIGN_IN_OPENS <= now < a.session.at(day, "end")]
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItems(names)
        if keep in names:
            self.person.setCurrentText(keep)
        elif current:
            self.person.setCurrentText(current[0])
        self.person.blockSignals(False)
        has = bool(names)
        self.sign_in_button.setEnabled(has)
        self.sign_out_button.setEnabled(has)

    def _open_matters_ready(self) -> None:
        """The open matters read in a worker after a change (issue 17) are there: show them."""
        if "handover" in self._built:
            self._fill_handover(self.desk.now())

    def _fill_handover(self, now: dt.datetime) -> None:
        from dutydesk.store.duty.handover import pending_handover
        from dutydesk.store.privacy import mask_numbers
        from dutydesk.ui.open_matters_feed import feed as open_matters_feed

        text = open_matters_feed().handover_text(self.desk)
        if text is not getattr(self, "_matters_text", None):  # unchanged: the same text object (issue 17)
            self._matters_text = text
            lines = text.splitlines()
            shown = "\n".join(lines[:OPEN_MATTER_LINES])
            if len(lines) > OPEN_MATTER_LINES:
                shown += f"\n……共{len(lines)}件（全部写入交接记录，详见“来访登记”待跟进）"
            self.open_matters.setText("未办结事项（签退时写入交接记录）：\n" + (shown or "无"))
            self.open_matters.setToolTip(text)
        pending = pending_handover(now)
        self._pending = pending
        if pending is None:
            self.pending_label.setText("没有待确认的交接班记录。")
            self.acknowledge_button.setEnabled(False)
        else:
            self.pending_label.setText(
                mask_numbers(f"{pending.written_at:%m月%d日 %H:%M} {pending.from_staff.name}交班：{pending.note}"
                             + (f"\n未办结：{pending.open_matters}" if pending.open_matters else "")))
            self.acknowledge_button.setEnabled(True)

    def _fill_board(self, now: dt.datetime) -> None:
        from dutydesk.store.duty.whereabouts import current_whereabouts
        from dutydesk.store.privacy import mask_numbers

        staff = active_staff(now.date())
        where = current_whereabouts(now)
        on_leave = {lv.staff_id: lv for lv in leaves_between(now.date(), now.date(), include_pending=False)}
        duty_today: dict[int, list[str]] = {}
        for a in self.assignments:
            duty_today.setdefault(a.holder.id, []).append(a.session.name)
        signed_in = open_sign_in_staff(now.date()) if duty_today else set()  # one read, not one per person
        self.board.setRowCount(len(staff))
        for r, s in enumerate(staff):
            w = where.get(s.id)
            status, note, at = (w.status, w.note, f"{w.at:%m-%d %H:%M}") if w else ("", "", "")
            leave = on_leave.get(s.id)
            if leave is not None and (w is None or w.at < leave.approved_at):
                status, note, at = leave.leave_type if leave.leave_type == "公出" else "请假", leave.reason, \
                    f"{leave.approved_at:%m-%d %H:%M}"
            if not status:
                status = "在岗" if s.id in duty_today and s.id in signed_in else "—"
            # Staff phones are public (D04); a resident's number in the note is not (V09).
            values = [s.name, s.role, s.mobile, "、".join(duty_today.get(s.id, [])), status, mask_numbers(note), at]
            for c, text in enumerate(values):
                self.board.setItem(r, c, _item(text, bold=c == 4))
        self.board.resizeColumnsToContents()
        keep = self.where_person.currentText()
        self.where_person.clear()
        self.where_person.addItems([s.name for s in staff])
        if keep:
            self.where_person.setCurrentText(keep)

    # -- writing -----------------------------------------------------------------------------
    def _selected(self) -> Staff | None:
        name = self.person.currentText()
        return staff_by_name(name) if name else None

    def do_sign_in(self) -> None:
        from dutydesk.store.duty.sign_in_identity import IdentityRefused

        staff = self._selected()
        if staff is None:
            self.person_field.set_error("请选择值班人员")
            return
        self.person_field.clear_error()
        self.pin_field.clear_error()
        pin = self.pin.text()
        self.pin.clear()
        try:
            row = sign_in(staff, self.desk.who, self.desk.now(), pin=pin)
        except IdentityRefused as exc:
            self.pin_field.set_error(str(exc))
            self.pin.setFocus()
            return
        except SignInError as exc:
            show_message(self.sign_message, str(exc), ok=False)
            return
        show_message(self.sign_message, f"{staff.name} {row.signed_in_at:%H:%M} 签到成功", ok=True)
        self.changed.emit("duty")
        self.refresh()

    def do_proxy_sign_in(self) -> None:
        """代签 (D05): only on the principal leader's password, typed in the dialog."""
        from dutydesk.ui.duty.sign_in_dialogs import ProxySignInDialog

        staff = self._selected()
        if staff is None:
            self.person_field.set_error("请选择值班人员")
            return
        self.person_field.clear_error()
        dialog = ProxySignInDialog(self.desk, staff, self)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted or dialog.row is None:
            return
        show_message(self.sign_message, f"{staff.name} {dialog.row.signed_in_at:%H:%M} 代签成功"
                                        f"（{dialog.row.proxy_by}授权）", ok=True)
        self.changed.emit("duty")
        self.refresh()

    def do_accept_reason(self) -> None:
        from dutydesk.store.duty.sign_in_book import after_cutoff_today
        from dutydesk.ui.duty.sign_in_dialogs import AcceptReasonDialog

        late = after_cutoff_today(self.desk.today())
        if not late:
            show_message(self.sign_message, "今天没有待认定的停签后签到", ok=False)
            return
        dialog = AcceptReasonDialog(self.desk, late, self)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted or dialog.row is None:
            return
        show_message(self.sign_message, f"已认定{dialog.row.staff.name}为{dialog.row.excuse_type}，计为出勤", ok=True)
        self.changed.emit("duty")
        self.refresh()

    def do_set_pin(self) -> None:
        from dutydesk.ui.duty.sign_in_dialogs import PinDialog

        dialog = PinDialog(self.desk, self.person.currentText(), self)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return
        show_message(self.sign_message, f"已设置{dialog.staff.name}的签到密码", ok=True)
        self.refresh()

    def do_sign_out(self) -> None:
        from dutydesk.store.duty.handover import open_matters_text

        staff = self._selected()
        if staff is None:
            self.person_field.set_error("请选择值班人员")
            return
        self.person_field.clear_error()
        self.note_field.clear_error()
        now = self.desk.now()
        if open_sign_in(staff, now.date()) is None:
            show_message(self.sign_message, f"{staff.name}今天没有未签退的签到", ok=False)
            return
        if not self.note.toPlainText().strip():
            self.note_field.set_error("请填写交接事项（没有可写“无”）")
            self.note.setFocus()
            return
        matters = open_matters_text(now.date(), self.desk.calendar(), now)
        try:
            row = sign_out(staff, self.note.toPlainText(), matters, self.desk.who, now)
        except SignInError as exc:
            show_message(self.sign_message, str(exc), ok=False)
            return
        self.note.clear()
        show_message(self.sign_message, f"{staff.name} {row.signed_out_at:%H:%M} 签退，交接记录已保存", ok=True)
        self.changed.emit("duty")
        self.refresh()

    def do_acknowledge(self) -> None:
        from dutydesk.store.duty.handover import acknowledge

        staff = self._selected()
        pending = self._pending
        if staff is None or pending is None:
            return
        try:
            acknowledge(pending, staff, self.desk.who, self.desk.now())
        except ValueError as exc:
            show_message(self.sign_message, str(exc), ok=False)
            return
        show_message(self.sign_message, f"{staff.name}已确认接班", ok=True)
        self.changed.emit("duty")
        self.refresh()

    def do_whereabouts(self) -> None:
        from dutydesk.store.duty.whereabouts import set_whereabouts

        staff = staff_by_name(self.where_person.currentText())
        if staff is None:
            show_message(self.where_message, "请选择人员", ok=False)
            return
        set_whereabouts(staff, self.where_status.currentText(), self.where_note.text(), self.desk.who,
                        self.desk.now())
        show_message(self.where_message, f"已更新{staff.name}的去向：{self.where_status.currentText()}", ok=True)
        self.where_note.clear()
        self.changed.emit("duty")
        self.refresh()
