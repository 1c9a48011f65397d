"""The 一次性告知 tab driven like the desk does: visit → checklist → printed PDFs → case to 办结."""

from __future__ import annotations

import datetime as dt

import pytest
import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyleOptionButton,
    QTableView,
)

from dutydesk.domain.proxy_case import StepKind
from dutydesk.store.notices import notice as notices
from dutydesk.store.notices import proxy_cases
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.notices import checklist_page, document_dialog, proxy_case_page
from dutydesk.ui.notices.tab import NoticeTab
from dutydesk.ui.prefs import UiPrefs
from tests.notice_helpers import new_case, proxy_visit, seed
from tests.ui.helpers import activate, by_name, type_text, when_modal

ITEM = "城乡居民养老保险参保登记"


@pytest.fixture
def window(qtbot, app, desk):
    seed(desk)
    win = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    win.show()
    qtbot.waitExposed(win)
    activate(qtbot, win)
    yield win
    win.close()
    shiboken6.delete(win)  # free it now: later tests restyle every live widget


@pytest.fixture
def tab(window) -> NoticeTab:
    found = window.findChildren(NoticeTab)
    assert len(found) == 1
    window.show_tab("一次性告知")
    return found[0]


@pytest.fixture
def saved(monkeypatch, tmp_path):
    """Answer the 另存为PDF file dialog and the confirmation like a user would."""
    targets: list = []
    shown: list[str] = []

    def ask(_parent, _title, _start, _filter):
        path = tmp_path / f"saved{len(targets)}.pdf"
        targets.append(path)
        return str(path), "PDF 文件 (*.pdf)"

    monkeypatch.setattr(document_dialog.QFileDialog, "getSaveFileName", ask)
    monkeypatch.setattr(document_dialog.QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    return targets


def pdf_text(path) -> str:
    return "".join(p.extract_text() for p in PdfReader(str(path)).pages).replace(" ", "").replace("\n", "")


def pick_item(qtbot, tab: NoticeTab, query: str = "ylbx", expected: str = ITEM) -> None:
    search = by_name(tab, "搜索事项", QLineEdit)
    search.clear()
    qtbot.keyClicks(search, query)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert by_name(tab, "事项名称", QLabel).text().startswith(expected)


def check(qtbot, box: QCheckBox) -> None:
    """Click the tick box itself, where a user clicks."""
    option = QStyleOptionButton()
    box.initStyleOption(option)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=indicator.center())


def tick(qtbot, tab: NoticeTab, material: str, pages: int) -> None:
    box = by_name(tab, material, QCheckBox)
    check(qtbot, box)
    assert box.isChecked()
    spin = by_name(tab, f"{material}页数", QSpinBox)
    spin.selectAll()
    qtbot.keyClicks(spin, str(pages))


def click(qtbot, root, name: str) -> None:
    button = by_name(root, name, QPushButton)
    assert button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def save_dialog(qtbot, dialog) -> str:
    click(qtbot, dialog, "另存为PDF…")
    return pdf_text(dialog.pdf)


def test_n03_n05_from_a_visit_missing_materials_print_a_notice_listing_exactly_them(qtbot, tab, desk, saved):
    visit = proxy_visit(desk)
    tab.checklist.refresh_visits()
    combo = by_name(tab, "来访记录")
    combo.setCurrentIndex(combo.findData(visit.id))
    assert by_name(tab, "群众姓名", QLineEdit).text() == "张秀英"
    pick_item(qtbot, tab)
    tick(qtbot, tab, "申请人居民身份证", 1)
    tick(qtbot, tab, "本人社会保障卡或银行卡（一卡通）", 1)
    outcome = by_name(tab, "办理结果", QLabel).text()
    assert outcome.startswith("材料不全") and "户口簿（户主页及本人页）" in outcome
    assert not by_name(tab, "受理代办", QPushButton).isEnabled()

    click(qtbot, tab, "打印一次性告知单")
    dialog = tab.dialogs[-1]
    assert dialog.windowTitle().startswith("一次性告知单 GZ2026-000001")
    text = save_dialog(qtbot, dialog)
    assert saved[0].read_bytes() == dialog.pdf.read_bytes()  # the saved file is the previewed one
    missing = text.partition("所缺材料")[2].partition("一、办理条件")[0]
    assert "户口簿（户主页及本人页）" in missing and "城乡居民基本养老保险参保登记表" in missing
    assert "申请人居民身份证" not in missing and "本人社会保障卡" not in missing
    assert "张秀英" in text and "监督电话" in text

    notice = notices.notices_for_visit(visit.id)[0]  # N06: what was told, when, by whom
    assert (notice.ref, notice.told_by, notice.told_at) == ("GZ2026-000001", "管理员", desk.now())
    assert "GZ2026-000001" in by_name(tab, "办理提示", QLabel).text()


