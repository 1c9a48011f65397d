"""The duty tab's other pages: staff, roster, leave, inspections, duty log (issue 3 §1, §3, §5-§7)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QMessageBox, QPushButton, QTableView, QTableWidget

from dutydesk.store.accounts.account import Account
from dutydesk.store.duty.inspections import DutyFinding
from dutydesk.store.duty.leave import LeaveRequest
from dutydesk.store.duty.roster import DutySwap, live_slots
from dutydesk.store.duty.staff import Staff
from dutydesk.ui.duty.tab import DutyTab
from tests.approvers import approver
from tests.duty_helpers import make_staff, put_on
from tests.ui.helpers import by_name, type_text, when_modal

DAY = dt.date(2026, 11, 24)


def click(qtbot, root, label: str) -> None:
    qtbot.mouseClick(by_name(root, label, QPushButton), Qt.MouseButton.LeftButton)


def error(root, label: str) -> str:
    return by_name(root, f"{label}错误提示", QLabel).text()


def pick(root, label: str, text: str) -> None:
    combo = by_name(root, label, QComboBox)
    combo.setCurrentIndex(combo.findText(text))
    assert combo.currentText() == text


def set_date(root, label: str, day: dt.date) -> None:
    by_name(root, label, QDateEdit).setDate(QDate(day.year, day.month, day.day))


def make_tab(qtbot, desk, title: str):
    tab = DutyTab(desk)
    qtbot.addWidget(tab)
    return tab, tab.show_page(title)


def test_staff_register_rejects_a_10_digit_phone_and_keeps_the_typing(app, qtbot, desk):
    _tab, page = make_tab(qtbot, desk, "人员")
    type_text(qtbot, by_name(page, "姓名"), "刘晓东")
    pick(page, "职务", "大学生村官")
    type_text(qtbot, by_name(page, "手机号"), "1381234567")
    type_text(qtbot, by_name(page, "职责"), "社保代办")
    click(qtbot, page, "新增人员")
    assert error(page, "手机号") == "手机号码应为以1开头的11位数字"
    assert by_name(page, "姓名").text() == "刘晓东" and by_name(page, "职责").text() == "社保代办"
    assert Staff.select().count() == 0
    type_text(qtbot, by_name(page, "手机号"), "8")
    click(qtbot, page, "新增人员")
    assert "已登记：刘晓东（大学生村官）" in by_name(page, "人员提示", QLabel).text()
    assert Staff.get().mobile == "13812345678"


def test_d03_volunteers_default_to_weekend_duty_and_assistants_to_none(app, qtbot, desk):
    _tab, page = make_tab(qtbot, desk, "人员")
    pick(page, "职务", "党员志愿者")
    assert by_name(page, "轮值方式", QComboBox).currentText() == "仅节假日和周末"
    pick(page, "职务", "社保员")
    assert by_name(page, "轮值方式", QComboBox).currentText() == "不参加轮值"
    pick(page, "职务", "两委委员")
    assert by_name(page, "轮值方式", QComboBox).currentText() == "参加轮值"


def test_d12_changing_a_phone_in_the_form_keeps_the_history(app, qtbot, desk):
    make_staff(desk)
    _tab, page = make_tab(qtbot, desk, "人员")
    view = by_name(page, "人员名册", QTableView)
    view.setCurrentIndex(view.model().index(3, 0))
    assert by_name(page, "姓名").text() == "赵文书"
    by_name(page, "手机号").clear()
    type_text(qtbot, by_name(page, "手机号"), "13900000004")
    click(qtbot, page, "保存修改")
    assert "已保存：赵文书" in by_name(page, "人员提示", QLabel).text()
    view.setCurrentIndex(view.model().index(3, 0))
    history = by_name(page, "手机号变更记录", QLabel).text()
    assert "13800000004" in history and "2026-11-24 起：13900000004" in history


def test_d01_generate_roster_then_d08_swap_two_slots(app, qtbot, desk):
    make_staff(desk)
    _tab, page = make_tab(qtbot, desk, "排班")
    set_date(page, "开始日期", DAY)
    set_date(page, "结束日期", DAY + dt.timedelta(days=6))
    click(qtbot, page, "生成排班")
    assert len(live_slots(DAY, DAY + dt.timedelta(days=6))) == 14
    table = by_name(page, "排班表", QTableWidget)
    assert table.rowCount() == 7 and all(table.item(r, 2).text() for r in range(7))
    first, second = page.days[0], page.days[1]
    a = table.item(0, 3).text()  # today's afternoon: at 09:00 the morning's book is already closed (D05)
    b = table.item(1, 3).text()
    page.select(first, "pm")
    page.select(second, "pm", add=True)
    click(qtbot, page, "对调所选两个班次")
    assert error(page, "双方同意") == "请填写双方同意情况，如 张三、李四同意"
    type_text(qtbot, by_name(page, "双方同意"), f"{a}、{b}同意")
    type_text(qtbot, by_name(page, "告知主任"), "已告知李主任")
    page.select(first, "pm")
    page.select(second, "pm", add=True)
    click(qtbot, page, "对调所选两个班次")
    assert table.item(0, 3).text() == b and table.item(1, 3).text() == a
    assert DutySwap.get().agreed_by == f"{a}、{b}同意"


def test_d01_roster_with_gaps_is_flagged_and_not_saved_when_cancelled(app, qtbot, desk):
    from dutydesk.domain.duty_settings import PEOPLE_PER_SESSION
    from dutydesk.store.settings import set_setting

    make_staff(desk, [("张书记", "书记", "13800000001")])
    set_setting(PEOPLE_PER_SESSION, 2, DAY, "测试", desk.now())
    _tab, page = make_tab(qtbot, desk, "排班")
    set_date(page, "开始日期", DAY)
    set_date(page, "结束日期", DAY + dt.timedelta(days=1))
    seen = []

    def cancel(box):
        seen.append(box.text())
        by_name(box, "取消", QPushButton).click()

    when_modal(cancel)
    click(qtbot, page, "生成排班")
    assert "应有2人，现有1人" in seen[0]
    assert live_slots(DAY, DAY + dt.timedelta(days=1)) == []
    assert "未保存" in by_name(page, "排班问题", QLabel).text()

    when_modal(lambda box: by_name(box, "仍然保存", QPushButton).click())
    click(qtbot, page, "生成排班")
    assert len(live_slots(DAY, DAY + dt.timedelta(days=1))) == 4
    assert "应有2人，现有1人" in by_name(page, "排班问题", QLabel).text()
    assert isinstance(QMessageBox, type)


def test_manual_assign_in_the_roster_page(app, qtbot, desk):
    make_staff(desk)
    _tab, page = make_tab(qtbot, desk, "排班")
    set_date(page, "开始日期", DAY)
    set_date(page, "结束日期", DAY)
    page.select(DAY, "pm")
    pick(page, "调整人员", "周协管")
    click(qtbot, page, "安排到所选班次")
    assert by_name(page, "排班表", QTableWidget).item(0, 3).text() == "周协管"
    click(qtbot, page, "安排到所选班次")
    assert error(page, "调整人员") == "周协管已在该班次"


def test_leave_form_bad_input_then_director_approves(app, qtbot, desk, clock):
    s = make_staff(desk)
    clock.set(dt.datetime(2026, 11, 24, 8, 0))  # asked before the session (later is 事后补假, D07)
    put_on(desk, DAY, "am", s["王委员"])
    tab, page = make_tab(qtbot, desk, "请假")
    pick(page, "请假人", "王委员")
    set_date(page, "结束日期", DAY - dt.timedelta(days=1))
    type_text(qtbot, by_name(page, "替班人", QComboBox).lineEdit(), "不存在")
    click(qtbot, page, "提交请假")
    assert error(page, "结束日期") == "结束日期不能早于开始日期"
    assert error(page, "事由") == "请填写请假事由"
    assert "没有名为“不存在”的人员" in error(page, "替班人")
    assert LeaveRequest.select().count() == 0
    set_date(page, "结束日期", DAY)
    type_text(qtbot, by_name(page, "事由"), "孩子生病")
    by_name(page, "替班人", QComboBox).setCurrentText("赵文书")
    click(qtbot, page, "提交请假")
    assert "待书记或主任批准" in by_name(page, "请假提示", QLabel).text()
    assert "请假待批，未覆盖" in tab.today.sessions.item(0, 5).text()

    view = by_name(page, "请假记录", QTableView)
    view.setCurrentIndex(view.model().index(0, 0))
    desk.account = Account.get(Account.name == "李文书")
    page.refresh()
    assert not by_name(page, "批准所选请假", QPushButton).isEnabled()
    desk.account = Account.get(Account.name == "王书记")
    page.refresh()
    view.setCurrentIndex(view.model().index(0, 0))
    click(qtbot, page, "批准所选请假")  # V09: no password, no approval
    assert "王书记尚未设置密码，不能批准" in by_name(page, "审批提示", QLabel).text()
    desk.account = approver("王书记")
    click(qtbot, page, "批准所选请假")
    assert "已批准王委员的请假，替班人：赵文书" in by_name(page, "审批提示", QLabel).text()
    leave = LeaveRequest.get()
    assert leave.approved_by == "王书记"
    assert tab.today.sessions.item(0, 2).text() == "赵文书（替王委员）"
    board = tab.today.board  # D07: the whereabouts board shows the approved leave
    row = next(r for r in range(board.rowCount()) if board.item(r, 0).text() == "王委员")
    assert board.item(row, 4).text() == "请假" and board.item(row, 5).text() == "孩子生病"


def test_d15_inspection_and_complaint_are_recorded(app, qtbot, desk):
    make_staff(desk)
    _tab, page = make_tab(qtbot, desk, "督查")
    click(qtbot, page, "登记督查")
    assert error(page, "检查人") == "请填写检查人或检查单位"
    type_text(qtbot, by_name(page, "检查人"), "镇纪委 陈明")
    page.check("钱村官")
    click(qtbot, page, "登记督查")
    assert "已登记督查：钱村官" in by_name(page, "督查提示", QLabel).text()
    f = DutyFinding.get()
    assert (f.kind, f.staff.name, f.inspector) == ("inspection", "钱村官", "镇纪委 陈明")
    click(qtbot, page, "登记投诉")
    assert error(page, "被投诉人员") == "请选择被投诉人员"
    pick(page, "被投诉人员", "赵文书")
    type_text(qtbot, by_name(page, "核实人"), "张书记")
    type_text(qtbot, by_name(page, "投诉及核实情况"), "监督电话反映上午无人值班，核实属实")
    click(qtbot, page, "登记投诉")
    assert DutyFinding.select().where(DutyFinding.kind == "complaint").count() == 1
    assert by_name(page, "督查记录", QTableView).model().rowCount() == 2


def test_d10_duty_log_collects_sign_ins_notes_and_findings(app, qtbot, desk, clock):
    from dutydesk.store.duty.attendance import sign_in

    s = make_staff(desk)
    put_on(desk, DAY, "am", s["王委员"])
    clock.set(dt.datetime(2026, 11, 24, 8, 15))
    sign_in(s["王委员"], "测试", desk.now())
    clock.set(dt.datetime(2026, 11, 24, 10, 0))
    _tab, page = make_tab(qtbot, desk, "值班记录簿")
    pick(page, "记录类别", "矛盾纠纷")
    click(qtbot, page, "添加记录")
    assert error(page, "记录内容") == "请填写记录内容"
    type_text(qtbot, by_name(page, "记录内容"), "三组宅基地边界纠纷")
    type_text(qtbot, by_name(page, "处理结果"), "已调解，双方签字")
    click(qtbot, page, "添加记录")
    model = by_name(page, "值班记录簿", QTableView).model()
    rows = [[model.text(r, c) for c in range(4)] for r in range(model.rowCount())]
    assert ["08:15", "签到", "王委员签到（上午）", "已签到"] in rows
    assert ["10:00", "矛盾纠纷", "三组宅基地边界纠纷", "已调解，双方签字"] in rows


def test_d16_satisfaction_survey_form(app, qtbot, desk):
    from PySide6.QtWidgets import QSpinBox

    make_staff(desk)
    _tab, page = make_tab(qtbot, desk, "督查")
    by_name(page, "参评人数", QSpinBox).setValue(100)
    by_name(page, "满意", QSpinBox).setValue(80)
    click(qtbot, page, "登记测评")
    assert "应等于参评人数（100）" in error(page, "满意")
    by_name(page, "基本满意", QSpinBox).setValue(15)
    by_name(page, "不满意", QSpinBox).setValue(5)
    click(qtbot, page, "登记测评")
    assert by_name(page, "满意度结果", QLabel).text() == "2026年服务中心（全体）满意率：95%"
