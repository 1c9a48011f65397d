"""导出 → 导出到U盘…: pick a USB stick (or any folder), a month and the ledgers, and hand them off.

The hand-off itself (``reports.handoff``) runs in a QThread behind a progress dialog whose 取消
stops it with nothing left on the stick. The dialog remembers which ledgers and formats were
chosen last time, per data folder, because the township asks for the same set every month.
Phones and ID numbers stay masked unless the clerk ticks 导出完整电话和身份证号 and a director
approves with a reason (V09); that tick is never remembered, so it is a deliberate act each time.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from dutydesk.collector import CollectorPause
from dutydesk.desk import Desk
from dutydesk.store.base import database
from dutydesk.store.datafolder import DeskError
from dutydesk.store.faults import plain_message
from dutydesk.ui.forms import button_row, message_label, push_button
from dutydesk.ui.menu_context import MenuContext
from dutydesk.ui.prefs import UiPrefs
from dutydesk.ui.screen_fit import scrolling, wide_enough_for_two_columns
from dutydesk.ui.theme import OK_GREEN, OVERDUE_RED

if TYPE_CHECKING:  # the ledgers are imported when the dialog opens, not with this module (issue 17)
    from dutydesk.reports.handoff import Drive, HandoffResult
    from dutydesk.reports.ledgers import Period
    from dutydesk.store.privacy import ExportGrant

FORMATS = {"xlsx": "Excel（xlsx）", "pdf": "PDF"}
UNMASKED_LABEL = "导出完整电话和身份证号（须主任批准）"
PREF_LEDGERS = "handoff/ledgers"
PREF_FORMATS = "handoff/formats"
PREF_FOLDER = "handoff/folder"


class HandoffThread(QThread):
    """Runs ``hand_off`` off the GUI thread; ``cancel()`` makes it stop at the next block."""

    progress = Signal(int, str)

    def __init__(self, desk: Desk, root: Path, period: Period, choices: list[tuple[str, str]],
                 grant: ExportGrant | None = None) -> None:
        super().__init__()
        self.desk, self.root, self.period, self.choices, self.grant = desk, root, period, choices, grant
        self.result: HandoffResult | None = None
        self.error: BaseException | None = None
        self._cancel = False
        self._collector = CollectorPause()
        self.finished.connect(self._resume_collector)

    def cancel(self) -> None:
        self._cancel = True

    def start(self, *args) -> None:
        """Start with the collector paused until the thread ends (as ``run_with_progress``)."""
        self._collector.pause()
        super().start(*args)

    def _resume_collector(self) -> None:  # in the GUI thread, before the dialog hears ``finished``
        self._collector.resume()

    def run(self) -> None:
        from dutydesk.reports import handoff

        try:
            self.result = handoff.hand_off(self.desk, self.root, self.period, self.choices,
                                           report=self.progress.emit, cancelled=lambda: self._cancel,
                                           grant=self.grant)
        except BaseException as exc:  # shown by the dialog in the GUI thread
            self.error = exc
        finally:
            # peewee keeps one connection per thread: close this worker's own, not the GUI's.
            if database.obj is not None and not database.is_closed():
                database.close()


def _split(value: object) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [v for v in str(value or "").split(",") if v]


class HandoffDialog(QDialog):
    def __init__(self, desk: Desk, prefs: UiPrefs, parent: QWidget | None = None,
                 drives: list[Drive] | None = None) -> None:
        from dutydesk.reports.handoff import proposed_period
        from dutydesk.reports.ledgers import LEDGERS

        super().__init__(parent)
        self.desk = desk
        self.prefs = prefs
        self.thread: HandoffThread | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.result: HandoffResult | None = None
        self.setWindowTitle("导出到U盘")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)

        intro = QLabel("把台账导出到U盘交给镇（街道）。导出后会逐个文件读回校验，并附SHA-256校验清单。")
        intro.setWordWrap(True)
        layout.addWidget(intro)

        drive_box = QGroupBox("U盘")
        drive_layout = QVBoxLayout(drive_box)
        self.drive_list = QListWidget()
        self.drive_list.setAccessibleName("U盘列表")
        self.drive_list.setMaximumHeight(96)
        self.drive_list.currentItemChanged.connect(self._drive_chosen)
        drive_layout.addWidget(self.drive_list)
        self.refresh_button = push_button("刷新", lambda: self.refresh_drives())
        self.browse_button = push_button("选择文件夹…", self._browse)
        drive_layout.addLayout(button_row(self.refresh_button, self.browse_button, at_left=True))

        form = QFormLayout()
        self.target = QLineEdit(str(prefs.get(PREF_FOLDER, "") or ""))
        self.target.setAccessibleName("导出位置")
        self.target.setPlaceholderText("选择上面的U盘，或点“选择文件夹…”")
        form.addRow("导出位置：", self.target)
        self.month = QDateEdit()
        self.month.setAccessibleName("月份")
        self.month.setDisplayFormat("yyyy年MM月")
        self.month.setCalendarPopup(False)
        proposed = proposed_period(desk.today())
        self.month.setDate(QDate(proposed.start.year, proposed.start.month, 1))
        form.addRow("月份：", self.month)

        remembered = set(_split(prefs.get(PREF_LEDGERS, ",".join(LEDGERS))))
        ledger_box = QGroupBox("台账")
        # The list grows with every new ledger: it scrolls, so 导出 and 关闭 stay on a small screen.
        ledger_list = QWidget()
        ledger_layout = QVBoxLayout(ledger_list)
        ledger_layout.setContentsMargins(0, 0, 0, 0)
        self.ledger_boxes: dict[str, QCheckBox] = {}
        for key, spec in LEDGERS.items():
            box = QCheckBox(spec.name)
            box.setAccessibleName(spec.name)
            box.setChecked(key in remembered)
            ledger_layout.addWidget(box)
            self.ledger_boxes[key] = box
        ledger_layout.addStretch(1)
        self.ledger_list = scrolling(ledger_list, min_height=3 * box.sizeHint().height())
        self.ledger_list.setAccessibleName("台账列表")
        QVBoxLayout(ledger_box).addWidget(self.ledger_list)
        if wide_enough_for_two_columns(self):  # where to export beside what to export
            where = QVBoxLayout()
            where.addWidget(drive_box)
            where.addLayout(form)
            where.addStretch(1)
            both = QHBoxLayout()
            both.addLayout(where, 1)
            both.addWidget(ledger_box, 1)
            layout.addLayout(both, 1)
            self.setMinimumWidth(820)
        else:
            layout.addWidget(drive_box)
            layout.addLayout(form)
            layout.addWidget(ledger_box, 1)

        remembered_formats = set(_split(prefs.get(PREF_FORMATS, "xlsx,pdf")))
        format_row = QHBoxLayout()
        format_row.addWidget(QLabel("格式："))
        self.format_boxes: dict[str, QCheckBox] = {}
        for key, label in FORMATS.items():
            box = QCheckBox(label)
            box.setAccessibleName(label)
            box.setChecked(key in remembered_formats)
            format_row.addWidget(box)
            self.format_boxes[key] = box
        format_row.addStretch(1)
        layout.addLayout(format_row)

        self.unmasked = QCheckBox(UNMASKED_LABEL)
        self.unmasked.setAccessibleName(UNMASKED_LABEL)
        self.unmasked.setToolTip("默认隐去电话和身份证号的中间数字。勾选后须填写原因并经主任批准，系统会登记本次导出。")
        layout.addWidget(self.unmasked)

        self.message = message_label("导出提示")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)

        self.export_button = push_button("导出", self.start, primary=True)
        self.export_button.setDefault(True)
        layout.addLayout(button_row(self.export_button, push_button("关闭", self.reject)))
        self.refresh_drives(drives)
        self.resize(self.sizeHint())  # the whole list if the screen has room (clamped to it when shown)

    # -- drives -------------------------------------------------------------------------------
    def refresh_drives(self, drives: list[Drive] | None = None) -> None:
        from dutydesk.reports.handoff import removable_drives

        drives = removable_drives() if drives is None else drives
        self.drive_list.clear()
        for drive in drives:
            item = QListWidgetItem(drive.title)
            item.setData(Qt.ItemDataRole.UserRole, str(drive.path))
            self.drive_list.addItem(item)
        if not drives:
            item = QListWidgetItem("未发现U盘。请插入U盘后点“刷新”，或点“选择文件夹…”导出到其他位置。")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.drive_list.addItem(item)
        elif len(drives) == 1:
            self.drive_list.setCurrentRow(0)

    def _drive_chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            self.target.setText(item.data(Qt.ItemDataRole.UserRole))

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "选择导出文件夹", self.target.text())
        if folder:
            self.target.setText(folder)

    # -- export -------------------------------------------------------------------------------
    def choices(self) -> list[tuple[str, str]]:
        formats = [k for k, box in self.format_boxes.items() if box.isChecked()]
        return [(key, fmt) for key, box in self.ledger_boxes.items() if box.isChecked() for fmt in formats]

    def period(self) -> Period:
        from dutydesk.reports.ledgers import Period

        date = self.month.date()
        return Period.month(date.year(), date.month())

    def show_message(self, text: str, ok: bool) -> None:
        self.message.setStyleSheet(f"color: {OK_GREEN if ok else OVERDUE_RED};")
        self.message.setText(text)

    def start(self) -> None:
        from dutydesk.reports.ledgers import LEDGERS
        from dutydesk.ui.archive.unmasked_export_dialog import ask_unmasked_export

        target = self.target.text().strip()
        if not target:
            self.show_message("请选择U盘或导出文件夹", False)
            return
        if not any(b.isChecked() for b in self.ledger_boxes.values()):
            self.show_message("请至少选择一种台账", False)
            return
        if not any(b.isChecked() for b in self.format_boxes.values()):
            self.show_message("请至少选择一种格式（Excel 或 PDF）", False)
            return
        self.prefs.set(PREF_LEDGERS, ",".join(k for k, b in self.ledger_boxes.items() if b.isChecked()))
        self.prefs.set(PREF_FORMATS, ",".join(k for k, b in self.format_boxes.items() if b.isChecked()))
        self.prefs.set(PREF_FOLDER, target)
        grant: ExportGrant | None = None
        personal = [LEDGERS[key].name for key, box in self.ledger_boxes.items()
                    if box.isChecked() and LEDGERS[key].personal]
        if self.unmasked.isChecked() and personal:
            grant = ask_unmasked_export(self.desk, f"导出到U盘：{'、'.join(personal)}（{self.period().text}）", self)
            if grant is None:
                self.show_message("未经主任批准，没有导出。取消勾选“导出完整电话和身份证号”即可按隐去号码导出。", False)
                return
        self.show_message("", True)
        self.export_button.setEnabled(False)
        self.thread = HandoffThread(self.desk, Path(target), self.period(), self.choices(), grant)
        dialog = QProgressDialog("正在准备…", "取消", 0, 100, self)
        dialog.setWindowTitle("导出到U盘")
        dialog.setAccessibleName("导出进度")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._cancel)
        self.progress_dialog = dialog
        self.thread.progress.connect(self._progress)
        self.thread.finished.connect(self._finished)
        self.thread.start()
        dialog.show()

    @property
    def busy(self) -> bool:
        return self.thread is not None

    def _progress(self, percent: int, text: str) -> None:
        dialog = self.progress_dialog  # setValue may process events, finishing and clearing it
        if dialog is not None and not dialog.wasCanceled():
            dialog.setLabelText(text)
            dialog.setValue(percent)

    def _cancel(self) -> None:
        if self.thread is not None:
            self.thread.cancel()
            if self.progress_dialog is not None:
                self.progress_dialog.setLabelText("正在取消…")

    def _finished(self) -> None:
        thread, self.thread = self.thread, None
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog = None
        self.export_button.setEnabled(True)
        if thread is None:
            return
        from dutydesk.reports.ledger import ExportCancelled

        error = thread.error
        if isinstance(error, ExportCancelled):
            self.show_message("已取消导出，U盘上没有留下文件。", False)
        elif isinstance(error, DeskError):
            self.show_message(str(error), False)
        elif error is not None:  # a full or read-only disk in plain words; a bug by its name
            self.show_message(plain_message(error) or f"导出失败：{type(error).__name__}: {error}", False)
        elif thread.result is not None:
            self.result = thread.result
            count = len(thread.result.files)
            bundle = ("另附交镇（街道）的数据包（已签名）。" if thread.result.bundle else
                      "未附数据包：请先在“工具 → 服务中心信息”中填写统计用区划代码。")
            self.show_message(f"已导出{count}个文件到 {thread.result.folder}，已逐个读回校验，与清单一致。"
                              f"{bundle}可以安全拔出U盘。", True)

    def reject(self) -> None:
        if self.thread is not None:  # closing while writing: cancel and wait so nothing is half-written
            self.thread.cancel()
            self.thread.wait()
            self._finished()
        super().reject()


def open_handoff(context: MenuContext) -> None:
    HandoffDialog(context.desk, context.prefs, context.window).exec()