def test_n04_not_eligible_needs_a_reason_beside_the_field(qtbot, tab):
    pick_item(qtbot, tab)
    type_text(qtbot, by_name(tab, "群众姓名", QLineEdit), "张秀英")
    check(qtbot, by_name(tab, "不符合办理条件", QCheckBox))
    assert by_name(tab, "办理结果", QLabel).text().startswith("不符合办理条件")
    click(qtbot, tab, "打印一次性告知单")
    assert by_name(tab, "不符合原因错误提示", QLabel).text() == "不符合条件时必须写明原因"  # N04, no rule ID shown
    assert by_name(tab, "群众姓名", QLineEdit).text() == "张秀英"  # nothing typed is lost
    assert tab.dialogs == []


def test_p07_a_fee_other_than_the_statutory_one_is_refused(qtbot, tab):
    pick_item(qtbot, tab, "hj-02", "居民身份证换领、补领")  # 居民身份证换领、补领: statutory 20 yuan
    type_text(qtbot, by_name(tab, "群众姓名", QLineEdit), "王建国")
    for name in ("户口簿", "原居民身份证", "行动不便证明（残疾人证或病历）"):
        tick(qtbot, tab, name, 1)
    fee = by_name(tab, "收费金额（元）", QLineEdit)
    fee.clear()
    qtbot.keyClicks(fee, "30")
    click(qtbot, tab, "受理代办")
    assert "20元" in by_name(tab, "收费金额（元）错误提示", QLabel).text()
    assert proxy_cases.count_cases() == 0


def do_step(qtbot, tab: NoticeTab, label: str, fill=None) -> None:
    def handle(dialog):
        if fill:
            fill(dialog)
        qtbot.mouseClick(by_name(dialog, "确定", QPushButton), Qt.MouseButton.LeftButton)

    when_modal(handle)
    click(qtbot, tab.cases, f"登记：{label}")


def test_p02_p04_accept_print_receipt_and_slip_then_walk_the_case_to_closed(qtbot, tab, desk, clock, saved):
    visit = proxy_visit(desk)
    tab.checklist.start_from_visit(visit.id)
    pick_item(qtbot, tab)
    materials = ["申请人居民身份证", "户口簿（户主页及本人页）", "本人社会保障卡或银行卡（一卡通）",
                 "城乡居民基本养老保险参保登记表"]
    for pages, name in enumerate(materials, start=1):
        tick(qtbot, tab, name, pages)
    assert by_name(tab, "办理结果", QLabel).text() == "材料齐全，受理代办"
    opened = len(tab.dialogs)
    click(qtbot, tab, "受理代办")
    assert len(tab.dialogs) == opened + 1  # one preview: the slip, then the receipt
    (papers,) = tab.dialogs[opened:]
    assert papers.windowTitle() == "代办单和收件回执 DB2026-000001"
    receipt_text = slip_text = save_dialog(qtbot, papers)
    assert "收件回执单" in receipt_text and "DB2026-000001" in receipt_text
    assert "共4项，10页" in receipt_text and "2026年12月1日" in receipt_text
    assert "代办单（存根）" in slip_text and "代办单（群众联）" in slip_text
    case = proxy_cases.case_by_slip("DB2026-000001")
    assert case.visit.id == visit.id and case.notice.outcome == "proxy"

    assert tab.open_slip("DB2026-000001")
    assert tab.current_page() is tab.cases
    for label, fill in [
        ("送交上级", None),
        ("上级已办结", lambda d: type_text(qtbot, by_name(d, "办理结果", QLineEdit), "已参保")),
        ("取回结果", None),
        ("通知群众", None),
        ("群众领取", None),
        ("办结", None),
    ]:
        clock.advance(hours=2)
        do_step(qtbot, tab, label, fill)
        qtbot.waitUntil(lambda lbl=label: proxy_cases.live_steps(case)[-1].kind != "" and
                        by_name(tab, "办理记录", QListWidget).count() >= 1)
    case = proxy_cases.case_by_id(case.id)
    assert case.state_label == "办结"
    history = by_name(tab, "办理记录", QListWidget)
    assert history.count() == 6 and "上级已办结（办理结果：已参保）" in history.item(1).text()
    assert "办结" in by_name(tab, "代办单详情", QLabel).text()
    assert [b.text() for b in tab.cases.step_buttons] == []


