"""Signing in on the 今日值班 page with one's own PIN, 代签 on the principal leader's password, a
director accepting a reason after the cutoff, and setting a PIN (D05), as the desk sees them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QPushButton, QTableView

from dutydesk.store.accounts.account import Account, set_principal
from dutydesk.store.accounts.login import set_password
from dutydesk.store.duty.leave import LeaveInput, LeaveRequest, request_leave
from dutydesk.store.duty.sign_in_identity import set_pin
from dutydesk.ui.duty.tab import DutyTab
from dutydesk.ui.theme import DUE_AMBER
from tests.approvers import approver
from tests.duty_helpers import make_staff, put_on
from tests.ui.duty.test_today import choose, click, status_of, tally_cell
from tests.ui.helpers import by_name, type_text, when_modal

DAY = dt.date(2026, 11, 24)


def at(h, m=0):
    return dt.datetime.combine(DAY, dt.time(h, m))


def director():
    """A director who can approve: approvals need an account with a password."""
    return approver("王书记")


def error(root, label: str) -> str:
    return by_name(root, f"{label}错误提示", QLabel).text()


def press(qtbot, root, label: str) -> None:
    qtbot.mouseClick(by_name(root, label, QPushButton), Qt.MouseButton.LeftButton)


def make_tab(qtbot, desk) -> DutyTab:
    tab = DutyTab(desk)
    qtbot.addWidget(tab)
    return tab


def test_d05_sign_in_needs_the_persons_own_pin(app, qtbot, desk, clock):
    s = make_staff(desk)
    put_on(desk, DAY, "am", s["王委员"])
    set_pin(s["王委员"], "1234", director(), at(7))
    clock.set(at(8, 10))
    tab = make_tab(qtbot, desk)
    assert "签到须本人输入签到密码" in tab.today.arrival_hint.text()
    choose(tab, "王委员")
    click(qtbot, tab, "签到")
    assert error(tab, "签到密码") == "请输入本人签到密码（签到必须本人）"
    assert status_of(tab, "王委员") == "未到"
    qtbot.keyClicks(by_name(tab, "签到密码", QLineEdit), "9999")
    click(qtbot, tab, "签到")
    assert error(tab, "签到密码") == "签到密码不正确，请本人重新输入"
    assert by_name(tab, "签到密码", QLineEdit).text() == ""  # a PIN is never left in the field
    qtbot.keyClicks(by_name(tab, "签到密码", QLineEdit), "1234")
    click(qtbot, tab, "签到")
    assert error(tab, "签到密码") == ""
    assert "王委员 08:10 签到成功" in by_name(tab, "签到结果", QLabel).text()
    assert status_of(tab, "王委员") == "已签到"


def test_d05_proxy_sign_in_on_the_principal_leaders_password_is_marked(app, qtbot, desk, clock):
    s = make_staff(desk)
    put_on(desk, DAY, "am", s["赵文书"])
    set_pin(s["赵文书"], "1234", director(), at(7))
    set_principal(director(), True, "测试", at(7))
    set_password(director(), "8888", "测试", at(7))
    clock.set(at(8, 20))
    tab = make_tab(qtbot, desk)
    choose(tab, "赵文书")

    def authorise(dialog: QDialog) -> None:
        qtbot.keyClicks(by_name(dialog, "领导密码", QLineEdit), "0000")
        press(qtbot, dialog, "确认代签")
        assert error(dialog, "代签原因") == "请填写代签原因"
        type_text(qtbot, by_name(dialog, "代签原因", QLineEdit), "在镇里开会")
        press(qtbot, dialog, "确认代签")
        assert error(dialog, "领导密码").startswith("密码不正确")
        qtbot.keyClicks(by_name(dialog, "领导密码", QLineEdit), "8888")
        press(qtbot, dialog, "确认代签")

    seen = when_modal(authorise, kind=QDialog)
    click(qtbot, tab, "代签")
    assert seen
    assert "赵文书 08:20 代签成功（王书记授权）" in by_name(tab, "签到结果", QLabel).text()
    assert status_of(tab, "赵文书") == "已签到（代签，王书记授权，未提前到岗）"
    assert status_colour(tab, "赵文书") == DUE_AMBER  # D05: not the 15 minutes early is not green
    tab.show_page("考勤统计")
    tab.tally.refresh()
    assert tally_cell(tab, "赵文书", "代签") == "1"


def test_d05_director_accepts_a_meeting_notice_for_a_sign_in_after_the_cutoff(app, qtbot, desk, clock):
    s = make_staff(desk)
    put_on(desk, DAY, "am", s["钱村官"])
    clock.set(at(10))
    tab = make_tab(qtbot, desk)
    choose(tab, "钱村官")
    click(qtbot, tab, "签到")
    assert status_of(tab, "钱村官") == "停签后签到（计缺勤）"
    desk.account = Account.get(Account.name == "李文书")
    tab.today.refresh()
    assert not by_name(tab, "认定停签理由", QPushButton).isEnabled()
    desk.account = director()
    tab.today.refresh()

    def accept(dialog: QDialog) -> None:
        kind = by_name(dialog, "理由类型", QComboBox)
        kind.setCurrentIndex(kind.findText("公出"))
        type_text(qtbot, by_name(dialog, "依据", QLineEdit), "镇党委会议通知")
        press(qtbot, dialog, "确认认定")

    when_modal(accept, kind=QDialog)
    click(qtbot, tab, "认定停签理由")
    assert "已认定钱村官为公出，计为出勤" in by_name(tab, "签到结果", QLabel).text()
    assert status_of(tab, "钱村官") == "已签到（公出，王书记认定）"
    tab.show_page("考勤统计")
    tab.tally.refresh()
    assert tally_cell(tab, "钱村官", "缺勤") == "0" and tally_cell(tab, "钱村官", "停签后签到") == "1"


def test_d05_a_director_sets_a_pin_and_then_it_is_required(app, qtbot, desk, clock):
    s = make_staff(desk)
    put_on(desk, DAY, "am", s["王委员"])
    clock.set(at(8, 5))
    tab = make_tab(qtbot, desk)
    assert "尚未为值班人员设置签到密码" in tab.today.arrival_hint.text()
    choose(tab, "王委员")

    def set_it(dialog: QDialog) -> None:
        assert not by_name(dialog, "原签到密码", QLineEdit).isVisibleTo(dialog)  # the administrator is logged in
        qtbot.keyClicks(by_name(dialog, "新签到密码", QLineEdit), "2468")
        qtbot.keyClicks(by_name(dialog, "再次输入", QLineEdit), "2469")
        press(qtbot, dialog, "保存签到密码")
        assert error(dialog, "再次输入") == "两次输入的签到密码不一致"
        by_name(dialog, "再次输入", QLineEdit).clear()
        qtbot.keyClicks(by_name(dialog, "再次输入", QLineEdit), "2468")
        press(qtbot, dialog, "保存签到密码")

    when_modal(set_it, kind=QDialog)
    click(qtbot, tab, "设置签到密码")
    assert "已设置王委员的签到密码" in by_name(tab, "签到结果", QLabel).text()
    click(qtbot, tab, "签到")
    assert error(tab, "签到密码") == "请输入本人签到密码（签到必须本人）"
    qtbot.keyClicks(by_name(tab, "签到密码", QLineEdit), "2468")
    click(qtbot, tab, "签到")
    assert status_of(tab, "王委员") == "已签到"


def test_d07_leave_after_the_fact_needs_the_directors_reason_on_the_leave_page(app, qtbot, desk, clock):
    s = make_staff(desk)
    put_on(desk, DAY, "am", s["孙干部"])
    request_leave(LeaveInput("孙干部", DAY, DAY, "病假", "早上发烧", "周协管", ["am"]), "测试", at(9))
    clock.set(at(9, 30))
    desk.account = director()
    tab = make_tab(qtbot, desk)
    page = tab.show_page("请假")
    view = by_name(page, "请假记录", QTableView)
    view.setCurrentIndex(view.model().index(0, 0))
    assert view.model().index(0, 6).data() == "待批准（事后补假）"
    press(qtbot, page, "批准所选请假")
    assert "事后补假" in error(page, "批准理由")
    assert LeaveRequest.get().approved_at is None
    type_text(qtbot, by_name(page, "批准理由", QLineEdit), "已交医院证明")
    press(qtbot, page, "批准所选请假")
    assert "已批准孙干部的事后补假" in by_name(page, "审批提示", QLabel).text()
    tab.today.refresh()
    assert status_of(tab, "孙干部") == "请假（事后补假）"  # 周协管 was never asked: not put on the slot
    tab.show_page("考勤统计")
    tab.tally.refresh()
    assert tally_cell(tab, "孙干部", "事后补假") == "1" and tally_cell(tab, "周协管", "缺勤") == "0"


def status_colour(tab, name: str) -> str:
    from PySide6.QtWidgets import QTableWidget

    table = by_name(tab, "今日班次", QTableWidget)
    for r in range(table.rowCount()):
        if table.item(r, 2).text().startswith(name):
            return table.item(r, 5).foreground().color().name().upper()
    raise AssertionError(f"{name} not on today's duty")
