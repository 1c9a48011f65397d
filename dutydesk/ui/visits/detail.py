"""One visit opened: the whole record with follow-ups, feedback, pauses, extensions and the audit
history, and the actions that move a matter on (V03-V06). Corrections never overwrite: each goes
through the audit trail and shows up in the history below.

Phone and ID numbers are masked for everyone, in the fields and in every text (V09); a director's
显示完整号码 shows them in full and is logged."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.domain import visit_rules as rules
from dutydesk.domain.calendar_years import deadline_text
from dutydesk.domain.personal_numbers import restore_numbers
from dutydesk.store.archive.daily_work import daily_visit
from dutydesk.store.archive.record_view import display_value, field_label
from dutydesk.store.audit import history
from dutydesk.store.privacy import mask_numbers, mask_value
from dutydesk.store.visits import visit_progress as progress
from dutydesk.store.visits.incident_reports import reports_of
from dutydesk.store.visits.visit import (
    Visit,
    VisitExtension,
    VisitFeedback,
    VisitFollowup,
    VisitPause,
    correct_visit,
    void_visit,
)
from dutydesk.ui.forms import FormField, add_field, date_edit, push_button
from dutydesk.ui.masked_edit import MaskedLineEdit
from dutydesk.ui.menu_context import context_of
from dutydesk.ui.reveal import reveal_button

FIELD_LABELS = {
    "request": "诉求内容", "contact": "联系电话", "status": "状态", "result": "办理结果", "deadline": "承诺期限",
    "resident": "群众记录", "closed_at": "关闭时间", "close_reason": "关闭原因", "satisfaction": "满意度",
    "mediation_result": "调解结果", "category": "事项类别", "person_name": "姓名",
}


class ActionDialog(QDialog):
    """A small form for one action; a refused action shows its message beside the first field."""

    def __init__(self, title: str, fields: list[tuple[str, str, QWidget]],
                 action: Callable[[dict[str, QWidget]], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.action = action
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.fields: dict[str, FormField] = {}
        for name, label, editor in fields:
            if isinstance(editor, QPlainTextEdit):
                editor.setTabChangesFocus(True)
                editor.setFixedHeight(70)
            self.fields[name] = add_field(form, FormField(label, editor))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("确定")
        ok.setAccessibleName("确定")
        ok.setProperty("primary", True)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText("取消")
        cancel.setAccessibleName("取消")
        buttons.accepted.connect(self.run)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def run(self) -> None:
        try:
            self.action({name: f.editor for name, f in self.fields.items()})
        except ValueError as exc:
            first = next(iter(self.fields.values()))
            first.set_error(str(exc))
            first.editor.setFocus()
            return
        self.accept()


def _text(widget: QWidget) -> str:
    if isinstance(widget, MaskedLineEdit):
        return widget.value()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    raise TypeError(widget)


def _combo(items) -> QComboBox:
    combo = QComboBox()
    combo.addItems(list(items))
    return combo


def record_html(visit: Visit, desk: Desk, full: bool = False) -> str:
    """The whole record as the detail view shows it: phone and ID numbers masked, in fields and
    free text alike, unless ``full`` (after a director's logged reveal) (V09)."""
    e = html.escape
    m: Callable[[str], str] = (lambda t: t) if full else mask_numbers
    phone: Callable[[str], str] = (lambda t: t) if full else (lambda t: mask_value("phone", t))
    cal = desk.calendar()
    today = desk.today()
    urgency = progress.urgency_of(visit, cal, today)
    due = progress.effective_deadline_of(visit, cal, today)
    rows = [
        ("编号", visit.ref), ("来访时间", f"{visit.received_at:%Y-%m-%d %H:%M}"), ("方式", visit.channel),
        ("姓名", visit.person_name), ("联系电话", phone(visit.contact)), ("事项类别", visit.category),
        ("诉求内容", m(visit.request)), ("首问责任人", visit.responder_name), ("处理方式", visit.outcome),
    ]
    if visit.resident and visit.resident.masked_id:
        rows.insert(4, ("身份证号", visit.resident.id_number if full else visit.resident.masked_id))
    if visit.result:
        rows.append(("办理结果", m(visit.result)))
    if visit.outcome == rules.TRANSFER:
        rows.append(("转办至", f"{visit.transfer_to}（{visit.transfer_contact}）"))
    if visit.outcome == rules.ESCALATE:
        rows.append(("上报层级", visit.escalate_level))
    if visit.outcome == rules.OUT_OF_SCOPE:
        rows.append(("告知去向", f"{visit.outside_unit}，{visit.outside_address}，{visit.outside_phone}"))
    if visit.deadline:
        label = rules.DEADLINE_KINDS.get(visit.deadline_kind, ("", None))[0]
        text = f"{deadline_text(visit.deadline, cal)}（{label}，{visit.deadline_days} 个工作日）"
        if due and due != visit.deadline:
            text += f"；扣除暂停后 {deadline_text(due, cal)}"
        rows.append(("承诺期限", text))
    if visit.dispute_parties:
        rows.append(("当事各方", m(visit.dispute_parties)))
        rows.append(("调解结果", visit.mediation_result or "尚未调解"))
    if visit.incident_reported_at and not visit.incident_occurred_at:  # registered before V06 reports
        rows.append(("突发事件上报", f"{visit.incident_reported_at:%Y-%m-%d %H:%M} 报告{visit.incident_reported_to}"))
    status = visit.status_label
    if urgency != rules.URGENCY_OK:
        status += "·" + rules.URGENCY_LABELS[urgency]
    if visit.closed_at:
        status += f"（{visit.closed_at:%Y-%m-%d} 未反馈关闭：{m(visit.close_reason)}）"
    if visit.voided_at:
        status = f"已作废（{visit.voided_by}，{visit.voided_at:%Y-%m-%d %H:%M}：{m(visit.void_reason)}）"
    rows.append(("状态", status))
    if visit.satisfaction:
        rows.append(("满意度", visit.satisfaction))
    parts = ["<table cellpadding='3'>"]
    parts += [f"<tr><td><b>{e(k)}</b></td><td>{e(str(v))}</td></tr>" for k, v in rows]
    parts.append("</table>")

    def section(title: str, lines: list[str]) -> None:
        if lines:
            parts.append(f"<h4>{e(title)}</h4><ul>" + "".join(f"<li>{e(x)}</li>" for x in lines) + "</ul>")

    if visit.incident_occurred_at:
        rows_html = [f"{m(x.report.matter)}：{x.report.reported_at:%m-%d %H:%M} {x.report.method}报告"
                     f"{x.report.recipient}（{m(x.report.told)}）" + (f"，{x.late}" if x.late else "")
                     for x in reports_of(visit)]
        section(f"突发事件报告（事发{visit.incident_occurred_at:%m-%d %H:%M}）", rows_html)
    section("跟进记录", [f"{f.done_at:%m-%d %H:%M} {f.staff}：{m(f.text)}" for f in
                      visit.followups.where(VisitFollowup.voided_at.is_null()).order_by(VisitFollowup.id)])
    section("反馈", [f"{f.given_at:%m-%d %H:%M} {f.method} {f.staff}：{m(f.content)}"
                   + (f"（{f.satisfaction}）" if f.satisfaction else "")
                   for f in visit.feedbacks.where(VisitFeedback.voided_at.is_null()).order_by(VisitFeedback.id)])
    section("暂停计时", [f"{rules.PAUSE_CAUSES.get(p.cause, p.cause)}：{p.start} 至 {p.end or '至今'} {m(p.note)}"
                     for p in visit.pauses.where(VisitPause.voided_at.is_null()).order_by(VisitPause.id)])
    section("延期", [f"{x.old_deadline} → {x.new_deadline}：{m(x.reason)}（{x.created_by}）"
                   for x in visit.extensions.order_by(VisitExtension.id)])
    changes = []
    for entry in history(visit):
        if entry.action == "create":
            changes.append(f"{entry.at:%Y-%m-%d %H:%M} {entry.account} 登记")
        elif entry.action == "void":
            changes.append(f"{entry.at:%Y-%m-%d %H:%M} {entry.account} 作废：{m(entry.reason or '')}")
        else:
            label = FIELD_LABELS.get(entry.field) or field_label("visit", entry.field)
            old, new = (display_value("visit", entry.field, v) if v else "" for v in (entry.old_value, entry.new_value))
            if entry.field == "contact":
                old, new = phone(old), phone(new)
            line = f"{entry.at:%Y-%m-%d %H:%M} {entry.account} 修改{label}：{m(old)} → {m(new)}"
            if entry.reason:
                line += f"（{m(entry.reason)}）"
            changes.append(line)
    section("修改历史", changes)
    return "".join(parts)


class VisitDetailDialog(QDialog):
    """The record and its actions; ``changed`` after every committed action."""

    changed = Signal()

    def __init__(self, desk: Desk, visit_id: int, parent: QWidget | None = None) -> None:
        daily_visit(visit_id, desk.today())  # A02: ArchiveOnly for a record of the archive
        super().__init__(parent)
        self.desk = desk
        self.visit_id = visit_id
        self.setWindowTitle("来访记录")
        self.resize(760, 680)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("记录详情")
        layout.addWidget(self.browser)
        grid = QGridLayout()
        layout.addLayout(grid)
        self.buttons: dict[str, QPushButton] = {}
        actions = [
            ("添加跟进", self.add_followup), ("办结", self.complete), ("记录反馈", self.feedback),
            ("未反馈关闭", self.close_without_feedback), ("暂停计时", self.pause), ("恢复计时", self.resume),
            ("延期", self.extend), ("调解结果", self.mediation), ("更正", self.correct), ("作废", self.void),
            ("一次性告知", self.open_checklist), ("逐件上报", self.report_matter),
            ("上报告知", self.sent_up), ("请示领导", self.ask_leadership),
        ]
        for i, (label, slot) in enumerate(actions):
            button = push_button(label, slot)
            grid.addWidget(button, i // 5, i % 5)
            self.buttons[label] = button
        self.full = False
        reveal = reveal_button(desk, self._reveal_what, self._reveal)
        if reveal is not None:
            grid.addWidget(reveal, len(actions) // 5, len(actions) % 5)
        layout.addWidget(push_button("关闭", self.accept))
        self.refresh()

    def _reveal_what(self) -> str:
        visit = self.visit
        return f"来访记录{visit.ref}（{visit.person_name}）"

    def _reveal(self) -> None:
        self.full = True
        self.refresh()

    @property
    def visit(self) -> Visit:
        return Visit.get_by_id(self.visit_id)

    def refresh(self) -> None:
        visit = self.visit
        self.browser.setHtml(record_html(visit, self.desk, full=self.full))
        live = visit.voided_at is None
        is_open = visit.is_open
        paused = progress.open_pause(visit) is not None
        enabled = {
            "添加跟进": is_open, "办结": is_open and visit.status in (rules.PENDING, rules.IN_PROGRESS),
            "记录反馈": live and visit.status != rules.FED_BACK and visit.closed_at is None,
            "未反馈关闭": is_open and visit.status == rules.DONE,
            "暂停计时": is_open and visit.deadline is not None and not paused,
            "恢复计时": paused, "延期": is_open and visit.deadline is not None,
            "调解结果": live and visit.category == "矛盾纠纷", "更正": live, "作废": live,
            "一次性告知": live, "逐件上报": live and visit.category == "突发事件",
            "上报告知": is_open and visit.deadline is not None, "请示领导": live,
        }
        for label, button in self.buttons.items():
            button.setEnabled(enabled[label])

    def _run(self, title: str, fields: list[tuple[str, str, QWidget]],
             action: Callable[[dict[str, QWidget]], None]) -> bool:
        dialog = ActionDialog(title, fields, action, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.changed.emit()
            return True
        return False

    def open_checklist(self) -> None:
        """N01: from the record straight to the item's checklist and notice in the 一次性告知 tab."""
        from dutydesk.ui.notices.tab import open_checklist_for_visit

        if open_checklist_for_visit(context_of(self.parentWidget()), self.visit_id):
            self.accept()

    def report_matter(self) -> None:
        """V06: a major matter of the incident, reported on its own to both recipients."""
        from dutydesk.ui.visits.major_matter_dialog import MajorMatterDialog

        if MajorMatterDialog(self.desk, self.visit, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.changed.emit()

    def sent_up(self) -> None:
        """V04: record that the matter went up and the person was told; then print their note."""
        from dutydesk.ui.visits import sent_up_actions as actions

        made = []
        visit = self.visit
        if self._run("上报告知", actions.sent_up_fields(self.desk, visit),
                     lambda f: made.append(actions.do_sent_up(self.desk, visit, f))):
            self.note_dialog = actions.show_note(self.desk, made[0], self)

    def ask_leadership(self) -> None:
        """V06: a request spanning several offices or without a clear basis, asked of the leadership."""
        from dutydesk.ui.visits import sent_up_actions as actions

        visit = self.visit
        self._run("请示领导", actions.leadership_fields(), lambda f: actions.do_ask_leadership(self.desk, visit, f))

    def _who_at(self):
        return self.desk.who, self.desk.now()

    def add_followup(self) -> None:
        self._run("添加跟进", [("text", "跟进内容", QPlainTextEdit())],
                  lambda f: progress.add_followup(self.visit, _text(f["text"]), *self._who_at()))

    def complete(self) -> None:
        self._run("办结", [("result", "办理结果", QPlainTextEdit())],
                  lambda f: progress.complete(self.visit, _text(f["result"]), *self._who_at()))

    def feedback(self) -> None:
        method = _combo(rules.FEEDBACK_METHODS)
        method.setCurrentText({"来电": "电话", "来信": "书面", "网络": "短信"}.get(self.visit.channel, "当面"))
        satisfaction = _combo(("", *rules.SATISFACTION))
        self._run("记录反馈", [("content", "反馈内容", QPlainTextEdit()), ("method", "反馈方式", method),
                           ("satisfaction", "满意度", satisfaction)],
                  lambda f: progress.record_feedback(self.visit, _text(f["method"]), _text(f["content"]),
                                                     *self._who_at(), satisfaction=_text(f["satisfaction"])))

    def close_without_feedback(self) -> None:
        self._run("未反馈关闭", [("reason", "未反馈原因", QPlainTextEdit())],
                  lambda f: progress.close_without_feedback(self.visit, _text(f["reason"]), *self._who_at()))

    def pause(self) -> None:
        cause = QComboBox()
        for key, label in rules.PAUSE_CAUSES.items():
            cause.addItem(label, key)
        start = date_edit(self.desk.today())
        fields = [("note", "说明", QLineEdit()), ("cause", "暂停原因", cause), ("start", "暂停日期", start)]
        self._run("暂停计时", fields,
                  lambda f: progress.start_pause(self.visit, f["cause"].currentData(), f["start"].date().toPython(),
                                                 *self._who_at(), note=_text(f["note"])))

    def resume(self) -> None:
        self._run("恢复计时", [("end", "恢复日期", date_edit(self.desk.today()))],
                  lambda f: progress.end_pause(self.visit, f["end"].date().toPython(), *self._who_at()))

    def extend(self) -> None:
        new = date_edit(self.desk.today())
        if self.visit.deadline:
            new.setDate(QDate(self.desk.calendar().add_workdays(self.visit.deadline, 2)))
        self._run("延期", [("reason", "延期原因（须告知群众）", QPlainTextEdit()), ("date", "新的办结日期", new)],
                  lambda f: progress.extend_deadline(self.visit, f["date"].date().toPython(), _text(f["reason"]),
                                                     *self._who_at(), self.desk.calendar()))

    def mediation(self) -> None:
        self._run("调解结果", [("result", "调解结果", _combo(rules.MEDIATION_RESULTS))],
                  lambda f: progress.set_mediation_result(self.visit, _text(f["result"]), *self._who_at()))

    def correct(self) -> None:
        original = self.visit.request
        request = QPlainTextEdit(original if self.full else mask_numbers(original))
        contact = MaskedLineEdit("phone", self.visit.contact)
        if self.full:
            contact.reveal()

        def apply(f: dict[str, QWidget]) -> None:
            from dutydesk.domain.phone import PhoneError, parse_phone

            phone = _text(f["contact"]).strip()
            if phone:
                try:
                    phone = parse_phone(phone)
                except PhoneError as exc:
                    raise ValueError(str(exc)) from None
            correct_visit(self.visit, *self._who_at(), _text(f["reason"]),
                          request=restore_numbers(original, _text(f["request"])).strip(), contact=phone)

        self._run("更正记录", [("reason", "更正原因", QLineEdit()), ("request", "诉求内容", request),
                           ("contact", "联系电话", contact)], apply)

    def void(self) -> None:
        self._run("作废记录", [("reason", "作废原因", QLineEdit())],
                  lambda f: void_visit(self.visit, *self._who_at(), _text(f["reason"])))