def test_p05_out_of_order_step_is_rejected_on_screen(qtbot, tab, desk, monkeypatch):
    warnings: list[str] = []
    monkeypatch.setattr(proxy_case_page.QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    case = new_case(desk)
    tab.cases.reload()
    tab.open_slip(case.slip_no)
    assert [b.text() for b in tab.cases.step_buttons] == ["登记：送交上级"]  # only the next step is offered

    def confirm(dialog):
        qtbot.mouseClick(by_name(dialog, "确定", QPushButton), Qt.MouseButton.LeftButton)
        dialog.reject()

    when_modal(confirm)
    tab.cases.record(StepKind.NOTIFY)  # a stale screen tries to skip ahead
    assert warnings and "下一步应为“送交上级”" in warnings[0]
    assert proxy_cases.live_steps(case) == []


def test_wrong_step_is_reversed_with_a_reason(qtbot, tab, desk):
    case = new_case(desk)
    tab.cases.reload()
    tab.open_slip(case.slip_no)
    do_step(qtbot, tab, "送交上级")

    def answer(dialog):
        dialog.setTextValue("送错单位，重新送交")
        dialog.accept()

    when_modal(answer)
    click(qtbot, tab.cases, "撤销上一步")
    history = by_name(tab, "办理记录", QListWidget)
    assert "［已撤销：送错单位，重新送交］" in history.item(0).text()
    assert [b.text() for b in tab.cases.step_buttons] == ["登记：送交上级"]


def test_hand_over_and_void_are_refused_with_the_stores_reason_then_done(qtbot, tab, desk, monkeypatch):
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(proxy_case_page.QMessageBox, "warning", lambda _p, title, text: warnings.append((title, text)))
    case = new_case(desk)
    tab.cases.reload()
    tab.open_slip(case.slip_no)

    def answers(*texts: str):
        def answer(dialog):
            dialog.setTextValue(texts[0])
            if texts[1:]:
                when_modal(answers(*texts[1:]))
            dialog.accept()
        return answer

    when_modal(answers(case.agent, "同一人"))
    click(qtbot, tab.cases, "移交代办员")
    assert warnings == [("不能移交", "接手人与当前代办员相同")]
    when_modal(answers("周协管", "已送交镇社保所，等回执"))
    click(qtbot, tab.cases, "移交代办员")
    assert proxy_cases.case_by_id(case.id).agent == "周协管"
    when_modal(answers(" "))
    click(qtbot, tab.cases, "作废代办单")
    assert warnings[-1] == ("不能作废", "作废必须填写原因")
    when_modal(answers("重复开单"))
    click(qtbot, tab.cases, "作废代办单")
    assert proxy_cases.case_by_id(case.id).void_reason == "重复开单"
    assert "已作废：重复开单" in by_name(tab, "代办单详情", QLabel).text()


def test_open_a_case_by_typing_its_number_in_the_main_window(qtbot, window, tab, desk):
    case = new_case(desk)
    window.tabs.setCurrentIndex(0)  # another tab is showing
    qtbot.keyClicks(window, case.slip_no.lower())
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "一次性告知"
    assert tab.current_page() is tab.cases
    assert case.slip_no in by_name(tab, "代办单详情", QLabel).text()


def test_scanned_number_into_a_search_box_opens_the_case_and_leaves_the_box_clean(qtbot, window, tab, desk):
    case = new_case(desk)
    search = by_name(tab, "搜索事项", QLineEdit)
    search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is search)
    qtbot.keyClicks(search, "yl")
    qtbot.keyClicks(search, case.slip_no)  # the scanner types into whatever has focus
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert search.text() == "yl"
    assert case.slip_no in by_name(tab, "代办单详情", QLabel).text()


def test_case_list_fetches_lazily_and_filters(qtbot, tab, desk):
    for index in range(proxy_case_page.PAGE + 5):
        new_case(desk, name=f"群众{index}")
    tab.cases.reload()
    table = by_name(tab, "代办单列表", QTableView)
    model = table.model()
    assert model.rowCount() == proxy_case_page.PAGE and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == proxy_case_page.PAGE + 5 and not model.canFetchMore()
    qtbot.keyClicks(by_name(tab, "查找代办单", QLineEdit), "000007")
    assert model.rowCount() == 1 and model.data(model.index(0, 0)) == "DB2026-000007"


