"""工具 → 值班设置: sessions, cutoffs, people per session, days covered, minimum hours and the
penalty table (D01, D02, D05, D14). Directors only; a change applies from a date on."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.domain import duty_settings as ds
from dutydesk.domain.duty_settings import DAY_MODES, WEEKDAY_NAMES, SessionDef, validate_sessions
from dutydesk.domain.staff import STAFF_ROLES
from dutydesk.store.duty.duty_config import DutyConfig, duty_config
from dutydesk.store.settings import get_setting, set_setting
from dutydesk.ui.duty.common import pydate
from dutydesk.ui.duty.sign_in_settings import SignInBookSettings
from dutydesk.ui.forms import FormField, button_row, date_edit, push_button
from dutydesk.ui.menu_context import MenuContext
from dutydesk.ui.page_layout import fill, page_with_actions

SESSION_ROWS = (("am", "上午"), ("pm", "下午"), ("night", "驻夜"))
ROLE_COLUMNS = 3  # the penalty table's posts side by side, so its tab fits a 768-high screen
DEFAULT_TIMES = {"am": ("08:30", "12:00"), "pm": ("14:30", "17:30"), "night": ("19:00", "21:30")}


def _time(text: str) -> QTime:
    t = ds.parse_time(text)
    return QTime(t.hour, t.minute)


def _text(edit: QTimeEdit) -> str:
    return edit.time().toString("HH:mm")


def _spin(value: int, maximum: int, suffix: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, maximum)
    spin.setValue(int(value))
    if suffix:
        spin.setSuffix(suffix)
    return spin


class DutySettingsDialog(QDialog):
    """The settings on four tabs under one 生效日期, so every page and its buttons fit a 1366×768
    laptop without scrolling (as one long page it was three screens tall)."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle("值班设置")
        self.resize(760, 560)
        body = QWidget()
        layout = QVBoxLayout(body)
        today = desk.today()
        config = duty_config(today)

        top = QFormLayout()
        self.effective = date_edit(today)
        self.effective_field = FormField("生效日期", self.effective,
                                         "新设置从该日起执行，之前各月的考勤仍按原设置统计。")
        top.addRow("生效日期：", self.effective_field)
        layout.addLayout(top)

        self.pages = QTabWidget()
        self.pages.setAccessibleName("设置分类")
        layout.addWidget(self.pages, 1)
        self.sign_in_book = SignInBookSettings(self)
        for title, box in (("班次", self._build_sessions(config)), ("值班日与人数", self._build_days(config, today)),
                           ("考勤处罚", self._build_penalties(config)), ("签到簿", self.sign_in_book)):
            page = QWidget()
            page_layout = QVBoxLayout(page)
            page_layout.setContentsMargins(0, 0, 0, 0)  # the box's frame is enough: fits at 字号 特大
            page_layout.addWidget(box)
            page_layout.addStretch(1)
            self.pages.addTab(page, title)

        self.save_button = push_button("保存设置", self.save, primary=True)
        self.cancel_button = push_button("取消", self.reject)
        # At 字号 特大 on a laptop the settings scroll; 保存/取消 stay on the screen.
        fill(self, page_with_actions(body, (button_row(self.save_button, self.cancel_button), 1), natural=True))

    def _build_sessions(self, config: DutyConfig) -> QGroupBox:
        box = QGroupBox("班次：签到截止时间默认为班次开始时间")
        grid = QGridLayout(box)
        for c, head in enumerate(["启用", "名称", "开始", "结束", "停签", "仅限星期"]):
            grid.addWidget(QLabel(head), 0, c)
        current = {s.key: s for s in config.sessions}
        self.session_rows: dict[str, dict[str, Any]] = {}
        self.session_fields: dict[str, FormField] = {}
        for r, (key, label) in enumerate(SESSION_ROWS, start=1):
            s = current.get(key)
            start, end = (f"{s.start:%H:%M}", f"{s.end:%H:%M}") if s else DEFAULT_TIMES[key]
            enabled = QCheckBox()
            enabled.setAccessibleName(f"启用{label}班")
            enabled.setChecked(s is not None)
            if key == "am":
                enabled.setEnabled(False)
                enabled.setChecked(True)
            name = QLineEdit(s.name if s else label)
            name.setAccessibleName(f"{label}班名称")
            edits = {}
            for which, value in (("start", start), ("end", end), ("cutoff", f"{s.cutoff:%H:%M}" if s else start)):
                edit = QTimeEdit(_time(value))
                edit.setDisplayFormat("HH:mm")
                edit.setAccessibleName(f"{label}班{ {'start': '开始', 'end': '结束', 'cutoff': '停签'}[which] }时间")
                edits[which] = edit
            weekday = QComboBox()
            weekday.setAccessibleName(f"{label}班星期")
            weekday.addItem("每个值班日", None)
            for i, w in enumerate(WEEKDAY_NAMES):
                weekday.addItem(f"每周{w}", i)
            if s is not None and s.weekdays:
                weekday.setCurrentIndex(weekday.findData(s.weekdays[0]))
            elif key == "night" and s is None:
                weekday.setCurrentIndex(weekday.findData(2))
            holder = QWidget()
            row = QHBoxLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            field = FormField(f"{label}班", holder)
            grid.addWidget(enabled, r, 0)
            grid.addWidget(name, r, 1)
            grid.addWidget(edits["start"], r, 2)
            grid.addWidget(edits["end"], r, 3)
            grid.addWidget(edits["cutoff"], r, 4)
            grid.addWidget(weekday, r, 5)
            grid.addWidget(field, r + len(SESSION_ROWS), 0, 1, 6)
            self.session_rows[key] = {"enabled": enabled, "name": name, "weekday": weekday, **edits}
            self.session_fields[key] = field
        return box

    def _build_days(self, config: DutyConfig, today: dt.date) -> QGroupBox:
        box = QGroupBox("值班日与人数")
        form = QFormLayout(box)
        self.per_session = _spin(config.per_session, 20, " 人")
        self.per_session.setMinimum(1)
        form.addRow("每班人数：", FormField("每班人数", self.per_session))
        self.day_mode = QComboBox()
        for code, label in DAY_MODES.items():
            self.day_mode.addItem(label, code)
        self.day_mode.setCurrentIndex(self.day_mode.findData(config.days_covered.get("mode", "all")))
        form.addRow("值班日：", FormField("值班日", self.day_mode))
        days = QWidget()
        days_row = QHBoxLayout(days)
        days_row.setContentsMargins(0, 0, 0, 0)
        self.weekdays = []
        chosen = set(config.days_covered.get("weekdays") or [])
        for i, w in enumerate(WEEKDAY_NAMES):
            check = QCheckBox(f"周{w}")
            check.setAccessibleName(f"周{w}")
            check.setChecked(i in chosen)
            days_row.addWidget(check)
            self.weekdays.append(check)
        self.weekdays_field = FormField("指定星期", days)
        form.addRow("指定星期：", self.weekdays_field)
        hours = get_setting(ds.MIN_HOURS, today)
        self.min_village = _spin(hours.get("village", 6), 24, " 小时")
        self.min_community = _spin(hours.get("community", 8), 24, " 小时")
        form.addRow("村每日最少坐班：", FormField("村每日最少坐班", self.min_village))
        form.addRow("社区每日最少坐班：", FormField("社区每日最少坐班", self.min_community))
        self.early = _spin(config.early_arrival_minutes, 120, " 分钟")
        form.addRow("提前到岗：", FormField("提前到岗", self.early))
        return box

    def _build_penalties(self, config: DutyConfig) -> QGroupBox:
        box = QGroupBox("考勤处罚：每次查实缺勤的处罚金额")
        outer = QVBoxLayout(box)
        roles = QGridLayout()  # three columns of posts: the whole table in view
        outer.addLayout(roles)
        self.penalties: dict[str, QSpinBox] = {}
        for i, role in enumerate(STAFF_ROLES):
            spin = _spin(config.penalties.amounts.get(role, 0), 100000, " 元")
            self.penalties[role] = spin
            label = QLabel(f"{role}：")
            label.setBuddy(spin)
            row, column = divmod(i, ROLE_COLUMNS)
            roles.addWidget(label, row, 2 * column)
            roles.addWidget(FormField(f"{role}处罚", spin), row, 2 * column + 1)
        pform = QFormLayout()
        outer.addLayout(pform)
        self.joint = _spin(config.penalties.joint_liability, 100000, " 元")
        pform.addRow("连带责任（每人每次）：", FormField("连带责任", self.joint))
        self.threshold = _spin(config.penalties.threshold, 99, " 次")
        self.threshold.setMinimum(1)
        pform.addRow("查实次数达到：", FormField("诫勉谈话次数", self.threshold,
                                                 "达到即诫勉谈话或劝辞；职务与计法在“追责设置”中"))
        self.multiplier = _spin(config.penalties.county_multiplier, 10, " 倍")
        self.multiplier.setMinimum(1)
        pform.addRow("县委组织部查实：", FormField("县委组织部查实倍数", self.multiplier))
        return box

    # -- reading the form ------------------------------------------------------------------
    def sessions(self) -> list[SessionDef]:
        result = []
        for key, row in self.session_rows.items():
            if not row["enabled"].isChecked():
                continue
            weekday = row["weekday"].currentData()
            result.append(SessionDef(
                key, row["name"].text().strip() or key, ds.parse_time(_text(row["start"])),
                ds.parse_time(_text(row["end"])), ds.parse_time(_text(row["cutoff"])),
                (weekday,) if weekday is not None else None,
            ))
        return result

    def values(self) -> dict[str, Any]:
        return {
            ds.SESSIONS.key: [s.to_json() for s in self.sessions()],
            ds.PEOPLE_PER_SESSION.key: self.per_session.value(),
            ds.DAYS_COVERED.key: {"mode": self.day_mode.currentData(),
                                  "weekdays": [i for i, c in enumerate(self.weekdays) if c.isChecked()]},
            ds.MIN_HOURS.key: {"village": self.min_village.value(), "community": self.min_community.value()},
            ds.EARLY_ARRIVAL_MINUTES.key: self.early.value(),
            ds.PENALTIES.key: {role: spin.value() for role, spin in self.penalties.items()},
            ds.JOINT_LIABILITY.key: self.joint.value(),
            ds.FINDING_THRESHOLD.key: self.threshold.value(),
            ds.COUNTY_MULTIPLIER.key: self.multiplier.value(),
            **self.sign_in_book.values(),
        }

    def errors(self) -> dict[str, str]:
        errors = {f"session:{k}": v for k, v in validate_sessions(self.sessions()).items()}
        if self.day_mode.currentData() == "weekdays" and not any(c.isChecked() for c in self.weekdays):
            errors["weekdays"] = "请至少选择一天"
        if pydate(self.effective.date()) < self.desk.today().replace(day=1):
            errors["effective"] = "生效日期不能早于本月1日：已统计的月份不能改动"
        return errors

    def _show_first_error(self, errors: dict[str, str]) -> None:
        """A message on a tab not in view would go unseen: bring forward the first tab with one."""
        fields = [field for key, field in self.session_fields.items() if f"session:{key}" in errors]
        if "weekdays" in errors:
            fields.append(self.weekdays_field)
        for index in range(self.pages.count()):
            if any(self.pages.widget(index).isAncestorOf(field) for field in fields):
                self.pages.setCurrentIndex(index)
                return

    def save(self) -> bool:
        from dutydesk.domain.settings import REGISTRY

        errors = self.errors()
        for key, field in self.session_fields.items():
            field.set_error(errors.get(f"session:{key}", ""))
        self.weekdays_field.set_error(errors.get("weekdays", ""))
        self.effective_field.set_error(errors.get("effective", ""))
        if errors:
            self._show_first_error(errors)
            return False
        since = pydate(self.effective.date())
        changed = 0
        with self.desk.db.atomic():
            for key, value in self.values().items():
                setting = REGISTRY[key]
                if get_setting(setting, since) != value:
                    set_setting(setting, value, since, self.desk.who, self.desk.now())
                    changed += 1
        self.changed_count = changed
        self.accept()
        return True


def open_duty_settings(context: MenuContext) -> bool:
    """工具 → 值班设置 (directors only; the menu hides it from others, this checks again)."""
    desk, window = context.desk, context.window
    if not (desk.account and desk.account.is_director):
        QMessageBox.warning(window, "值班设置", "只有主任或书记可以修改值班设置。")
        return False
    dialog = DutySettingsDialog(desk, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    context.changed("duty")
    return True
