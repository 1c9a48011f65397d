"""The read-only record list dialog the audit trail and the lookup register are built on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QPushButton, QTableView

from dutydesk.ui.record_list import RecordListDialog
from tests.ui.helpers import by_name

NUMBERS = list(range(1, 451))


class NumberList(RecordListDialog):
    """Numbers 1-450, filtered to odd or even ones."""

    def __init__(self, desk) -> None:
        super().__init__(desk, "数字", 600, 400)
        self.fetched: list[tuple[int, int]] = []
        self.exported = 0
        self.parity = QComboBox()
        self.parity.addItems(["全部", "奇数"])
        self.add_filter("范围", self.parity)
        self.show_records("数字列表", ["数字"], lambda n, _c: str(n), actions=[("导出", self.export)],
                          note="只读。")

    def fetch(self, offset: int, limit: int) -> list[int]:
        self.fetched.append((offset, limit))
        rows = NUMBERS if self.parity.currentIndex() == 0 else [n for n in NUMBERS if n % 2]
        return rows[offset:offset + limit]

    def export(self) -> None:
        self.exported += 1


def test_record_list_reads_lazily_filters_and_offers_actions(app, qtbot, desk):
    dialog = NumberList(desk)
    qtbot.addWidget(dialog)
    view = by_name(dialog, "数字列表", QTableView)
    assert dialog.windowTitle() == "数字" and view.model().rowCount() == 200  # one page read, not 450
    assert view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert view.verticalHeader().isHidden()
    assert by_name(dialog, "范围", QComboBox) is dialog.parity
    assert any(label.text() == "只读。" for label in dialog.findChildren(QLabel))
    dialog.parity.setCurrentIndex(1)
    qtbot.mouseClick(by_name(dialog, "筛选", QPushButton), Qt.MouseButton.LeftButton)
    assert view.model().index(1, 0).data() == "3"
    qtbot.mouseClick(by_name(dialog, "导出", QPushButton), Qt.MouseButton.LeftButton)
    assert dialog.exported == 1
