"""The 会议学习 and 上传下达 pages and 销假 on the 请假 page, driven as the desk uses them (D17, D07,
D18, V09)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QTableView

from dutydesk.domain import meeting_rules as rules
from dutydesk.store.accounts.account import Account
from dutydesk.store.duty.leave import LeaveInput, approve_leave, request_leave
from dutydesk.store.duty.leave_return import return_of
from dutydesk.store.duty.meetings import MeetingAttendance, MeetingSession, add_session, sign_meeting
from dutydesk.store.duty.relay import DOWN, RelayDraft, RelayEntry, record_entry
from dutydesk.store.duty.sign_in_identity import set_pin
from dutydesk.store.open_matters import open_matters
from tests.approvers import approver
from tests.duty_helpers import make_staff
from tests.ui.duty.test_pages import click, error, make_tab, pick, set_date
from tests.ui.helpers import by_name, type_text


def cell(view: QTableView, row: int, column: int) -> str:
    return view.model().index(row, column).data()


def column(view: QTableView, header: str) -> dict[str, str]:
    """The column titled ``header`` by the first column's text."""
    model = view.model()
    col = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == header)
    return {cell(view, r, 0): cell(view, r, col) for r in range(model.rowCount())}


def test_d17_meeting_page_plans_the_month_and_takes_attendance(app, qtbot, desk, clock):
    s = make_staff(desk)
    set_pin(s["王委员"], "1234", approver("王书记"), desk.now())
    leave = request_leave(LeaveInput("李主任", dt.date(2026, 11, 30), dt.date(2026, 11, 30), "事假", "家事", "周协管"),
                          "测试", desk.now())
    approve_leave(leave, approver("王书记"), desk.now())
    clock.set(dt.datetime(2026, 11, 30, 8, 20))  # a Monday: the 周例会 (the fifth Monday has no study)
    _tab, page = make_tab(qtbot, desk, "会议学习")
    assert by_name(page, "会议安排说明", QLabel).text() == (
        "安排：每周一08:30周例会；每月4个周一下午14:30集中学习（在“工具→会议学习设置”中修改）")
    assert by_name(page, "所选会议", QLabel).text() == "本月尚无会议安排：请点“生成本月安排”或新增会议"
    click(qtbot, page, "生成本月安排")
    assert by_name(page, "会议安排提示", QLabel).text() == "已生成11月安排1次"  # past Mondays left out
    sessions = by_name(page, "会议安排", QTableView)
    assert sessions.model().rowCount() == 1
    assert cell(sessions, sessions.currentIndex().row(), 0) == "11-30"  # today's session selected
    pick(page, "签到人员", "王委员")
    type_text(qtbot, by_name(page, "会议签到密码", QLineEdit), "9999")
    click(qtbot, page, "会议签到")
    assert error(page, "会议签到密码") == "签到密码不正确，请本人重新输入"
    assert by_name(page, "会议签到密码", QLineEdit).text() == ""  # never left on screen
    type_text(qtbot, by_name(page, "会议签到密码", QLineEdit), "1234")
    click(qtbot, page, "会议签到")
    assert by_name(page, "会议签到提示", QLabel).text() == "王委员已签到 08:20"
    lines = column(by_name(page, "签到情况", QTableView), "考勤")
    assert lines["王委员"] == "出席" and lines["李主任"] == "请假（事假）" and lines["张书记"] == "待签到"
    assert MeetingAttendance.select().count() == 1
    assert by_name(page, "所选会议", QLabel).text().endswith("（出席1/7，请假1）")
    # the 周例会's content is recorded on its own page, not twice
    assert not by_name(page, "保存会议记录", QPushButton).isEnabled()


def test_d17_minutes_of_a_study_session_and_a_new_session_with_bad_input(app, qtbot, desk, clock):
    make_staff(desk)
    _tab, page = make_tab(qtbot, desk, "会议学习")
    pick(page, "会议类型", rules.OTHER)
    by_name(page, "开始时间", QLineEdit).setText("下午")
    click(qtbot, page, "新增会议")
    assert error(page, "开始时间") == "时间格式应为 时:分，例如 14:30"
    assert error(page, "会议主题") == "其他会议请填写会议主题"
    pick(page, "会议类型", rules.TOPIC_STUDY)
    by_name(page, "开始时间", QLineEdit).setText("08:00")
    type_text(qtbot, by_name(page, "会议主题", QLineEdit), "学习基层治理条例")
    click(qtbot, page, "新增会议")
    assert by_name(page, "会议安排提示", QLabel).text() == "已新增11月24日 08:00 专题学习：学习基层治理条例"
    type_text(qtbot, by_name(page, "会议记录", QPlainTextEdit), "张书记领学，联系人13812345678")
    click(qtbot, page, "保存会议记录")
    assert by_name(page, "会议记录提示", QLabel).text() == "已保存11月24日专题学习的会议记录"
    assert MeetingSession.get().minutes_by == "管理员"
    desk.account = Account.get(Account.name == "李文书")
    page.refresh()
    shown = by_name(page, "会议记录", QPlainTextEdit)
    assert shown.isReadOnly() and "13812345678" not in shown.toPlainText()  # V09 for a non-leader
    assert column(by_name(page, "会议安排", QTableView), "会议记录") == {"11-24": "已记录"}


