"""The registration form (来访登记), built for speed at a desk and usable from the keyboard alone.

Flow: type a phone/ID/name/initials in 查找群众, Enter takes the person, then Tab through 事项类别,
诉求内容, 处理方式 and its fields, Ctrl+S saves. Bad input is reported beside its field and
nothing typed is lost (a failed save keeps every field as it was).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.domain import visit_rules as rules
from dutydesk.domain.calendar_years import deadline_text
from dutydesk.store.accounts.account import Account
from dutydesk.store.visits.first_responder import default_responder, on_duty_names
from dutydesk.store.visits.resident_lookup import ResidentMatch
from dutydesk.store.visits.visit import Visit, VisitDraft, VisitInvalid, deadline_days_for
from dutydesk.store.visits.visit_queries import register_for_person
from dutydesk.ui.forms import FormField, add_field, button_row, message_label, push_button, show_errors
from dutydesk.ui.lazy_tabs import StagedBuild
from dutydesk.ui.masked_edit import MaskedLineEdit
from dutydesk.ui.theme import OK_GREEN
from dutydesk.ui.visits.incident_fields import IncidentFields
from dutydesk.ui.visits.resident_lookup_box import ResidentLookupBox

OUTCOME_FIELDS = {
    rules.DONE_NOW: ("result",),
    rules.PROXY: ("deadline_kind",),
    rules.TRANSFER: ("transfer_to", "transfer_contact", "deadline_kind"),
    rules.ESCALATE: ("escalate_level", "deadline_kind"),
    rules.OUT_OF_SCOPE: ("outside_unit", "outside_address", "outside_phone"),
}
OUTCOME_ONLY = {"result", "deadline_kind", "transfer_to", "transfer_contact", "escalate_level",
                "outside_unit", "outside_address", "outside_phone"}


def _combo(items: list[str] | tuple[str, ...], editable: bool = False) -> QComboBox:
    combo = QComboBox()
    combo.addItems(list(items))
    combo.setEditable(editable)
    return combo


class VisitForm(QWidget):
    """Registers one visit; emits ``saved(visit)`` after a committed write."""

    saved = Signal(object)

    def __init__(self, desk: Desk, parent: QWidget | None = None, staged: StagedBuild | None = None) -> None:
        """Its fields and actions at once, or (``staged``) in the turns right after (issue 17)."""
        super().__init__(parent)
        self.desk = desk
        self.resident_id: int | None = None
        self._outcome_before: int | None = None  # the 处理方式 a 代办 category stood in for
        outer = QVBoxLayout(self)
        title = QLabel("来访登记")
        title.setProperty("role", "title")
        outer.addWidget(title)

        self.lookup = ResidentLookupBox()
        self.lookup.picked.connect(self.take_resident)
        outer.addWidget(self.lookup)
        self.person_info = message_label("已选群众")
        self.person_button = push_button("群众信息…", self.edit_resident)
        self.person_button.setAccessibleName("群众信息")
        self.person_button.setToolTip("更正该群众的身份证号、电话、村民小组、住址和标签")
        person_row = QHBoxLayout()
        person_row.addWidget(self.person_info, 1)
        person_row.addWidget(self.person_button)
        outer.addLayout(person_row)
        self._show_person(False)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(form)
        self.form = form
        self.fields: dict[str, FormField] = {}
        # The actions are a widget of their own: the tab keeps them below the scrolling form.
        self.actions = QWidget()
        outer.addWidget(self.actions)
        outer.addStretch(1)
        # The incident's rows (事发时间 and who was told when, 13 fields) are a part of their own:
        # with the person's fields they were the longest turn of the tabs built in idle time.
        parts = (self._add_person_fields, self._add_incident_fields, self._add_matter_fields, self._add_actions)
        if staged is None:
            for part in parts:
                part()
        else:  # issue 17: the fields in three more turns, right after this one
            staged.add(*parts, first=True)

    def _add_fields(self, specs: list[tuple[str, str, QWidget, str]]) -> None:
        for name, label, editor, hint in specs:
            self.fields[name] = add_field(self.form, FormField(label, editor, hint))

    def _add_person_fields(self) -> None:
        mediation = _combo(("尚未调解", *rules.MEDIATION_RESULTS))
        self._add_fields([
            ("channel", "来访方式", _combo(rules.CHANNELS), ""),
            ("person_name", "姓名", QLineEdit(), ""),
            ("contact", "联系电话", MaskedLineEdit("phone"), ""),
            ("id_number", "身份证号", QLineEdit(), "可不填；填写后自动核对校验位"),
            ("category", "事项类别", _combo(rules.CATEGORIES), ""),
            ("dispute_parties", "当事各方", QLineEdit(), "登记纠纷双方姓名及事由"),
            ("mediation_result", "调解结果", mediation, ""),
        ])

    def _add_incident_fields(self) -> None:
        """Under 调解结果: shown for 突发事件 only."""
        self.incident = IncidentFields(self.form, self.fields)

    def _add_matter_fields(self) -> None:
        request = QPlainTextEdit()
        request.setTabChangesFocus(True)
        request.setFixedHeight(80)
        deadline_kind = QComboBox()
        for key, (label, _setting) in rules.DEADLINE_KINDS.items():
            deadline_kind.addItem(label, key)
        deadline_kind.setCurrentIndex(1)  # 需审核: the common case
        self._add_fields([
            ("request", "诉求内容", request, ""),
            ("responder_name", "首问责任人", _combo([], editable=True), "首位接待人负责到底"),
            ("outcome", "处理方式", _combo(rules.OUTCOMES), ""),
            ("result", "办理结果", QLineEdit(), ""),
            ("transfer_to", "承办人或单位", QLineEdit(), ""),
            ("transfer_contact", "承办方联系方式", QLineEdit(), ""),
            ("escalate_level", "上报层级", _combo(rules.ESCALATION_LEVELS), "超出本村报镇，超出本镇报县"),
            ("outside_unit", "负责单位", QLineEdit(), "告知群众到哪个单位办理"),
            ("outside_address", "单位地址", QLineEdit(), ""),
            ("outside_phone", "单位电话", QLineEdit(), ""),
            ("deadline_kind", "承诺时限", deadline_kind, ""),
        ])
        self.due_label = QLabel("")
        self.due_label.setAccessibleName("承诺办结日期")
        self.due_label.setWordWrap(True)
        self.form.addRow("", self.due_label)

    def _add_actions(self) -> None:
        self.save_button = push_button("保存登记 (Ctrl+S)", self.save, primary=True)
        self.new_button = push_button("新登记 (F2)", self.start_new)
        actions = QVBoxLayout(self.actions)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addLayout(button_row(self.save_button, self.new_button, at_left=True))
        self.message = QLabel("")
        self.message.setAccessibleName("登记结果")
        self.message.setStyleSheet(f"color: {OK_GREEN}; font-weight: bold;")
        actions.addWidget(self.message)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.editor("outcome").currentIndexChanged.connect(self._refresh_visibility)
        self.editor("category").currentIndexChanged.connect(self._category_changed)
        self.editor("deadline_kind").currentIndexChanged.connect(self._refresh_due)
        self.editor("outcome").currentIndexChanged.connect(self._refresh_due)
        self.editor("person_name").textEdited.connect(self._person_edited)
        self.editor("contact").textEdited.connect(self._person_edited)
        self.start_new()

    # -- helpers ------------------------------------------------------------------------------
    def editor(self, name: str):
        return self.fields[name].editor

    def _text(self, name: str) -> str:
        editor = self.editor(name)
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        if isinstance(editor, QComboBox):
            return editor.currentText()
        if isinstance(editor, MaskedLineEdit):
            return editor.value()
        return editor.text()

    def _outcome(self) -> str:
        """The 处理方式, derived from a 代办 category (asked once, P02)."""
        return rules.derived_outcome(self._text("category"), self._text("outcome"))

    def _category_changed(self) -> None:
        """代办 as 事项类别 is also the 处理方式: the outcome row hides and shows 代办; picking another
        category gives back what the outcome was before."""
        outcome = self.editor("outcome")
        if self._text("category") == rules.PROXY:
            if self._outcome_before is None:
                self._outcome_before = outcome.currentIndex()
            outcome.setCurrentText(rules.PROXY)
        elif self._outcome_before is not None:
            outcome.setCurrentIndex(self._outcome_before)
            self._outcome_before = None
        self._refresh_visibility()

    def _refresh_visibility(self) -> None:
        outcome = self._outcome()
        category = self._text("category")
        self.form.setRowVisible(self.fields["outcome"], category != rules.PROXY)
        wanted = set(OUTCOME_FIELDS.get(outcome, ()))
        for name in OUTCOME_ONLY:
            self.form.setRowVisible(self.fields[name], name in wanted)
        for name in ("dispute_parties", "mediation_result"):
            self.form.setRowVisible(self.fields[name], category == "矛盾纠纷")
        self.incident.set_visible(category == "突发事件")
        self.form.setRowVisible(self.due_label, "deadline_kind" in wanted)
        self._refresh_due()

    def _refresh_due(self) -> None:
        if "deadline_kind" not in OUTCOME_FIELDS.get(self._outcome(), ()):
            self.due_label.setText("")
            return
        kind = self.editor("deadline_kind").currentData()
        today = self.desk.today()
        days = deadline_days_for(kind, today)
        calendar = self.desk.calendar()
        due = calendar.add_workdays(today, days)
        text = f"承诺 {days} 个工作日，{deadline_text(due, calendar, '%Y年%m月%d日')}前办结（已扣除节假日）"
        if self._outcome() == rules.PROXY:  # V04: one date, the slip's
            text += "；受理代办后按办事指南时限改为代办单上的日期"
        self.due_label.setText(text)

    def _responder_choices(self) -> list[str]:
        names = on_duty_names(self.desk.now())
        names += [a.name for a in Account.select().where(Account.active == True).order_by(Account.id)]  # noqa: E712
        return list(dict.fromkeys(names))

    def _show_person(self, shown: bool) -> None:
        self.person_info.setVisible(shown)
        self.person_button.setVisible(shown)

    def edit_resident(self) -> None:
        from dutydesk.store.visits.residents import Resident
        from dutydesk.ui.visits.resident_edit import ResidentEditDialog

        if self.resident_id is None:
            return
        ResidentEditDialog(self.desk, Resident.get_by_id(self.resident_id), self).exec()

    def _person_edited(self) -> None:
        """Typing over a picked person's name or phone means it is someone else."""
        if self.resident_id is not None:
            self.resident_id = None
            self._show_person(False)
            self.form.setRowVisible(self.fields["id_number"], True)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.focusWidget() is None:
            self.lookup.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- actions ------------------------------------------------------------------------------
    def start_new(self) -> None:
        """Clear the form for the next person and put the cursor in 查找群众."""
        self.resident_id = None
        self.lookup.clear()
        self._show_person(False)
        for name in ("person_name", "contact", "id_number", "result", "transfer_to", "transfer_contact",
                     "outside_unit", "outside_address", "outside_phone", "dispute_parties"):
            self.editor(name).clear()
        self.editor("request").clear()
        for name in ("channel", "category", "outcome", "escalate_level", "mediation_result"):
            self.editor(name).setCurrentIndex(0)
        self._outcome_before = None
        self.editor("deadline_kind").setCurrentIndex(1)
        self.incident.reset(self.desk.now())
        responder = self.editor("responder_name")
        responder.clear()
        responder.addItems(self._responder_choices())
        who = default_responder(self.desk.who, self.desk.now())
        responder.setCurrentText(who)
        self.form.setRowVisible(self.fields["id_number"], True)
        show_errors(self.fields, {})
        self._refresh_visibility()
        self.lookup.edit.setFocus()

    def take_resident(self, match: ResidentMatch) -> None:
        """Fill the form from a picked resident and move on to the matter itself."""
        r = match.resident
        self.resident_id = r.id
        self.editor("person_name").setText(r.name)
        self.editor("contact").set_value(match.phones[0] if match.phones else "")  # shown masked (V09)
        self.editor("id_number").clear()
        self.form.setRowVisible(self.fields["id_number"], False)
        info = f"已选：{r.name}"
        if r.masked_id:
            info += f"（{r.masked_id}）"
        if match.open_count:
            info += f"，有 {match.open_count} 件事项未办结"
        self.person_info.setText(info)
        self._show_person(True)
        self.editor("category").setFocus()

    def draft(self) -> VisitDraft:
        is_incident = self._text("category") == "突发事件"
        mediation = self._text("mediation_result")
        return VisitDraft(
            channel=self._text("channel"),
            category=self._text("category"),
            person_name=self._text("person_name"),
            request=self._text("request"),
            responder_name=self._text("responder_name"),
            outcome=self._outcome(),
            contact=self._text("contact"),
            resident_id=self.resident_id,
            responder_account=self.desk.who,
            result=self._text("result"),
            transfer_to=self._text("transfer_to"),
            transfer_contact=self._text("transfer_contact"),
            escalate_level=self._text("escalate_level"),
            outside_unit=self._text("outside_unit"),
            outside_address=self._text("outside_address"),
            outside_phone=self._text("outside_phone"),
            deadline_kind=self.editor("deadline_kind").currentData() or "",
            dispute_parties=self._text("dispute_parties"),
            mediation_result="" if mediation == "尚未调解" else mediation,
            incident_occurred_at=self.incident.occurred_at() if is_incident else None,
            incident_reports=self.incident.drafts() if is_incident else [],
        )

    def save(self) -> Visit | None:
        self.message.setText("")
        try:
            visit = register_for_person(self.draft(), self._text("id_number"), self.desk.who, self.desk.now(),
                                        self.desk.calendar())
        except VisitInvalid as exc:
            show_errors(self.fields, exc.errors)
            return None
        show_errors(self.fields, {})
        done = f"已登记 {visit.ref}：{visit.person_name}，{visit.category}，{visit.outcome}"
        if visit.deadline:
            done += f"，{deadline_text(visit.deadline, self.desk.calendar(), '%m月%d日')}前办结"
        self.saved.emit(visit)
        self.start_new()
        self.message.setText(done)
        return visit
