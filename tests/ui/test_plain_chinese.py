"""Plain Chinese on every screen (issue 13): walk every tab and sub-page of the main window on demo
books, open record views, and read every label, button, list and table cell as a user would: no
internal code (in_progress, proxy, review…), no English status value, no rule ID (V04…)."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from dutydesk.commands.demo import fill_demo_folder
from dutydesk.desk import open_desk
from dutydesk.domain.clock import FixedClock
from dutydesk.store.accounts.account import Account
from dutydesk.store.datafolder import DataFolder
from dutydesk.store.notices.proxy_cases import ProxyCase
from dutydesk.store.search_index import SearchFilter, search
from dutydesk.store.visits.visit import Visit
from dutydesk.ui.archive.record import RecordDialog
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.notices.tab import NoticeTab
from dutydesk.ui.prefs import UiPrefs
from dutydesk.ui.visits.detail import VisitDetailDialog
from tests.conftest import DEFAULT_NOW
from tests.plain_text import offending


@pytest.fixture(scope="module")
def demo_books(tmp_path_factory):
    folder = DataFolder(tmp_path_factory.mktemp("plain") / "data")
    fill_demo_folder(folder, seed=3, days=21, scale=0.15, clock=FixedClock(DEFAULT_NOW))
    return folder


@pytest.fixture
def demo_desk(demo_books, tmp_path):
    folder = DataFolder(tmp_path / "data")
    shutil.copytree(demo_books.path, folder.path)
    desk = open_desk(folder, FixedClock(DEFAULT_NOW))
    desk.account = Account.get(Account.name == "管理员")
    yield desk
    desk.close()


def _model_texts(model: QAbstractItemModel, rows: int = 200) -> list[str]:
    out = []
    from PySide6.QtCore import QAbstractListModel, QModelIndex

    columns = 1 if isinstance(model, QAbstractListModel) else max(1, model.columnCount(QModelIndex()))
    for column in range(columns):
        out.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
    while model.canFetchMore(QModelIndex()) and model.rowCount(QModelIndex()) < rows:
        model.fetchMore(QModelIndex())
    for row in range(min(model.rowCount(QModelIndex()), rows)):
        for column in range(columns):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if value is not None:
                    out.append(str(value))
    return out


def visible_texts(root: QWidget) -> list[str]:
    """Everything a user can read in ``root``: labels, buttons, inputs, lists, tables, titles."""
    out = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        out.append(widget.toolTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            out.append(widget.text())
        elif isinstance(widget, QGroupBox):
            out.append(widget.title())
        elif isinstance(widget, QLineEdit):
            out += [widget.text(), widget.placeholderText()]
        elif isinstance(widget, QComboBox):
            out += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
            out.append(widget.toPlainText())
        elif isinstance(widget, QTabWidget):
            out += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            out += _model_texts(widget.model())
    return [t for t in out if t]


def walk_pages(window: MainWindow) -> list[str]:
    """Show every tab and every sub-page in turn, reading each."""
    texts = [a.text() for menu in window.menus.values() for a in menu.actions()]
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        QCoreApplication.processEvents()
        tab = window.tabs.widget(index)
        for pages in tab.findChildren(QTabWidget) + tab.findChildren(QStackedWidget):
            for page in range(pages.count()):
                pages.setCurrentIndex(page)
                QCoreApplication.processEvents()
                texts += visible_texts(tab)
        texts += visible_texts(tab)
    return texts + visible_texts(window)


def test_every_page_of_the_main_window_reads_in_plain_chinese(qtbot, app, demo_desk):
    window = MainWindow(demo_desk, UiPrefs(demo_desk.folder.ui_settings_path))
    qtbot.addWidget(window)
    window.show()
    archive = window.tabs.widget([window.tabs.tabText(i) for i in range(window.tabs.count())].index("档案查询"))
    archive.voided_box.setChecked(True)
    archive.run_search()  # every record of the demo books, as 档案查询 lists them
    texts = walk_pages(window)
    joined = "\n".join(texts)
    assert len(texts) > 500
    for seen in ("考勤统计", "代办跟踪", "办事指南目录", "代办事项", "已反馈", "办理中"):  # pages and results were read
        assert seen in joined, seen
    assert offending(texts) == []


def test_record_views_and_their_histories_read_in_plain_chinese(qtbot, app, demo_desk):
    texts: list[str] = []
    statuses_seen = set()
    for visit in Visit.select().order_by(Visit.id):
        if visit.status in statuses_seen and visit.voided_at is None:
            continue
        statuses_seen.add(visit.status)
        dialog = VisitDetailDialog(demo_desk, visit.id)
        qtbot.addWidget(dialog)
        texts += visible_texts(dialog)
    assert len(statuses_seen) >= 3
    kinds_seen: dict[tuple[str, bool], int] = {}
    for hit in search("", SearchFilter(include_voided=True), 0, 5000):
        if kinds_seen.get((hit.kind, hit.voided), 0) >= 6:
            continue
        kinds_seen[(hit.kind, hit.voided)] = kinds_seen.get((hit.kind, hit.voided), 0) + 1
        dialog = RecordDialog(demo_desk, hit)
        qtbot.addWidget(dialog)
        texts += visible_texts(dialog)
    assert {"visit", "proxy_case", "notice", "resident"} <= {kind for kind, _v in kinds_seen}
    assert "→" in "".join(texts)  # change histories were read
    assert offending(texts) == []


def test_the_proxy_case_page_reads_in_plain_chinese(qtbot, app, demo_desk):
    tab = NoticeTab(demo_desk)
    qtbot.addWidget(tab)
    tab.build()
    texts: list[str] = []
    for case in ProxyCase.select().order_by(ProxyCase.id).limit(15):
        assert tab.cases.open_slip(case.slip_no)
        texts += visible_texts(tab.cases)
    assert offending(texts) == []


def test_the_tools_dialogs_read_in_plain_chinese(qtbot, app, demo_desk):
    from dutydesk.ui.accounts_dialog import AccountsDialog
    from dutydesk.ui.archive.audit_viewer import AuditViewer
    from dutydesk.ui.archive.filing_dialog import FilingDialog
    from dutydesk.ui.archive.lookup_register_dialog import LookupRegisterDialog
    from dutydesk.ui.archive.retention_dialog import RetentionDialog
    from dutydesk.ui.archive.unmasked_export_dialog import UnmaskedExportDialog
    from dutydesk.ui.backup_dialog import BackupDialog
    from dutydesk.ui.duty.liability_settings import LiabilitySettingsDialog
    from dutydesk.ui.duty.settings_dialog import DutySettingsDialog
    from dutydesk.ui.ledger_export import HandoffDialog
    from dutydesk.ui.visits.calendar_settings import CalendarSettingsDialog
    from dutydesk.ui.visits.summary_dialog import VisitSummaryDialog

    dialogs = [cls(demo_desk) for cls in (
        DutySettingsDialog, LiabilitySettingsDialog, AccountsDialog, FilingDialog, RetentionDialog,
        LookupRegisterDialog, AuditViewer, BackupDialog, CalendarSettingsDialog, VisitSummaryDialog)]
    dialogs += [UnmaskedExportDialog(demo_desk, "来访接待登记台账"),
                HandoffDialog(demo_desk, UiPrefs(demo_desk.folder.ui_settings_path), drives=[])]
    texts: list[str] = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        texts += visible_texts(dialog)
    assert "审计记录" in texts and "来访记录" in "".join(texts)
    assert offending(texts) == []


def test_the_checker_catches_codes_rule_ids_and_blanks():
    assert offending(["状态：待处理 → in_progress", "请填写首问责任人（V02）", "电话：（请填写窗口电话）"]) != []
    assert len(offending(["状态：待处理 → in_progress", "请填写首问责任人（V02）", "电话：（请填写窗口电话）"])) == 3
    assert offending(["Ctrl+F 查找", "打印 A4/A5 PDF", "代办单 DB2026-000001"]) == []
