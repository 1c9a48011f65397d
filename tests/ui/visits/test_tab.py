"""The 来访登记 tab: keyboard-only registration of a repeat visitor, the lazy register list,
the 待跟进 panel with a controlled clock, feedback from the detail view, F2 from anywhere."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDateTimeEdit, QLabel, QListWidget, QPlainTextEdit, QTableView

from dutydesk.domain import visit_rules as rules
from dutydesk.store.visits.residents import ResidentData, create_resident
from dutydesk.store.visits.visit import Visit, VisitDraft, register_visit
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.prefs import UiPrefs
from dutydesk.ui.visits.tab import VisitsTab
from tests.ui.helpers import activate, by_name, type_text, when_modal


def make_tab(qtbot, desk) -> VisitsTab:
    tab = VisitsTab(desk)
    qtbot.addWidget(tab)
    tab.resize(1400, 900)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def seed_zhang(desk):
    zhang = create_resident(ResidentData("张三", phones=["13812345678"], village_group="三组"),
                            desk.who, desk.now())
    register_visit(VisitDraft(channel="来访", category="政策咨询", person_name="张三", request="咨询医保缴费",
                              responder_name="李文书", outcome="即办", result="已告知缴费标准",
                              resident_id=zhang.id, received_at=dt.datetime(2026, 11, 10, 10, 0)),
                   desk.who, desk.now(), desk.calendar())
    return zhang


def key(qtbot, widget, k, times=1, modifier=Qt.KeyboardModifier.NoModifier):
    for _ in range(times):
        qtbot.keyClick(widget, k, modifier)


def focused(tab):
    return QApplication.focusWidget() or tab.focusWidget()


def test_v01_register_repeat_visitor_from_keyboard_only(qtbot, app, desk):
    zhang = seed_zhang(desk)
    tab = make_tab(qtbot, desk)
    activate(qtbot, tab)  # so Ctrl+S reaches the form, as in the real window
    lookup = by_name(tab, "查找群众")
    assert tab.form.focusWidget() is lookup
    qtbot.keyClicks(lookup, "1381")
    matches = by_name(tab, "匹配群众", QListWidget)
    assert matches.isVisible() and matches.count() == 1
    assert "张三" in matches.item(0).text() and "政策咨询" in matches.item(0).text()
    key(qtbot, lookup, Qt.Key.Key_Return)
    assert by_name(tab, "姓名").text() == "张三"
    assert by_name(tab, "联系电话").text() == "138****5678"  # V09: shown masked, saved in full
    assert by_name(tab, "群众信息").isVisibleTo(tab)
    category = by_name(tab, "事项类别", QComboBox)
    assert tab.form.focusWidget() is category
    key(qtbot, category, Qt.Key.Key_Down, 2)  # 政策咨询 -> 代办 -> 求助
    assert category.currentText() == "求助"
    key(qtbot, category, Qt.Key.Key_Tab)
    request = by_name(tab, "诉求内容", QPlainTextEdit)
    assert tab.form.focusWidget() is request
    type_text(qtbot, request, "房屋漏雨 need help")
    key(qtbot, request, Qt.Key.Key_Tab)
    responder = by_name(tab, "首问责任人", QComboBox)
    assert responder.currentText() == "管理员"  # nobody signed in on duty: the logged-in account (V02)
    key(qtbot, tab.form.focusWidget(), Qt.Key.Key_Tab)
    outcome = by_name(tab, "处理方式", QComboBox)
    assert tab.form.focusWidget() is outcome
    key(qtbot, outcome, Qt.Key.Key_Down, 2)  # 即办 -> 代办 -> 转办
    assert outcome.currentText() == "转办"
    key(qtbot, outcome, Qt.Key.Key_Tab)
    type_text(qtbot, tab.form.focusWidget(), "镇民政办")
    key(qtbot, tab.form.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(tab.form.focusWidget(), "0571-63280000")
    key(qtbot, tab.form.focusWidget(), Qt.Key.Key_S, modifier=Qt.KeyboardModifier.ControlModifier)

    visit = Visit.select().order_by(Visit.id.desc()).first()
    assert (visit.resident_id, visit.category, visit.request, visit.outcome) == (
        zhang.id, "求助", "房屋漏雨 need help", "转办")
    assert (visit.transfer_to, visit.transfer_contact) == ("镇民政办", "0571-63280000")
    assert visit.contact == "13812345678"
    assert visit.deadline == dt.date(2026, 11, 26)  # 需审核: 2 working days (V04)
    assert "已登记" in by_name(tab, "登记结果", QLabel).text()
    # The form is fresh for the next person, and the list shows the new visit first.
    assert by_name(tab, "姓名").text() == ""
    table = by_name(tab, "来访记录", QTableView)
    model = table.model()
    assert model.index(0, 3).data() == "张三" and model.index(0, 4).data() == "求助"
    assert model.index(0, 9).data() == "办理中"


def test_lookup_by_pinyin_initials_and_escape(qtbot, app, desk):
    seed_zhang(desk)
    tab = make_tab(qtbot, desk)
    lookup = by_name(tab, "查找群众")
    qtbot.keyClicks(lookup, "zs")
    matches = by_name(tab, "匹配群众", QListWidget)
    assert matches.count() == 1 and matches.item(0).text().startswith("张三")
    key(qtbot, lookup, Qt.Key.Key_Escape)
    assert not matches.isVisible()


def test_bad_id_is_refused_beside_the_field_and_nothing_is_lost(qtbot, app, desk):
    tab = make_tab(qtbot, desk)
    type_text(qtbot, by_name(tab, "姓名"), "王五")
    qtbot.keyClicks(by_name(tab, "联系电话"), "13900001111")
    qtbot.keyClicks(by_name(tab, "身份证号"), "110105194912310021")
    type_text(qtbot, by_name(tab, "诉求内容", QPlainTextEdit), "咨询养老保险")
    type_text(qtbot, by_name(tab, "办理结果"), "已解答")
    qtbot.mouseClick(by_name(tab, "保存登记"), Qt.MouseButton.LeftButton)
    assert "校验位" in by_name(tab, "身份证号错误提示", QLabel).text()
    assert Visit.select().count() == 0
    assert by_name(tab, "姓名").text() == "王五"
    assert by_name(tab, "诉求内容", QPlainTextEdit).toPlainText() == "咨询养老保险"
    assert by_name(tab, "办理结果").text() == "已解答"
    by_name(tab, "身份证号").setText("11010519491231002x")
    qtbot.mouseClick(by_name(tab, "保存登记"), Qt.MouseButton.LeftButton)
    visit = Visit.get()
    assert visit.resident.id_number == "11010519491231002X" and visit.resident.phones() == ["13900001111"]


def test_v02_out_of_scope_asks_where_to_send_the_person(qtbot, app, desk):
    tab = make_tab(qtbot, desk)
    type_text(qtbot, by_name(tab, "姓名"), "赵六")
    type_text(qtbot, by_name(tab, "诉求内容", QPlainTextEdit), "办理不动产登记")
    by_name(tab, "处理方式", QComboBox).setCurrentText("不属职责")
    assert by_name(tab, "负责单位").isVisibleTo(tab) and not by_name(tab, "办理结果").isVisibleTo(tab)
    qtbot.mouseClick(by_name(tab, "保存登记"), Qt.MouseButton.LeftButton)
    assert by_name(tab, "负责单位错误提示", QLabel).text().startswith("请填写负责办理的单位")
    assert Visit.select().count() == 0


def test_v06_incident_form_asks_both_recipients_and_flags_a_late_report(qtbot, app, desk):
    """V06: the form shows both recipients (两委负责人 and 镇党委: who, when, how) and warns of a late report."""
    tab = make_tab(qtbot, desk)
    assert not by_name(tab, "告知的两委负责人").isVisibleTo(tab)
    by_name(tab, "事项类别", QComboBox).setCurrentText("突发事件")
    for label in ("事发时间", "告知的两委负责人", "两委负责人报告时间", "两委负责人报告方式",
                  "告知的镇党委人员", "镇党委报告时间", "镇党委报告方式"):
        assert by_name(tab, label).isVisibleTo(tab), label
    type_text(qtbot, by_name(tab, "姓名"), "钱七")
    type_text(qtbot, by_name(tab, "诉求内容", QPlainTextEdit), "山体滑坡")
    type_text(qtbot, by_name(tab, "办理结果"), "已组织疏散")
    type_text(qtbot, by_name(tab, "告知的镇党委人员"), "镇党委值班室王主任")
    qtbot.mouseClick(by_name(tab, "保存登记"), Qt.MouseButton.LeftButton)
    assert by_name(tab, "告知的两委负责人错误提示", QLabel).text() == (
        "突发事件须同时报告两委负责人和镇党委：请填写告知的两委负责人")
    assert Visit.select().count() == 0
    type_text(qtbot, by_name(tab, "告知的两委负责人"), "张书记")
    by_name(tab, "事发时间", QDateTimeEdit).setDateTime(QDateTime(dt.datetime(2026, 11, 24, 7, 30)))
    by_name(tab, "两委负责人报告时间", QDateTimeEdit).setDateTime(QDateTime(dt.datetime(2026, 11, 24, 7, 45)))
    late = by_name(tab, "突发事件报告是否及时", QLabel)
    assert late.isVisibleTo(tab) and late.text() == "镇党委：事发后超过1小时才报告，迟报"
    qtbot.mouseClick(by_name(tab, "保存登记"), Qt.MouseButton.LeftButton)
    visit = Visit.get()
    assert visit.incident_occurred_at == dt.datetime(2026, 11, 24, 7, 30)
    assert [(r.recipient, r.told, r.method) for r in visit.incident_reports] == [
        ("两委负责人", "张书记", "电话"), ("镇党委", "镇党委值班室王主任", "电话")]


def test_v04_overdue_matter_appears_in_followup_panel_and_feedback_closes_it(qtbot, app, desk, clock):
    visit = register_visit(VisitDraft(channel="来电", category="投诉举报", person_name="孙八", request="路灯不亮",
                                      responder_name="李文书", outcome="转办", transfer_to="村委会",
                                      transfer_contact="13700000000", deadline_kind="review"),
                           desk.who, desk.now(), desk.calendar())
    clock.set(dt.datetime(2026, 11, 27, 9, 0))  # deadline was Thu 26 Nov
    tab = make_tab(qtbot, desk)
    panel = by_name(tab, "待跟进", QListWidget)
    assert panel.count() == 1 and panel.item(0).text().startswith("【已超期】")
    assert "超期 1 件" in by_name(tab, "待跟进标题", QLabel).text()
    by_name(tab, "只看超期").setChecked(True)
    assert tab.register.model.rowCount() == 1
    assert tab.register.model.index(0, 9).data() == "办理中·已超期"

    dialog = tab.open_visit(visit.id)
    qtbot.addWidget(dialog)

    def complete(d):
        type_text(qtbot, by_name(d, "办理结果", QPlainTextEdit), "路灯已修复")
        qtbot.mouseClick(by_name(d, "确定"), Qt.MouseButton.LeftButton)

    when_modal(complete)
    qtbot.mouseClick(by_name(dialog, "办结"), Qt.MouseButton.LeftButton)
    assert Visit.get_by_id(visit.id).status == rules.DONE

    def feedback(d):
        type_text(qtbot, by_name(d, "反馈内容", QPlainTextEdit), "电话告知路灯已修复")
        by_name(d, "满意度", QComboBox).setCurrentText("满意")
        qtbot.mouseClick(by_name(d, "确定"), Qt.MouseButton.LeftButton)

    when_modal(feedback)
    qtbot.mouseClick(by_name(dialog, "记录反馈"), Qt.MouseButton.LeftButton)
    visit = Visit.get_by_id(visit.id)
    assert visit.status == rules.FED_BACK and visit.satisfaction == "满意"
    assert "电话告知路灯已修复" in by_name(dialog, "记录详情").toPlainText()
    assert "修改状态" in by_name(dialog, "记录详情").toPlainText()
    assert by_name(tab, "待跟进", QListWidget).item(0).text() == "没有即将到期或超期的事项"


def test_void_needs_a_reason_shown_beside_the_field(qtbot, app, desk):
    visit = register_visit(VisitDraft(channel="来访", category="其他", person_name="周九", request="开证明",
                                      responder_name="李文书", outcome="即办", result="已开具"),
                           desk.who, desk.now(), desk.calendar())
    tab = make_tab(qtbot, desk)
    dialog = tab.open_visit(visit.id)
    qtbot.addWidget(dialog)
    seen = []

    def empty_then_reason(d):
        qtbot.mouseClick(by_name(d, "确定"), Qt.MouseButton.LeftButton)
        seen.append(by_name(d, "作废原因错误提示", QLabel).text())
        type_text(qtbot, by_name(d, "作废原因"), "重复登记")
        qtbot.mouseClick(by_name(d, "确定"), Qt.MouseButton.LeftButton)

    when_modal(empty_then_reason)
    qtbot.mouseClick(by_name(dialog, "作废"), Qt.MouseButton.LeftButton)
    assert seen == ["作废必须填写原因"]
    assert Visit.get_by_id(visit.id).void_reason == "重复登记"
    assert not by_name(dialog, "更正").isEnabled()


def test_f2_starts_a_new_registration_from_another_tab(qtbot, app, desk):
    window = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    tab = window.findChild(VisitsTab)
    type_text(qtbot, by_name(tab, "姓名"), "半截")
    window.tabs.setCurrentIndex(0)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert window.tabs.currentWidget() is tab
    assert by_name(tab, "姓名").text() == ""
    assert tab.form.focusWidget() is by_name(tab, "查找群众")
    assert "F2" in "\n".join(window.shortcut_lines())


def test_status_bar_counts_followups(qtbot, app, desk, clock):
    register_visit(VisitDraft(channel="来电", category="求助", person_name="吴十", request="求助",
                              responder_name="李文书", outcome="上报", escalate_level="镇", deadline_kind="review"),
                   desk.who, desk.now(), desk.calendar())
    clock.set(dt.datetime(2026, 11, 26, 9, 0))
    window = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    qtbot.addWidget(window)
    assert "待跟进：超期 0 件，即将到期 1 件" in window.status_text()


def test_calendar_change_elsewhere_clears_the_warning(qtbot, app, desk):
    from dutydesk.store.calendar_days import enter_day
    from dutydesk.ui.events import DeskEvents

    tab = make_tab(qtbot, desk)
    events = DeskEvents()
    tab.set_events(events)
    assert tab.calendar_warning.isVisible()
    enter_day(dt.date(2027, 1, 1), False, "元旦", desk.who, desk.now())
    events.changed.emit("calendar")
    assert not tab.calendar_warning.isVisible()


def test_followup_panel_caps_a_very_long_list(qtbot, app, desk, clock, monkeypatch):
    from dutydesk.ui.visits import followup_panel

    monkeypatch.setattr(followup_panel, "SHOWN", 2)
    for name in ("甲", "乙", "丙"):
        register_visit(VisitDraft(channel="来电", category="求助", person_name=name, request="求助",
                                  responder_name="李文书", outcome="上报", escalate_level="镇",
                                  deadline_kind="review"), desk.who, desk.now(), desk.calendar())
    clock.set(dt.datetime(2026, 11, 30, 9, 0))
    tab = make_tab(qtbot, desk)
    panel = by_name(tab, "待跟进", QListWidget)
    assert panel.count() == 3 and "另有 1 件" in panel.item(2).text()
    assert "超期 3 件" in by_name(tab, "待跟进标题", QLabel).text()
