"""值班代办员 (P10): name today's proxy agent for a session; new cases default to that agent.

A director also sets how sessions get an agent when none is named (不设, 轮值 with the roster,
or 指定 one cadre): a dated duty setting, applying from today on."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QVBoxLayout, QWidget

from dutydesk.desk import Desk
from dutydesk.store.duty.duty_config import duty_config
from dutydesk.store.duty.staff import active_staff
from dutydesk.store.notices import session_agent
from dutydesk.store.settings import get_setting, set_setting
from dutydesk.ui.forms import FormField, add_field, button_row, message_label, push_button, show_errors


class AgentDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle("值班代办员")
        self.setAccessibleName("值班代办员")
        self.resize(480, 300)
        today = desk.today()
        self.session = QComboBox()
        for s in duty_config(today).sessions_on(today):
            self.session.addItem(s.label(), s.key)
        now_session = session_agent.session_at(desk.now())
        if now_session is not None:
            self.session.setCurrentIndex(max(0, self.session.findData(now_session.key)))
        self.agent = QComboBox()
        self.agent.addItems([s.name for s in active_staff(today)])
        form = QFormLayout()
        self.fields = {
            "session": add_field(form, FormField("班次", self.session)),
            "agent": add_field(form, FormField("代办员", self.agent)),
        }
        self.mode = QComboBox()
        self.mode.addItems(list(session_agent.MODES))
        self.mode.setCurrentText(str(get_setting(session_agent.AGENT_MODE, today)))
        self.designated = QComboBox()
        self.designated.addItems([""] + [s.name for s in active_staff(today)])
        self.designated.setCurrentText(str(get_setting(session_agent.DESIGNATED_AGENT, today)))
        director = bool(desk.account and desk.account.is_director)
        self.fields["mode"] = add_field(form, FormField("未指定时", self.mode, "不设：由首问责任人负责；"
                                                        "轮值：排班表上该班第一人；指定：固定一人"))
        self.fields["designated"] = add_field(form, FormField("指定代办员", self.designated))
        self.mode_button = push_button("保存值班方式", self.save_mode)
        for widget in (self.mode, self.designated, self.mode_button):
            widget.setEnabled(director)
        self.current = message_label("本班代办员")
        self.session.currentIndexChanged.connect(lambda _i: self._show_current())
        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        layout.addLayout(form)
        layout.addLayout(button_row(self.mode_button, push_button("指定本班代办员", self.save, primary=True),
                                    push_button("关闭", self.accept)))
        self._show_current()

    def _show_current(self) -> None:
        key = self.session.currentData()
        if key is None:
            self.current.setText("今天没有值班班次")
            return
        name = session_agent.agent_for(self.desk.today(), key)
        self.current.setText(f"本班代办员：{name}" if name else "本班尚未指定代办员，新代办单默认由首问责任人负责")

    def save(self) -> None:
        key = self.session.currentData()
        try:
            session_agent.name_agent(self.desk.today(), key or "", self.agent.currentText(), self.desk.who,
                                     self.desk.now())
        except session_agent.AgentInvalid as exc:
            show_errors(self.fields, exc.errors)
            return
        show_errors(self.fields, {})
        self._show_current()


    def save_mode(self) -> None:
        """The duty setting, from today on (directors only)."""
        mode, name = self.mode.currentText(), self.designated.currentText()
        if mode == session_agent.DESIGNATED and not name:
            show_errors(self.fields, {"designated": "请选择指定的代办员"})
            return
        show_errors(self.fields, {})
        today, now = self.desk.today(), self.desk.now()
        with self.desk.db.atomic():
            set_setting(session_agent.AGENT_MODE, mode, today, self.desk.who, now)
            set_setting(session_agent.DESIGNATED_AGENT, name, today, self.desk.who, now)
        self._show_current()


def open_agent_dialog(desk: Desk, window: QWidget) -> None:
    AgentDialog(desk, window).exec()