def test_d07_report_back_on_the_leave_page_and_overstay_shown(app, qtbot, desk, clock):
    make_staff(desk)
    leave = request_leave(LeaveInput("孙干部", dt.date(2026, 11, 16), dt.date(2026, 11, 19), "事假", "探亲", "周协管"),
                          "测试", dt.datetime(2026, 11, 13, 9, 0))
    approve_leave(leave, approver("王书记"), dt.datetime(2026, 11, 13, 10, 0))
    add_session(rules.STUDY, dt.date(2026, 11, 23), "14:30", "", "测试", dt.datetime(2026, 11, 1, 9, 0))
    tab, page = make_tab(qtbot, desk, "请假")
    view = by_name(page, "请假记录", QTableView)
    assert column(view, "销假") == {"孙干部": "未销假"}
    click(qtbot, page, "销假")
    assert by_name(page, "销假提示", QLabel).text() == "请先选中一条已批准的请假记录"
    view.setCurrentIndex(view.model().index(0, 0))
    set_date(page, "返岗日期", dt.date(2026, 11, 24))
    type_text(qtbot, by_name(page, "销假说明", QLineEdit), "路上耽搁")
    click(qtbot, page, "销假")
    assert by_name(page, "销假提示", QLabel).text() == "孙干部已销假：超假2天，11月24日销假"
    assert return_of(leave).note == "路上耽搁"
    assert column(view, "销假") == {"孙干部": "超假2天，11月24日销假"}
    meetings = tab.show_page("会议学习")  # refreshed by the 销假 (the pages follow each other)
    lines = column(by_name(meetings, "签到情况", QTableView), "考勤")
    assert lines["孙干部"] == "缺席（超假）"


def test_d18_relay_page_logs_a_notice_and_relays_it_later(app, qtbot, desk):
    record_entry(RelayDraft(DOWN, dt.date(2026, 11, 24), "桃源镇党政办", "关于冬季防火检查的通知",
                            "联系人 13812345678"), "测试", desk.now())
    desk.account = Account.get(Account.name == "李文书")  # an operator: numbers masked (V09)
    _tab, page = make_tab(qtbot, desk, "上传下达")
    click(qtbot, page, "登记")
    assert error(page, "来文或报送单位") == "请填写来文单位"
    assert error(page, "事项") == "请填写事由"
    type_text(qtbot, by_name(page, "来文或报送单位", QLineEdit), "桃源镇民政办")
    type_text(qtbot, by_name(page, "事项", QLineEdit), "医保缴费通知")
    type_text(qtbot, by_name(page, "传达对象", QLineEdit), "全体村民")
    click(qtbot, page, "登记")
    assert error(page, "传达方式") == "请选择或填写传达方式"
    by_name(page, "传达方式", QComboBox).setCurrentText("广播")
    click(qtbot, page, "登记")
    assert by_name(page, "上传下达提示", QLabel).text().startswith("已登记：医保缴费通知（已传达（11-24 09:00）")
    view = by_name(page, "上传下达记录", QTableView)
    status = {cell(view, r, 3): cell(view, r, 8) for r in range(view.model().rowCount())}
    assert status == {"关于冬季防火检查的通知": "未传达", "医保缴费通知": "已传达（11-24 09:00）"}
    detail = {cell(view, r, 3): cell(view, r, 4) for r in range(view.model().rowCount())}
    assert detail["关于冬季防火检查的通知"] == "联系人 138****5678"  # V09
    assert [m.kind for m in open_matters(desk.today(), desk.calendar())] == ["relay"]
    row = next(r for r in range(view.model().rowCount()) if cell(view, r, 3) == "关于冬季防火检查的通知")
    view.setCurrentIndex(view.model().index(row, 0))
    type_text(qtbot, by_name(page, "本次传达对象", QLineEdit), "各村民小组长")
    by_name(page, "本次传达方式", QComboBox).setCurrentText("微信群")
    click(qtbot, page, "标记已传达")
    assert by_name(page, "传达提示", QLabel).text() == "已传达：关于冬季防火检查的通知（各村民小组长，微信群）"
    assert open_matters(desk.today(), desk.calendar()) == []
    assert RelayEntry.select().where(RelayEntry.relayed_at.is_null()).count() == 0