def test_checklist_item_search_by_pinyin_initials(qtbot, tab):
    search = by_name(tab, "搜索事项", QLineEdit)
    qtbot.keyClicks(search, "zdshbz")
    items = by_name(tab, "事项列表", QListWidget)
    assert [items.item(i).text() for i in range(items.count())] == ["最低生活保障申请　[代办]"]


def test_item_html_tells_everything_at_once(tab):
    """N01: conditions, steps, limit, fee, basis and unit shown together."""
    from dutydesk.store.notices import catalogue

    html = checklist_page.item_html(catalogue.current_version("SJ-01"))
    for text in ("办理条件", "办理流程", "15个工作日", "不收费", "社会救助暂行办法", "公示7天"):
        assert text in html


def test_printed_documents_are_kept_in_the_data_folder(qtbot, tab, desk):
    case = new_case(desk)
    tab.show_case_docs(case)
    kept = sorted(p.name for p in (desk.folder.path / "printed" / "2026").iterdir())
    assert kept == ["DB2026-000001-代办单-A4.pdf", "DB2026-000001-收件回执单-A4.pdf"]


def test_paper_size_switch_re_renders_and_is_remembered(qtbot, tab, desk):
    case = new_case(desk)
    receipt = tab.show_case_docs(case)
    by_name(receipt, "纸张").setCurrentText("A5")
    assert receipt.pdf.name.endswith("A5.pdf") and receipt.pdf.exists()
    assert all(pdf.name.endswith("A5.pdf") for pdf in receipt.pdfs.values())
    again = tab.show_case_docs(case)
    assert again.size_name == "A5"


def test_due_promised_date_is_from_the_working_day_calendar(desk):
    seed(desk)
    case = new_case(desk, at=dt.datetime(2026, 9, 30, 10, 0))  # before the National Day holiday
    assert case.promised_date > dt.date(2026, 10, 8)


def test_menu_opens_a_case_by_number_typed_in_a_dialog(qtbot, window, tab, desk, monkeypatch):
    from dutydesk.ui.notices import tab as notice_tab

    case = new_case(desk)
    action = next(a for a in window.menus["文件"].actions() if a.text() == "按代办单号打开…")
    assert action.shortcut().toString() == "Ctrl+G"
    warnings: list[str] = []
    monkeypatch.setattr(notice_tab.QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    monkeypatch.setattr(notice_tab.QInputDialog, "getText", lambda *_a: ("DB26-1", True))
    action.trigger()
    assert "格式应为 DB2026-000123" in warnings[0]
    monkeypatch.setattr(notice_tab.QInputDialog, "getText", lambda *_a: (case.slip_no, True))
    window.tabs.setCurrentIndex(0)
    action.trigger()
    assert window.tabs.tabText(window.tabs.currentIndex()) == "一次性告知"
    assert case.slip_no in by_name(tab, "代办单详情", QLabel).text()


def test_v09_case_panel_masks_the_phone_for_an_operator(qtbot, tab, desk):
    from dutydesk.store.accounts.account import Account

    case = new_case(desk)
    desk.account = Account.get(Account.name == "李文书")
    tab.open_slip(case.slip_no)
    detail = by_name(tab, "代办单详情", QLabel).text()
    assert "138****5678" in detail and "13812345678" not in detail
    desk.account = Account.get(Account.name == "王书记")  # a role in privacy.unmasked_roles
    tab.open_slip(case.slip_no)
    assert "138****5678" in by_name(tab, "代办单详情", QLabel).text()  # until a logged reveal (V09)
    by_name(tab, "显示完整号码").click()
    assert "13812345678" in by_name(tab, "代办单详情", QLabel).text()
    desk.account = Account.get(Account.name == "李文书")  # the next user sees it masked again
    tab.open_slip(case.slip_no)
    assert "13812345678" not in by_name(tab, "代办单详情", QLabel).text()


def test_one_preview_prints_receipt_and_slip_together(qtbot, tab, desk, monkeypatch):
    """受理代办 opens one preview; its 打印 sends both papers as one job."""
    from PySide6.QtWidgets import QDialog

    dialog = tab.show_case_docs(new_case(desk))
    printed: list[list[str]] = []
    monkeypatch.setattr(document_dialog.QPrintDialog, "exec", lambda _self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(document_dialog, "paint_pdfs",
                        lambda _printer, pdfs, *_a: printed.append([p.name for p in pdfs]))
    click(qtbot, dialog, "打印…")
    assert printed == [["DB2026-000001-收件回执单-A4.pdf", "DB2026-000001-代办单-A4.pdf"]]
