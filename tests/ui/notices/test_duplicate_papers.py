"""No duplicate official papers at the desk (N06, P05): F10 twice gives one slip, printing again is 补打."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton

from dutydesk.reports.ledgers.proxy_ledger import proxy_chunks
from dutydesk.reports.ledgers.registry import Period
from dutydesk.store.notices import notice as notices
from dutydesk.store.notices import proxy_cases, reprints, slip_numbers
from dutydesk.store.notices.notice import NoticeRecord
from dutydesk.store.notices.proxy_cases import ProxyCase
from tests.notice_helpers import proxy_visit
from tests.ui.helpers import by_name, when_modal
from tests.ui.notices.test_tab import click, pick_item, save_dialog, saved, tab, tick, window  # noqa: F401

MATERIALS = ["申请人居民身份证", "户口簿（户主页及本人页）", "本人社会保障卡或银行卡（一卡通）",
             "城乡居民基本养老保险参保登记表"]


def accept_visit(qtbot, tab, desk):  # noqa: F811
    visit = proxy_visit(desk)
    tab.checklist.start_from_visit(visit.id)
    pick_item(qtbot, tab)
    for name in MATERIALS:
        tick(qtbot, tab, name, 2)
    click(qtbot, tab, "受理代办")
    return visit


def answer(text: str):
    def handle(dialog):
        dialog.setTextValue(text)
        dialog.accept()
    return handle


def ledger_slips() -> list[str]:
    return [row[0] for chunk in proxy_chunks(Period.month(2026, 11)) for row in chunk]


def test_n06_f10_twice_gives_one_slip_the_button_is_disabled_and_the_ledger_counts_one(
        qtbot, tab, desk, saved):  # noqa: F811
    visit = accept_visit(qtbot, tab, desk)
    button = by_name(tab, "受理代办", QPushButton)
    assert not button.isEnabled()
    assert "已受理代办，代办单号DB2026-000001" in by_name(tab, "办理结果", QLabel).text()
    qtbot.keyClick(tab.checklist, Qt.Key.Key_F10)  # the shortcut of a disabled button does nothing
    tab.checklist.accept_proxy()  # a stale screen (another desk accepted it) is refused by the books
    error = by_name(tab, "材料清单错误提示", QLabel).text()
    assert "已受理代办（代办单号DB2026-000001），不能重复受理" in error
    assert [c.slip_no for c in proxy_cases.cases_for_visit(visit.id)] == ["DB2026-000001"]
    assert ledger_slips() == ["DB2026-000001"]
    assert slip_numbers.last_number("DB", 2026) == 1
    # picking the visit again later (restart, other desk) still shows it as accepted
    tab.checklist.refresh_visits()
    tab.checklist.start_from_visit(visit.id)
    assert not by_name(tab, "受理代办", QPushButton).isEnabled()


def test_n06_reprinting_slip_and_receipt_keeps_the_number_is_registered_and_says_bu_da(
        qtbot, tab, desk, clock, saved):  # noqa: F811
    accept_visit(qtbot, tab, desk)
    assert tab.open_slip("DB2026-000001")
    clock.advance(hours=1)
    when_modal(answer("群众遗失代办单"))
    click(qtbot, tab.cases, "补打代办单和回执")
    dialog = tab.dialogs[-1]  # one preview holds both papers
    assert dialog.windowTitle() == "收件回执单和代办单 DB2026-000001（补打）"
    for paper in ("收件回执单", "代办单"):
        by_name(dialog, "文书").setCurrentText(paper)
        text = save_dialog(qtbot, dialog)
        assert "DB2026-000001" in text and "补打（第1次，2026年11月24日" in text
    assert ProxyCase.select().count() == 1 and ledger_slips() == ["DB2026-000001"]
    rows = reprints.reprints_of("DB2026-000001")
    assert [(r.paper, r.printed_by, r.reason, f"{r.printed_at:%H:%M}") for r in rows] == [
        ("receipt", desk.who, "群众遗失代办单", "10:00"), ("slip", desk.who, "群众遗失代办单", "10:00")]
    history = by_name(tab, "办理记录", QListWidget)
    lines = [history.item(i).text() for i in range(history.count())]
    assert any("补打代办单（原因：群众遗失代办单）" in line for line in lines)


def test_n06_reprint_without_a_reason_is_refused_in_chinese(qtbot, tab, desk, monkeypatch):  # noqa: F811
    from dutydesk.ui.notices import proxy_case_page

    warnings: list[str] = []
    monkeypatch.setattr(proxy_case_page.QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    accept_visit(qtbot, tab, desk)
    opened = len(tab.dialogs)
    tab.open_slip("DB2026-000001")
    when_modal(answer(""))
    click(qtbot, tab.cases, "补打代办单和回执")
    assert warnings == ["请填写补打原因"]
    assert reprints.reprints_of("DB2026-000001") == [] and len(tab.dialogs) == opened


def test_n06_pressing_f9_again_reprints_the_same_notice_instead_of_numbering_a_new_one(
        qtbot, tab, desk, saved):  # noqa: F811
    visit = proxy_visit(desk)
    tab.checklist.start_from_visit(visit.id)
    pick_item(qtbot, tab)
    tick(qtbot, tab, MATERIALS[0], 1)
    click(qtbot, tab, "打印一次性告知单")
    first = notices.notices_for_visit(visit.id)
    assert [n.ref for n in first] == ["GZ2026-000001"]
    notice_button = by_name(tab, "补打告知单", QPushButton)
    assert notice_button.text() == "补打告知单（F9）"
    when_modal(answer("群众要求多打一份"))
    click(qtbot, tab, "补打告知单")
    text = save_dialog(qtbot, tab.dialogs[-1])
    assert "GZ2026-000001" in text and "补打（第1次" in text
    assert NoticeRecord.select().count() == 1
    assert [(r.paper, r.ref, r.reason) for r in reprints.reprints_of("GZ2026-000001")] == [
        ("notice", "GZ2026-000001", "群众要求多打一份")]
    # one more material brought: a different notice, with its own number
    tick(qtbot, tab, MATERIALS[1], 1)
    assert notice_button.text() == "打印一次性告知单（F9）"
    click(qtbot, tab, "打印一次性告知单")
    assert [n.ref for n in notices.notices_for_visit(visit.id)] == ["GZ2026-000001", "GZ2026-000002"]


def test_n06_notice_printed_before_acceptance_is_the_acceptance_notice(qtbot, tab, desk):  # noqa: F811
    visit = proxy_visit(desk)
    tab.checklist.start_from_visit(visit.id)
    pick_item(qtbot, tab)
    for name in MATERIALS:
        tick(qtbot, tab, name, 2)
    click(qtbot, tab, "打印一次性告知单")
    click(qtbot, tab, "受理代办")
    (notice,) = notices.notices_for_visit(visit.id)
    assert proxy_cases.cases_for_visit(visit.id)[0].notice.id == notice.id