def test_d17_meeting_settings_seed_defaults_and_a_change_from_its_date(app, qtbot, desk):
    from PySide6.QtWidgets import QSpinBox

    from dutydesk.store.settings import get_setting
    from dutydesk.ui.duty.meeting_settings import MeetingSettingsDialog
    from dutydesk.ui.tabs import menu_actions

    action = next(a for a in menu_actions() if a.text == "会议学习设置…")
    assert action.menu == "工具" and action.director_only
    dialog = MeetingSettingsDialog(desk)
    qtbot.addWidget(dialog)
    assert by_name(dialog, "学习安排", QComboBox).currentText() == "每月周一下午集中学习"
    assert by_name(dialog, "每月周一下午学习次数", QSpinBox).value() == 4
    assert by_name(dialog, "周例会", QComboBox).currentText() == "每周一"
    assert by_name(dialog, "无故缺席每次处罚", QSpinBox).value() == 0
    by_name(dialog, "学习安排", QComboBox).setCurrentText("每月第一周周二专题学习")
    by_name(dialog, "周例会", QComboBox).setCurrentText("隔周周一")
    click(qtbot, dialog, "保存设置")
    today = desk.today()
    assert get_setting(rules.STUDY_MODE, today) == rules.FIRST_TUESDAY
    assert get_setting(rules.REVIEW_EVERY_WEEKS, today) == 2
    assert get_setting(rules.STUDY_MODE, today - dt.timedelta(days=1)) == rules.MONDAY_AFTERNOONS


def test_d17_d18_export_dialog_offers_the_new_ledgers(app, qtbot, desk):
    from PySide6.QtWidgets import QCheckBox

    from dutydesk.ui.ledger_export import HandoffDialog
    from dutydesk.ui.prefs import UiPrefs

    dialog = HandoffDialog(desk, UiPrefs(desk.folder.ui_settings_path), drives=[])
    qtbot.addWidget(dialog)
    for name in ("会议学习考勤表", "上传下达登记簿"):
        assert by_name(dialog, name, QCheckBox).isChecked()  # chosen by default like the others


def test_d17_a_session_not_held_is_cancelled_with_a_reason_and_counts_nobody_absent(app, qtbot, desk):
    from dutydesk.store.duty.meetings import month_table

    make_staff(desk)
    add_session(rules.STUDY, dt.date(2026, 11, 23), "14:30", "", "测试", dt.datetime(2026, 11, 1, 9))
    _tab, page = make_tab(qtbot, desk, "会议学习")
    click(qtbot, page, "取消所选会议")
    assert error(page, "取消原因") == "请填写取消原因（如：镇里临时召开会议，改期）"
    type_text(qtbot, by_name(page, "取消原因", QLineEdit), "镇里临时开会")
    click(qtbot, page, "取消所选会议")
    assert by_name(page, "会议安排提示", QLabel).text() == "已取消11月23日 14:30 集中学习"
    assert by_name(page, "会议安排", QTableView).model().rowCount() == 0
    assert MeetingSession.get().void_reason == "镇里临时开会"  # kept, not deleted
    assert all(r.absent == 0 for r in month_table(2026, 11, dt.datetime(2026, 11, 30, 18))[0])


def test_d18_a_wrong_entry_is_voided_with_a_reason_and_leaves_the_open_matters(app, qtbot, desk):
    record_entry(RelayDraft(DOWN, dt.date(2026, 11, 24), "桃源镇党政办", "重复登记的通知"), "测试", desk.now())
    _tab, page = make_tab(qtbot, desk, "上传下达")
    view = by_name(page, "上传下达记录", QTableView)
    view.setCurrentIndex(view.model().index(0, 0))
    click(qtbot, page, "作废所选登记")
    assert error(page, "作废原因") == "请填写作废原因"
    type_text(qtbot, by_name(page, "作废原因", QLineEdit), "重复登记")
    click(qtbot, page, "作废所选登记")
    assert by_name(page, "传达提示", QLabel).text() == "已作废：重复登记的通知"
    assert view.model().rowCount() == 0 and RelayEntry.get().void_reason == "重复登记"
    assert open_matters(desk.today(), desk.calendar()) == []


def test_d17_meeting_page_publishes_the_months_table_as_excel(app, qtbot, desk, tmp_path, monkeypatch):
    import openpyxl

    s = make_staff(desk)
    session = add_session(rules.STUDY, dt.date(2026, 11, 23), "14:30", "", "测试", dt.datetime(2026, 11, 1, 9))
    sign_meeting(session, s["张书记"], "测试", dt.datetime(2026, 11, 23, 14, 20))
    _tab, page = make_tab(qtbot, desk, "会议学习")
    monkeypatch.setattr(page, "ask_path", lambda suffix: tmp_path / f"m.{suffix}")
    click(qtbot, page, "导出考勤表Excel")
    assert by_name(page, "会议安排提示", QLabel).text() == f"已导出：{tmp_path / 'm.xlsx'}"
    rows = list(openpyxl.load_workbook(tmp_path / "m.xlsx")["会议学习考勤"].iter_rows(values_only=True))
    assert any(r[0] == "张书记" and r[3] == 1 for r in rows)
