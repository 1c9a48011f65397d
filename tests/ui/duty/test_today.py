"""The 今日值班 tab driven like the desk uses it (issue 3 "done means"; D05, D07, D14)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QTableView, QTableWidget

from dutydesk.domain.duty_settings import PEOPLE_PER_SESSION
from dutydesk.store.duty.leave import LeaveInput, approve_leave, request_leave
from dutydesk.store.settings import set_setting
from dutydesk.ui.duty.tab import DutyTab
from tests.approvers import approver
from tests.duty_helpers import count_after_cutoff_as_late, make_staff, put_on
from tests.ui.helpers import by_name, type_text

DAY = dt.date(2026, 11, 24)


def at(h, m=0):
    return dt.datetime.combine(DAY, dt.time(h, m))


def status_of(tab, name: str) -> str:
    table = by_name(tab, "今日班次", QTableWidget)
    for r in range(table.rowCount()):
        if table.item(r, 2).text().startswith(name) or name in table.item(r, 5).text():
            return table.item(r, 5).text()
    raise AssertionError(f"{name} not on today's duty")


def choose(tab, name: str) -> None:
    combo = by_name(tab, "值班人员", QComboBox)
    combo.setCurrentIndex(combo.findText(name))
    assert combo.currentText() == name


def click(qtbot, tab, label: str) -> None:
    qtbot.mouseClick(by_name(tab, label, QPushButton), Qt.MouseButton.LeftButton)


def tally_cell(tab, name: str, header: str) -> str:
    view = by_name(tab, "考勤统计表", QTableView)
    model = view.model()
    column = model.headers.index(header)
    for r in range(model.rowCount()):
        if model.text(r, 0) == name:
            return model.text(r, column)
    raise AssertionError(name)


def test_d05_d07_d14_a_day_at_the_desk_and_its_tally(app, qtbot, desk, clock):
    s = make_staff(desk)
    count_after_cutoff_as_late(desk)
    set_setting(PEOPLE_PER_SESSION, 2, DAY, "测试", at(7))
    put_on(desk, DAY, "am", s["王委员"])
    put_on(desk, DAY, "am", s["赵文书"])
    put_on(desk, DAY, "pm", s["钱村官"])
    put_on(desk, DAY, "pm", s["孙干部"])
    leave = request_leave(LeaveInput("孙干部", DAY, DAY, "病假", "住院复查", "周协管", ["pm"]), "测试", at(7))
    clock.set(at(8, 10))
    tab = DutyTab(desk)
    qtbot.addWidget(tab)
    assert status_of(tab, "孙干部").endswith("（请假待批，未覆盖）")
    approve_leave(leave, approver("王书记"), at(8, 12))

    choose(tab, "王委员")
    click(qtbot, tab, "签到")
    assert "王委员 08:10 签到成功" in by_name(tab, "签到结果", QLabel).text()
    assert status_of(tab, "王委员") == "已签到"
    assert status_of(tab, "赵文书") == "未到"

    clock.set(at(8, 45))
    tab.today.refresh_timer.setInterval(10)
    qtbot.waitUntil(lambda: status_of(tab, "赵文书") == "迟到（未签到）")
    choose(tab, "赵文书")
    click(qtbot, tab, "签到")
    assert status_of(tab, "赵文书") == "迟到"

    clock.set(at(14, 20))
    qtbot.waitUntil(lambda: "周协管" in by_name(tab, "值班人员", QComboBox).currentText()
                    or by_name(tab, "值班人员", QComboBox).findText("周协管") >= 0)
    choose(tab, "周协管")
    click(qtbot, tab, "签到")
    assert status_of(tab, "周协管") == "请假（替班：周协管 已签到，未提前到岗）"  # 14:20, not 14:15 (D05)

    clock.set(at(15))
    qtbot.waitUntil(lambda: status_of(tab, "钱村官") == "迟到（未签到）")
    clock.set(at(17, 31))
    qtbot.waitUntil(lambda: status_of(tab, "钱村官") == "缺勤")

    tab.show_page("考勤统计")
    tab.tally.refresh()
    assert tally_cell(tab, "王委员", "实到") == "1" and tally_cell(tab, "王委员", "迟到") == "0"
    assert tally_cell(tab, "赵文书", "迟到") == "1" and tally_cell(tab, "赵文书", "缺勤") == "0"
    assert tally_cell(tab, "钱村官", "缺勤") == "1" and tally_cell(tab, "钱村官", "处罚(元)") == "100"
    assert tally_cell(tab, "孙干部", "病假") == "1" and tally_cell(tab, "孙干部", "由他人替班") == "1"
    assert tally_cell(tab, "周协管", "替他人值班") == "1" and tally_cell(tab, "周协管", "实到") == "1"
    assert tally_cell(tab, "张书记", "连带责任(元)") == "100"
    assert tally_cell(tab, "孙干部", "缺勤") == "0" and tally_cell(tab, "周协管", "缺勤") == "0"


def test_d09_sign_out_needs_a_handover_note_and_the_next_person_takes_over(app, qtbot, desk, clock):
    s = make_staff(desk)
    put_on(desk, DAY, "am", s["王委员"])
    put_on(desk, DAY, "pm", s["赵文书"])
    clock.set(at(8, 20))
    tab = DutyTab(desk)
    qtbot.addWidget(tab)
    choose(tab, "王委员")
    click(qtbot, tab, "签到")
    clock.set(at(12))
    click(qtbot, tab, "签退")
    assert by_name(tab, "交接事项错误提示", QLabel).text() == "请填写交接事项（没有可写“无”）"
    type_text(qtbot, by_name(tab, "交接事项"), "三组张大爷低保材料待补")
    click(qtbot, tab, "签退")
    assert "签退，交接记录已保存" in by_name(tab, "签到结果", QLabel).text()
    assert "三组张大爷低保材料待补" in by_name(tab, "待接班记录", QLabel).text()
    clock.set(at(14, 25))
    tab.today.refresh()
    choose(tab, "赵文书")
    click(qtbot, tab, "确认接班")
    assert "赵文书已确认接班" in by_name(tab, "签到结果", QLabel).text()
    assert by_name(tab, "待接班记录", QLabel).text() == "没有待确认的交接班记录。"


def test_d04_whereabouts_board_anyone_updates_with_time(app, qtbot, desk, clock):
    make_staff(desk)
    tab = DutyTab(desk)
    qtbot.addWidget(tab)
    person = by_name(tab, "人员", QComboBox)
    person.setCurrentIndex(person.findText("钱村官"))
    status = by_name(tab, "去向", QComboBox)
    status.setCurrentIndex(status.findText("下村入户"))
    type_text(qtbot, by_name(tab, "去向说明"), "三组走访 11点回")
    click(qtbot, tab, "更新去向")
    board = by_name(tab, "人员去向", QTableWidget)
    row = next(r for r in range(board.rowCount()) if board.item(r, 0).text() == "钱村官")
    assert board.item(row, 2).text() == "13800000005"
    assert board.item(row, 4).text() == "下村入户"
    assert board.item(row, 5).text() == "三组走访 11点回"
    assert board.item(row, 6).text() == "11-24 09:00"


def test_sign_in_when_not_on_duty_says_so(app, qtbot, desk, clock):
    s = make_staff(desk)
    put_on(desk, DAY, "pm", s["王委员"])
    clock.set(at(8))
    tab = DutyTab(desk)
    qtbot.addWidget(tab)
    choose(tab, "王委员")
    click(qtbot, tab, "签到")
    assert by_name(tab, "签到结果", QLabel).text() == "王委员现在没有需要签到的班次"
