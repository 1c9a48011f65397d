"""督查 page: unannounced inspections and verified complaints (D15), counted as findings (D14)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.domain.assessment import SurveyCounts, satisfaction_rate
from dutydesk.domain.labels import label
from dutydesk.store.duty.inspections import DutyFinding, FindingError, record_complaint, record_inspection
from dutydesk.store.duty.satisfaction import SurveyError, record_survey
from dutydesk.store.duty.staff import Staff, active_staff, staff_by_name
from dutydesk.ui.duty.common import show_message, staff_combo, table_view
from dutydesk.ui.duty.table_model import PagedTableModel
from dutydesk.ui.forms import FormField, add_field, message_label, push_button, show_errors
from dutydesk.ui.lazy_tabs import StagedBuild
from dutydesk.ui.page_layout import page_with_actions
from dutydesk.ui.page_loader import PageLoader

DESK_TARGET = "服务中心（全体）"
HEADERS = ["时间", "类别", "人员", "检查/核实人", "县委组织部", "情况"]


def _page(offset: int, limit: int) -> list[DutyFinding]:
    """Newest first, each with its person read in the same query (a name per row, not a query)."""
    return list(DutyFinding.select(DutyFinding, Staff).join(Staff).where(DutyFinding.voided_at.is_null())
                .order_by(DutyFinding.found_at.desc()).offset(offset).limit(limit))


def _qdt(value: dt.datetime) -> QDateTime:
    return QDateTime(value)


def _pydt(value: QDateTime) -> dt.datetime:
    return value.toPython().replace(second=0, microsecond=0)


class InspectionPage(QWidget):
    changed = Signal(str)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._columns = QHBoxLayout(self)
        self._forms = forms = QVBoxLayout()
        self._columns.addLayout(forms, 2)
        # The three forms are pages of their own: stacked they are twice as tall as a laptop screen.
        self.forms = QTabWidget()
        self.forms.setAccessibleName("督查登记")
        forms.addWidget(self.forms)

        self.loader = PageLoader(self)  # the findings' first page, with their names, off the GUI thread
        # Issue 17: one part per event-loop turn once the app runs (at once in tests).
        self.steps = StagedBuild(self._build_inspection, self._build_complaint, self._build_survey,
                               self._build_list, self.reset_times, self.refresh)
        self.steps.start(self)

    def _build_inspection(self) -> None:
        box = QGroupBox("明察暗访 / 督查")
        form = QFormLayout(box)
        self.at = QDateTimeEdit()
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.at.setCalendarPopup(True)
        self.inspector = QLineEdit()
        self.inspector.setPlaceholderText("如：镇纪委 陈某某")
        self.off_post = QListWidget()
        self.off_post.setMaximumHeight(140)
        self.county = QCheckBox("县委组织部检查（处罚加倍）")
        self.county.setAccessibleName("县委组织部检查")
        self.detail = QLineEdit()
        self.fields = {
            "at": add_field(form, FormField("检查时间", self.at)),
            "inspector": add_field(form, FormField("检查人", self.inspector)),
            "off_post": add_field(form, FormField("脱岗人员", self.off_post, "勾选检查时不在岗的人员；都在岗则不勾选")),
            "detail": add_field(form, FormField("检查情况", self.detail)),
        }
        self.inspect_button = push_button("登记督查", self.do_inspect, primary=True)
        # Each form's button stays on the screen at 字号 特大 (the form above it scrolls), with the
        # tick box that decides how the finding counts beside it.
        self.forms.addTab(page_with_actions(box, self.county, self.inspect_button), "明察暗访")

    def _build_complaint(self) -> None:
        cbox = QGroupBox("监督电话投诉（核实后登记）")
        cform = QFormLayout(cbox)
        self.c_at = QDateTimeEdit()
        self.c_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.c_staff = staff_combo("被投诉人员")
        self.c_verified = QLineEdit()
        self.c_detail = QLineEdit()
        self.c_county = QCheckBox("县委组织部查实")
        self.c_county.setAccessibleName("县委组织部查实")
        self.c_fields = {
            "at": add_field(cform, FormField("事件时间", self.c_at)),
            "staff": add_field(cform, FormField("被投诉人员", self.c_staff)),
            "inspector": add_field(cform, FormField("核实人", self.c_verified)),
            "detail": add_field(cform, FormField("投诉及核实情况", self.c_detail)),
        }
        self.complaint_button = push_button("登记投诉", self.do_complaint)
        self.forms.addTab(page_with_actions(cbox, self.c_county, self.complaint_button), "投诉")

    def _build_survey(self) -> None:
        sbox = QGroupBox("年度群众满意度测评（计入干部年度考核）")
        self._forms.addStretch(1)
        sform = QFormLayout(sbox)
        self.s_year = QSpinBox()
        self.s_year.setRange(2000, 2100)
        self.s_year.setValue(self.desk.today().year)
        self.s_target = QComboBox()
        self.s_counts = {key: QSpinBox() for key in ("respondents", "satisfied", "basic", "unsatisfied")}
        for spin in self.s_counts.values():
            spin.setRange(0, 100000)
        self.s_fields = {
            "year": add_field(sform, FormField("测评年度", self.s_year)),
            "target": add_field(sform, FormField("测评对象", self.s_target)),
            "respondents": add_field(sform, FormField("参评人数", self.s_counts["respondents"])),
            "satisfied": add_field(sform, FormField("满意", self.s_counts["satisfied"])),
            "basic": add_field(sform, FormField("基本满意", self.s_counts["basic"])),
            "unsatisfied": add_field(sform, FormField("不满意", self.s_counts["unsatisfied"])),
        }
        self.survey_button = push_button("登记测评", self.do_survey)
        self.survey_result = message_label("满意度结果")
        sform.addRow(self.survey_result)
        self.forms.addTab(page_with_actions(sbox, self.survey_button), "满意度测评")
        self.message = message_label("督查提示")
        self._forms.addWidget(self.message)

    def _build_list(self) -> None:
        self.model = PagedTableModel(HEADERS, _page, lambda f: [
            f"{f.found_at:%Y-%m-%d %H:%M}", label("finding_kind", f.kind), f.staff.name, f.inspector,
            "是" if f.by_county else "", f.detail])
        self.table = table_view("督查记录")
        self.table.setModel(self.model)
        self._columns.addWidget(self.table, 3)

    def reset_times(self) -> None:
        now = self.desk.now()
        self.at.setDateTime(_qdt(now))
        self.c_at.setDateTime(_qdt(now))

    def refresh(self) -> None:
        """Re-read staff and records; whatever is typed or ticked in the forms stays."""
        self.steps.complete()  # asked before the page is through building: finish it first
        now = self.desk.now()
        ticked = set(self.checked_names())
        self.off_post.clear()
        staff = active_staff(now.date())
        for s in staff:
            item = QListWidgetItem(f"{s.name}（{s.role}）")
            item.setData(Qt.ItemDataRole.UserRole, s.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if s.name in ticked else Qt.CheckState.Unchecked)
            self.off_post.addItem(item)
        keep = self.c_staff.currentText()
        self.c_staff.clear()
        self.c_staff.addItems([s.name for s in staff])
        self.c_staff.setCurrentIndex(self.c_staff.findText(keep) if keep else -1)
        keep = self.s_target.currentText()
        self.s_target.clear()
        self.s_target.addItems([DESK_TARGET] + [s.name for s in staff])
        self.s_target.setCurrentIndex(max(0, self.s_target.findText(keep)))
        self.model.reload_with(self.loader)

    def checked_names(self) -> list[str]:
        return [self.off_post.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.off_post.count())
                if self.off_post.item(i).checkState() == Qt.CheckState.Checked]

    def check(self, name: str) -> None:
        for i in range(self.off_post.count()):
            item = self.off_post.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == name:
                item.setCheckState(Qt.CheckState.Checked)

    def do_inspect(self) -> None:
        names = self.checked_names()
        staff = [s for s in (staff_by_name(n) for n in names) if s is not None]
        try:
            record_inspection(_pydt(self.at.dateTime()), self.inspector.text(), staff, self.county.isChecked(),
                              self.detail.text(), self.desk.who, self.desk.now())
        except FindingError as exc:
            show_errors(self.fields, exc.errors)
            return
        show_errors(self.fields, {})
        self.inspector.clear()
        self.detail.clear()
        self.county.setChecked(False)
        for i in range(self.off_post.count()):
            self.off_post.item(i).setCheckState(Qt.CheckState.Unchecked)
        self.reset_times()
        found = "、".join(names) if names else "无人脱岗"
        show_message(self.message, f"已登记督查：{found}", ok=True)
        self.refresh()
        self.changed.emit("duty")

    def do_complaint(self) -> None:
        try:
            record_complaint(_pydt(self.c_at.dateTime()), staff_by_name(self.c_staff.currentText() or "-"),
                             self.c_verified.text(), self.c_detail.text(), self.c_county.isChecked(),
                             self.desk.who, self.desk.now())
        except FindingError as exc:
            show_errors(self.c_fields, exc.errors)
            return
        show_errors(self.c_fields, {})
        self.c_verified.clear()
        self.c_detail.clear()
        self.c_staff.setCurrentIndex(-1)
        self.reset_times()
        show_message(self.message, "已登记查实的投诉，计入当月考勤查实次数", ok=True)
        self.refresh()
        self.changed.emit("duty")

    def do_survey(self) -> None:
        """D16: the residents' rating of the desk (or of one cadre) for a year."""
        counts = SurveyCounts(*(self.s_counts[k].value() for k in ("respondents", "satisfied", "basic", "unsatisfied")))
        target = self.s_target.currentText()
        staff = None if target == DESK_TARGET else staff_by_name(target)
        try:
            survey = record_survey(self.s_year.value(), staff, counts, "", self.desk.who, self.desk.now())
        except SurveyError as exc:
            show_errors(self.s_fields, exc.errors)
            return
        show_errors(self.s_fields, {})
        show_message(self.survey_result, f"{survey.year}年{target}满意率：{satisfaction_rate(counts):g}%", ok=True)
        for spin in self.s_counts.values():
            spin.setValue(0)
        self.changed.emit("duty")
