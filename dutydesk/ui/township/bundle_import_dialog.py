"""导入数据包 in the township window (issue 16 point 4): the clerk picks one or more folders (a
stick's root or hand-off folders); every bundle found is checked off the GUI thread and listed
(which village, which month, how many records, imported before or refused and why); a new
village's key fingerprint and a gap in a village's chain are shown and must be ticked as checked;
then the import runs off the GUI thread with progress, and what happened to each bundle is said.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QLabel,
    QListView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from dutydesk.store.faults import plain_message
from dutydesk.township.bundle_preview import NEW, REFUSED, BundlePreview, preview_bundles
from dutydesk.ui.background import run_with_progress
from dutydesk.ui.forms import button_row, message_label, push_button
from dutydesk.ui.record_list import read_only
from dutydesk.ui.theme import OVERDUE_RED

FolderChooser = Callable[[QWidget], list[Path]]
HEADERS = ("村（社区）", "区划代码", "月份", "记录数", "情况")


def choose_folders(parent: QWidget) -> list[Path]:
    """One or more folders (Ctrl/Shift-click several in the list)."""
    dialog = QFileDialog(parent, "选择U盘或数据包所在的文件夹（可多选）")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    for view in dialog.findChildren(QListView) + dialog.findChildren(QTreeView):
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return []
    return [Path(p) for p in dialog.selectedFiles()]


class BundleImportDialog(QDialog):
    """The bundles found, what each is, and the questions to confirm before 导入."""

    def __init__(self, previews: list[BundlePreview], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("导入数据包")
        self.previews = previews
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"找到 {len(previews)} 个数据包："))
        self.table = read_only(QTableWidget(len(previews), len(HEADERS)), "数据包列表")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setWordWrap(True)
        for row, p in enumerate(previews):
            state = p.label + (f"：{p.message}" if p.message else "")
            for column, text in enumerate((p.village or str(p.folder), p.code, p.period,
                                           str(p.records) if p.village else "", state)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table, 1)
        questions = [f"{p.village} {p.period}：{q}" for p in previews if p.state == NEW for q in p.questions]
        self.questions = message_label("须核对的事项")
        self.questions.setText("\n".join(f"{n}. {q}" for n, q in enumerate(questions, start=1)))
        self.questions.setStyleSheet(f"color: {OVERDUE_RED};")
        self.questions.setVisible(bool(questions))
        layout.addWidget(self.questions)
        self.checked = QCheckBox("以上指纹已与各村核对、缺少的数据包已知悉，确认导入")
        self.checked.setAccessibleName("确认已核对")
        self.checked.setVisible(bool(questions))
        layout.addWidget(self.checked)
        self.import_button = push_button("导入", self.accept, primary=True)
        self.import_button.setEnabled(any(p.state == NEW for p in previews))
        layout.addLayout(button_row(push_button("取消", self.reject), self.import_button))
        self.resize(760, 420)

    @property
    def confirmed(self) -> bool:
        """Whether the fingerprints and gaps shown were ticked as checked (else those bundles wait)."""
        return self.checked.isChecked()


def _fault(parent: QWidget, exc: Exception) -> None:
    message = plain_message(exc)
    if message is None:
        raise exc
    QMessageBox.warning(parent, "导入数据包", message)


def import_bundle_folders(parent: QWidget, books, paths: list[Path]) -> list | None:
    """Check, show, confirm and import the bundles below ``paths``; the outcomes (None: nothing done)."""
    from dutydesk.township.importing import REFUSED as REFUSED_OUTCOME
    from dutydesk.township.importing import import_bundles
    from dutydesk.township.township_backup import take_township_backup

    def check(report, cancelled) -> list[BundlePreview]:
        try:
            return preview_bundles(books, paths, report)
        finally:
            books.db.close()  # the worker thread's own connection (peewee keeps one per thread)

    try:
        previews = run_with_progress(parent, "正在检查数据包…", check)
    except Exception as exc:  # no bundle there, a folder gone: said in Chinese
        _fault(parent, exc)
        return None
    dialog = BundleImportDialog(previews, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    confirmed = dialog.confirmed

    def work(report, cancelled) -> list:
        try:
            if not books.url:
                take_township_backup(books, books.now(), "import")
            return import_bundles(books, paths, lambda _question: confirmed, report)
        finally:
            books.db.close()

    try:
        outcomes = run_with_progress(parent, "正在导入数据包…", work)
    except Exception as exc:  # full disk, a server gone: said in Chinese, nothing half-applied
        _fault(parent, exc)
        return None
    lines = [f"{o.label}：{o.village} {o.period}".strip() + (f"：{o.message}" if o.message else "")
             for o in outcomes]
    refused = any(o.outcome == REFUSED_OUTCOME for o in outcomes) or any(p.state == REFUSED for p in previews)
    box = QMessageBox.warning if refused else QMessageBox.information
    box(parent, "导入结果", "\n".join(lines))
    return outcomes
