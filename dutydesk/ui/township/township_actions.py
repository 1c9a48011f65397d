"""What the township clerk does in the window besides reading (issue 16 points 4, 5 and 7), on the
township's open books: the 数据包 menu (导入数据包 Ctrl+I, 写出下发数据包 Ctrl+P) and, under the
报送情况 grid, 退回 (a reason required) and 审核通过 for the village-month selected there.
Every write goes through the store (``month_review.decide``, ``package_log.write_next_package``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget

from dutydesk.store.faults import plain_message
from dutydesk.township.village_month import APPROVED, RETURNED
from dutydesk.ui.forms import button_row, message_label, push_button
from dutydesk.ui.theme import OK_GREEN, OVERDUE_RED
from dutydesk.ui.township.bundle_import_dialog import FolderChooser, choose_folders, import_bundle_folders

IMPORT_SHORTCUT, PACKAGE_SHORTCUT = "Ctrl+I", "Ctrl+P"
OutChooser = Callable[[QWidget], str]
ReasonAsker = Callable[[QWidget, str, Callable[[str], object]], bool]


def choose_out_folder(parent: QWidget) -> str:
    return QFileDialog.getExistingDirectory(parent, "选择写出下发数据包的文件夹（如U盘）")


def ask_return_reason(parent: QWidget, title: str, write: Callable[[str], object]) -> bool:
    """退回原因 (several lines); 确定 writes it, a refusal shows beside the field."""
    from dutydesk.ui.grid.diary_page import StepDialog

    def checked(text: str) -> object:
        try:
            return write(text)
        except RuntimeError as exc:  # DeskError: no reason, already decided
            raise ValueError(str(exc)) from None

    return StepDialog(title, "退回原因", True, checked, parent).exec() == StepDialog.DialogCode.Accepted


class TownshipActions:
    """The window's actions on ``books`` (the open ``Township``); the choosers are replaceable in tests."""

    def __init__(self, window: QMainWindow, books, choose_in: FolderChooser = choose_folders,
                 choose_out: OutChooser = choose_out_folder, ask_reason: ReasonAsker = ask_return_reason) -> None:
        self.window, self.books = window, books
        self.choose_in, self.choose_out, self.ask_reason = choose_in, choose_out, ask_reason
        self._build_menu()
        self._build_review()

    def _build_menu(self) -> None:
        menu = self.window.menuBar().addMenu("数据包(&B)")
        self.import_action = QAction("导入数据包…", self.window)
        self.import_action.setShortcut(QKeySequence(IMPORT_SHORTCUT))
        self.import_action.triggered.connect(self.import_bundles)
        self.package_action = QAction("写出下发数据包…", self.window)
        self.package_action.setShortcut(QKeySequence(PACKAGE_SHORTCUT))
        self.package_action.triggered.connect(self.write_package)
        menu.addAction(self.import_action)
        menu.addAction(self.package_action)
        bar = self.window.addToolBar("数据包")
        bar.setObjectName("township_toolbar")
        for action in (self.import_action, self.package_action):  # the shortcut shown on the button
            text = f"{action.text().rstrip('…')}（{action.shortcut().toString()}）"
            action.setToolTip(text)
            bar.addWidget(push_button(text, action.trigger))
        self.message = message_label("数据包消息")
        self.window.statusBar().addWidget(self.message, 1)

    def _build_review(self) -> None:
        page = self.window.submissions
        self.return_button = push_button("退回…", self.return_month)
        self.approve_button = push_button("审核通过", self.approve_month, primary=True)
        self.review_message = message_label("审核消息")
        page.layout().addWidget(self.review_message)
        page.layout().addLayout(button_row(self.return_button, self.approve_button))

    def refresh(self) -> None:
        self.window.submissions.refresh()
        self.window.summary.refresh()

    # -- 数据包 ------------------------------------------------------------------------------

    def import_bundles(self) -> list | None:
        paths = self.choose_in(self.window)
        if not paths:
            return None
        outcomes = import_bundle_folders(self.window, self.books, paths)
        if outcomes is not None:
            self.refresh()
        return outcomes

    def write_package(self) -> Path | None:
        from dutydesk.township.package import DECISIONS, PROXY_RESULTS
        from dutydesk.township.package_log import write_next_package

        chosen = self.choose_out(self.window)
        if not chosen:
            return None
        try:
            written = write_next_package(self.books, Path(chosen))
        except Exception as exc:  # a folder gone, a full stick: said in Chinese
            message = plain_message(exc)
            if message is None:
                raise
            self._say(self.message, f"写出失败：{message}", OVERDUE_RED)
            return None
        self._say(self.message, f"已写出下发数据包：{written.folder}（审核结果 {written.rows[DECISIONS]} 条，"
                                f"代办结果 {written.rows[PROXY_RESULTS]} 条）", OK_GREEN)
        return written.folder

    # -- 退回 / 审核通过 ------------------------------------------------------------------------

    def selected(self) -> tuple[str, str, str] | None:
        """(code, village name, YYYY-MM) of the cell selected on 报送情况, else None."""
        page = self.window.submissions
        row, column = page.grid.currentRow(), page.grid.currentColumn()
        if row < 0 or column < 1 or row >= len(page.codes):
            return None
        return page.codes[row], page.grid.item(row, 0).text(), page.shown[column - 1].slug

    def _decide(self, decision: str, reason: str = "") -> None:
        from dutydesk.township.month_review import DECISIONS, decide

        code, name, period = self.selected()
        decide(code, period, decision, reason, self.books.who, self.books.now())
        self.refresh()
        self._say(self.review_message, f"{name} {period}：{DECISIONS[decision]}", OK_GREEN)

    def return_month(self) -> bool:
        chosen = self.selected()
        if chosen is None:
            self._say(self.review_message, "请先在报送情况表中选中某村某月", OVERDUE_RED)
            return False
        return self.ask_reason(self.window, f"退回{chosen[1]} {chosen[2]}",
                               lambda reason: self._decide(RETURNED, reason))

    def approve_month(self) -> bool:
        if self.selected() is None:
            self._say(self.review_message, "请先在报送情况表中选中某村某月", OVERDUE_RED)
            return False
        try:
            self._decide(APPROVED)
        except RuntimeError as exc:  # DeskError: not handed in, already approved
            self._say(self.review_message, str(exc), OVERDUE_RED)
            return False
        return True

    @staticmethod
    def _say(label, text: str, colour: str) -> None:
        label.setText(text)
        label.setStyleSheet(f"color: {colour};")

