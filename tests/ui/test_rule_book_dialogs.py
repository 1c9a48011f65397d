"""The dialogs of N07 (告知跟进), V12 (问责记录), V11 (民情分析会), P10 (值班代办员) and P11 (调查核实),
driven as a user would, asserting what the user sees."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QTableWidget

from dutydesk.domain.catalogue import Tick
from dutydesk.store.accounts.account import Account
from dutydesk.store.notices import notice_follow_up
from dutydesk.store.notices.notice import ChecklistEntry, record_notice
from dutydesk.store.visits.analysis_meeting import open_decisions
from dutydesk.ui.accountability_dialog import AccountabilityDialog
from dutydesk.ui.analysis_meeting_dialog import AnalysisMeetingDialog
from dutydesk.ui.notices.agent_dialog import AgentDialog
from dutydesk.ui.notices.follow_up_dialog import FollowUpDialog
from dutydesk.ui.notices.investigation_dialog import InvestigationDialog
from dutydesk.ui.tabs import menu_actions
from tests.approvers import SECRET, approver
from tests.duty_helpers import make_staff
from tests.notice_helpers import new_case, seed, version
from tests.ui.helpers import by_name, type_text


def click(qtbot, root, name: str) -> None:
    qtbot.mouseClick(by_name(root, name, QPushButton), Qt.MouseButton.LeftButton)


def _missing(desk, at: dt.datetime, who: str = "李文书"):
    v = version("SB-01")
    ticks = [Tick(m, i == 0, 1 if i == 0 else 0) for i, m in enumerate(v.item.materials)]
    return record_notice(ChecklistEntry(v, "张秀英", ticks, "13812345678"), who, at)


def test_menu_offers_the_new_duties():
    texts = {a.text for a in menu_actions()}
    assert {"告知跟进…", "值班代办员…", "民情分析会…", "问责记录…"} <= texts
    assert next(a for a in menu_actions() if a.text == "问责记录…").director_only


def test_n07_follow_up_dialog_records_the_call_and_closes_the_matter(qtbot, app, desk, clock):
    seed(desk)
    notice = _missing(desk, desk.now())
    clock.set(dt.datetime(2026, 12, 7, 9, 0))  # after the supply date (12-03)
    desk.account = Account.get(Account.name == "李文书")
    dialog = FollowUpDialog(desk)
    qtbot.addWidget(dialog)
    table = by_name(dialog, "待电话告知", QTableWidget)
    assert table.rowCount() == 1 and table.item(0, 0).text() == notice.ref
    assert table.item(0, 4).text() == "补齐期限已过" and table.item(0, 2).text() != "13812345678"  # masked
    click(qtbot, dialog, "登记电话并按不予受理办结")
    assert by_name(dialog, "电话告知内容错误提示", QLabel).text() == "请填写电话中告知的原因"
    qtbot.keyClicks(by_name(dialog, "所拨电话", QLineEdit), "13812345678")
    type_text(qtbot, by_name(dialog, "电话告知内容", QPlainTextEdit), "逾期未补齐材料，不予受理")
    click(qtbot, dialog, "登记电话并按不予受理办结")
    assert "按不予受理办结" in by_name(dialog, "跟进结果", QLabel).text()
    assert table.rowCount() == 0
    assert notice_follow_up.follow_up_of(notice).outcome == "不予受理"


def test_v12_director_records_an_outcome_in_the_dialog(qtbot, app, desk):
    seed(desk)
    _missing(desk, dt.datetime(2026, 11, 10, 9, 0))
    _missing(desk, dt.datetime(2026, 11, 17, 9, 0))
    approver()
    dialog = AccountabilityDialog(desk)
    qtbot.addWidget(dialog)
    table = by_name(dialog, "疑似问责情形", QTableWidget)
    assert table.rowCount() == 1 and table.item(0, 2).text() == "一次性告知后群众重复往返"
    by_name(dialog, "处理结果", QComboBox).setCurrentText("诫勉谈话")
    type_text(qtbot, by_name(dialog, "依据", QPlainTextEdit), "群众投诉")
    by_name(dialog, "决定人", QComboBox).setCurrentIndex(by_name(dialog, "决定人", QComboBox).findData("王书记"))
    click(qtbot, dialog, "记录处理结果")
    assert by_name(dialog, "决定人密码错误提示", QLabel).text()  # no password typed
    qtbot.keyClicks(by_name(dialog, "决定人密码", QLineEdit), SECRET)
    click(qtbot, dialog, "记录处理结果")
    assert by_name(dialog, "问责结果", QLabel).text() == "已记录：李文书，诫勉谈话"
    assert table.rowCount() == 0


def test_v11_meeting_dialog_prepares_the_pack_and_records_decisions(qtbot, app, desk, clock, tmp_path):
    clock.set(dt.datetime(2026, 11, 30, 15, 0))
    dialog = AnalysisMeetingDialog(desk)
    qtbot.addWidget(dialog)
    assert by_name(dialog, "分析月份", QComboBox).currentText() == "2026年11月"
    pack = dialog.pack_to(tmp_path / "pack.pdf")
    assert "2026年11月民情分析会材料" in "".join(p.extract_text() for p in PdfReader(str(pack)).pages)
    type_text(qtbot, by_name(dialog, "主持人", QLineEdit), "张书记")
    type_text(qtbot, by_name(dialog, "决定1", QLineEdit), "组织低保政策入户宣传")
    click(qtbot, dialog, "保存会议记录")
    assert "第1项决定须写明跟进人" in by_name(dialog, "会议决定错误提示", QLabel).text()
    type_text(qtbot, by_name(dialog, "决定1跟进人", QLineEdit), "王委员")
    click(qtbot, dialog, "保存会议记录")
    assert "1项决定已列入待跟进" in by_name(dialog, "民情分析会结果", QLabel).text()
    assert [(d.content, d.follower, d.due) for d in open_decisions()] == [
        ("组织低保政策入户宣传", "王委员", dt.date(2026, 12, 7))]


def test_p10_agent_dialog_names_the_sessions_agent(qtbot, app, desk):
    make_staff(desk)
    dialog = AgentDialog(desk)
    qtbot.addWidget(dialog)
    assert "尚未指定" in by_name(dialog, "本班代办员", QLabel).text()
    by_name(dialog, "代办员", QComboBox).setCurrentText("王委员")
    click(qtbot, dialog, "指定本班代办员")
    assert by_name(dialog, "本班代办员", QLabel).text() == "本班代办员：王委员"


def test_p10_director_sets_a_designated_agent_from_today(qtbot, app, desk):
    make_staff(desk)
    desk.account = Account.get(Account.name == "王书记")
    dialog = AgentDialog(desk)
    qtbot.addWidget(dialog)
    by_name(dialog, "未指定时", QComboBox).setCurrentText("指定")
    click(qtbot, dialog, "保存值班方式")
    assert by_name(dialog, "指定代办员错误提示", QLabel).text() == "请选择指定的代办员"
    by_name(dialog, "指定代办员", QComboBox).setCurrentText("赵文书")
    click(qtbot, dialog, "保存值班方式")
    assert by_name(dialog, "本班代办员", QLabel).text() == "本班代办员：赵文书"
    desk.account = Account.get(Account.name == "李文书")
    other = AgentDialog(desk)
    qtbot.addWidget(other)
    assert not by_name(other, "保存值班方式", QPushButton).isEnabled()


def test_p11_investigation_dialog_assigns_and_reports_with_site_survey(qtbot, app, desk):
    seed(desk)
    case = new_case(desk, code="NY-02")
    dialog = InvestigationDialog(desk, case)
    qtbot.addWidget(dialog)
    status = by_name(dialog, "调查状态", QLabel)
    assert "请先指定调查人" in status.text()
    type_text(qtbot, by_name(dialog, "调查人", QLineEdit), "王委员")
    click(qtbot, dialog, "指定调查人")
    assert "王委员尚未登记" in status.text()
    type_text(qtbot, by_name(dialog, "调查核实情况", QPlainTextEdit), "一户一宅属实")
    click(qtbot, dialog, "登记调查结果")
    assert by_name(dialog, "现场勘查情况错误提示", QLabel).text() == "该事项须现场勘查，请填写现场勘查情况"
    type_text(qtbot, by_name(dialog, "现场勘查情况", QPlainTextEdit), "四至清楚")
    click(qtbot, dialog, "登记调查结果")
    assert status.text() == "调查核实已完成，可以送交上级" and dialog.changed


def test_p11_case_detail_shows_the_investigation(desk):
    from dutydesk.store.notices import proxy_investigation as inv
    from dutydesk.ui.notices.proxy_case_page import investigation_text

    seed(desk)
    assert investigation_text(new_case(desk, code="SB-01")) == ""
    case = new_case(desk, code="NY-02", name="周建房")
    assert investigation_text(case) == "<br>调查核实：尚未指定调查人"
    inv.assign_investigator(case, "王委员", dt.date(2026, 11, 27), "李文书", desk.now())
    assert investigation_text(case) == "<br>调查核实：王委员，2026-11-27前完成"
