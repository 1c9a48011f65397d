"""The 留言预约 tab: F3 writes a message down from anywhere (V10), bookings show on the day's pages
and become a visit in one key (V14), a letter's reply goes through its steps (V13)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QListWidget, QPlainTextEdit, QTableWidget

from dutydesk.store.accounts.account import Account
from dutydesk.store.messages.appointments import Appointment, AppointmentDraft, book
from dutydesk.store.messages.inquiry_letters import InquiryLetter
from dutydesk.store.messages.message import Message, MessageDraft, leave_message
from dutydesk.store.visits.visit import Visit
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.messages.form_dialog import RecordFormDialog
from dutydesk.ui.messages.tab import MessagesTab
from dutydesk.ui.prefs import UiPrefs
from dutydesk.ui.visits.tab import VisitsTab
from tests.approvers import SECRET, approver
from tests.ui.helpers import activate, by_name, type_text


def make_window(qtbot, desk) -> MainWindow:
    window = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


def click(qtbot, root, name: str) -> None:
    qtbot.mouseClick(by_name(root, name), Qt.MouseButton.LeftButton)


def table_texts(table: QTableWidget) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_v10_f3_records_a_message_from_any_tab_and_it_is_delivered(qtbot, app, desk):
    desk.account = Account.get(Account.name == "李文书")  # an operator sees phones masked (V09)
    window = make_window(qtbot, desk)
    window.tabs.setCurrentIndex(1)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F3)
    dialog = window.findChild(RecordFormDialog)
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == "记录留言转告"
    click(qtbot, dialog, "保存")
    assert by_name(dialog, "留言人错误提示", QLabel).text() == "请填写留言人"
    type_text(qtbot, by_name(dialog, "留言人"), "赵大爷")
    type_text(qtbot, by_name(dialog, "留言人电话"), "13812345678")
    type_text(qtbot, by_name(dialog, "转告给"), "王书记")
    type_text(qtbot, by_name(dialog, "留言内容", QPlainTextEdit), "请回电商量修路")
    click(qtbot, dialog, "保存")
    assert not dialog.isVisible()
    m = Message.get()
    assert (m.from_name, m.for_name, m.for_kind, m.content) == ("赵大爷", "王书记", "干部", "请回电商量修路")

    tab = window.findChild(MessagesTab)
    window.show_tab("留言预约")
    rows = table_texts(by_name(tab, "留言转告列表", QTableWidget))
    assert rows[0][2] == "赵大爷" and rows[0][3] == "138****5678" and rows[0][6] == "未转达"
    by_name(tab, "留言转告列表", QTableWidget).selectRow(0)
    deliver = tab.messages.deliver()
    deliver.editor("delivery_method").setCurrentText("电话")
    type_text(qtbot, by_name(deliver, "转达情况", QPlainTextEdit), "王书记已回电")
    click(qtbot, deliver, "保存")
    assert Message.get().delivered_by == "李文书"
    assert table_texts(by_name(tab, "留言转告列表", QTableWidget))[0][6] == "已转达"
    assert "F3" in "\n".join(window.shortcut_lines())


def test_v14_booking_shows_on_both_day_pages_and_becomes_a_visit_in_one_key(qtbot, app, desk, clock):
    window = make_window(qtbot, desk)
    tab = window.findChild(MessagesTab)
    dialog = tab.appointments.new_booking()
    type_text(qtbot, by_name(dialog, "预约人"), "钱阿姨")
    type_text(qtbot, by_name(dialog, "预约办理事项", QPlainTextEdit), "办理高龄津贴")
    by_name(dialog, "预约时间").setDateTime(dt.datetime(2026, 11, 24, 10, 0))
    click(qtbot, dialog, "保存")
    assert Appointment.get().slot_at == dt.datetime(2026, 11, 24, 10, 0)
    visits = window.findChild(VisitsTab)
    for page in (window.findChild(type(window.tabs.widget(0))), visits):
        strip = by_name(page, "今日预约", QListWidget)
        assert strip.count() == 1 and strip.item(0).text() == "10:00 钱阿姨｜办理高龄津贴｜已预约"

    window.tabs.setCurrentIndex(0)  # 今日值班
    today_strip = by_name(window.tabs.widget(0), "今日预约", QListWidget)
    assert today_strip.isVisible()
    today_strip.setCurrentRow(0)
    qtbot.keyClick(today_strip, Qt.Key.Key_Return)  # one key: the form filled in from the booking
    strip = by_name(visits, "今日预约", QListWidget)
    assert window.tabs.currentWidget() is visits
    assert by_name(visits, "姓名").text() == "钱阿姨"
    assert by_name(visits, "诉求内容", QPlainTextEdit).toPlainText() == "办理高龄津贴"
    by_name(visits, "事项类别", QComboBox).setCurrentText("政策咨询")
    type_text(qtbot, by_name(visits, "办理结果"), "已受理")
    click(qtbot, visits, "保存登记")
    visit = Visit.get()
    booking = Appointment.get()
    assert booking.state == "arrived" and booking.visit_id == visit.id
    assert strip.item(0).text().endswith("已到场")


def test_v14_missed_booking_marked_from_the_page(qtbot, app, desk, clock):
    book(AppointmentDraft(dt.datetime(2026, 11, 24, 9, 30), "孙大伯", "开居住证明"), desk.who, desk.now())
    tab = MessagesTab(desk)
    qtbot.addWidget(tab)
    tab.pages.setCurrentWidget(tab.appointments)
    table = by_name(tab, "预约列表", QTableWidget)
    table.selectRow(0)
    click(qtbot, tab, "记为未到")
    assert by_name(tab, "预约列表提示", QLabel).text() == "预约时间过后30分钟仍未到，才能记为未到"
    clock.set(dt.datetime(2026, 11, 24, 10, 0))
    click(qtbot, tab, "记为未到")
    assert Appointment.get().state == "missed"
    assert table_texts(table)[0][5] == "未到"


def test_v13_letter_reply_steps_in_order_with_signature(qtbot, app, desk):
    approver()
    tab = MessagesTab(desk)
    qtbot.addWidget(tab)
    pages = tab.letters
    dialog = pages.register()
    type_text(qtbot, by_name(dialog, "来函单位"), "邻县公安局")
    type_text(qtbot, by_name(dialog, "来函事由", QPlainTextEdit), "核实张三居住情况")
    click(qtbot, dialog, "保存")
    table = by_name(tab, "外来函件列表", QTableWidget)
    assert table_texts(table)[0][5] == "已登记"
    assert not by_name(tab, "负责人签字…").isEnabled() and not by_name(tab, "盖章").isEnabled()
    d = pages.step("拟写复函…")
    type_text(qtbot, by_name(d, "复函内容", QPlainTextEdit), "经核实，张三常住本村")
    click(qtbot, d, "保存")
    d = pages.step("核实…")
    type_text(qtbot, by_name(d, "核实情况", QPlainTextEdit), "入户走访")
    click(qtbot, d, "保存")
    d = pages.step("负责人签字…")
    type_text(qtbot, by_name(d, "负责人密码"), "0000")
    click(qtbot, d, "保存")
    assert by_name(d, "签字负责人错误提示", QLabel).text() != ""
    by_name(d, "负责人密码").clear()
    type_text(qtbot, by_name(d, "负责人密码"), SECRET)
    click(qtbot, d, "保存")
    assert by_name(tab, "盖章").isEnabled()
    click(qtbot, tab, "盖章")
    d = pages.step("发函…")
    click(qtbot, d, "保存")
    letter = InquiryLetter.get()
    assert (letter.state, letter.signed_by, letter.sent_method) == ("sent", "王书记", "邮寄")
    assert table_texts(table)[0][5:7] == ["已发函", "王书记"]


def test_v10_message_left_on_the_tab_refreshes_lists(qtbot, app, desk):
    leave_message(MessageDraft("镇农业办", "单位", "村委会", "报送统计表"), desk.who, desk.now())
    tab = MessagesTab(desk)
    qtbot.addWidget(tab)
    assert table_texts(by_name(tab, "留言转告列表", QTableWidget))[0][4] == "村委会（单位）"
    assert not by_name(tab, "已转达…").isEnabled()  # nothing selected yet


def test_v10_overdue_message_in_followup_opens_on_its_page(qtbot, app, desk, clock):
    m = leave_message(MessageDraft("赵大爷", "干部", "王书记", "请回电"), desk.who, desk.now())
    clock.advance(hours=25)
    window = make_window(qtbot, desk)
    visits = window.findChild(VisitsTab)
    panel = by_name(visits, "待跟进", QListWidget)
    [item] = [panel.item(i) for i in range(panel.count()) if m.ref in panel.item(i).text()]
    assert item.text().startswith("【已超期】")
    panel.itemActivated.emit(item)
    tab = window.findChild(MessagesTab)
    assert window.tabs.currentWidget() is tab and tab.messages.current().id == m.id
    assert by_name(tab, "已转达…").isEnabled()


def test_d09_undelivered_message_shown_in_the_sign_out_handover(qtbot, app, desk):
    from dutydesk.ui.duty.today import TodayPage

    m = leave_message(MessageDraft("赵大爷", "干部", "王书记", "请回电13812345678"), desk.who, desk.now())
    page = TodayPage(desk)
    qtbot.addWidget(page)
    text = by_name(page, "未办结事项", QLabel).text()
    assert f"{m.ref} 留言：赵大爷→王书记（干部）" in text and "13812345678" not in text
