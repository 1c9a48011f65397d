"""The as-you-type finder at the top of the registration form.

Staff type a phone number, an ID, a name or pinyin initials (``zs`` for 张三); matching residents
appear at once under the field with their last visits and open matters. Up/Down move, Enter takes
one, Esc closes the list, all without leaving the keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from dutydesk.store.privacy import mask_value
from dutydesk.store.visits.resident_lookup import ResidentMatch, lookup
from dutydesk.ui.forms import normalise_typing


def describe(match: ResidentMatch) -> str:
    """One entry of the list: who, how to reach them, their last visits and what is still open."""
    r = match.resident
    phones = " / ".join(mask_value("phone", p) for p in match.phones[:2])  # masked for everyone (V09)
    head = "　".join(x for x in (r.name, phones, r.masked_id, r.village_group) if x)
    if r.tag_list:
        head += "　〔" + "、".join(r.tag_list) + "〕"
    lines = [head]
    if match.last_visits:
        last = "；".join(f"{v.received_at:%m-%d} {v.category}（{v.status_label}）" for v in match.last_visits)
        lines.append(f"最近来访：{last}")
    else:
        lines.append("无来访记录")
    if match.open_count:
        lines[-1] += f"　｜　未办结 {match.open_count} 件"
    return "\n".join(lines)


class ResidentLookupBox(QWidget):
    """A line edit with the list of matching residents below it."""

    picked = Signal(object)  # ResidentMatch

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        # Never take the form's spare height: the list grows only as far as its matches need.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("输入电话、身份证号、姓名或拼音首字母（如 zs），回车选中")
        self.edit.setAccessibleName("查找群众")
        normalise_typing(self.edit)  # V09: ０５７１ and 0571 find the same people
        self.edit.setClearButtonEnabled(True)
        layout.addWidget(self.edit)
        self.results = QListWidget()
        self.results.setAccessibleName("匹配群众")
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setMaximumHeight(230)
        self.results.setWordWrap(True)
        self.results.hide()
        layout.addWidget(self.results)
        self.none_label = QLabel("没有找到，可直接填写下方信息登记新群众")
        self.none_label.setProperty("role", "hint")
        self.none_label.hide()
        layout.addWidget(self.none_label)
        self.matches: list[ResidentMatch] = []
        self.edit.textChanged.connect(self.search)
        self.edit.installEventFilter(self)
        self.results.itemActivated.connect(lambda _item: self.take_current())
        self.results.itemClicked.connect(lambda _item: self.take_current())

    def search(self, text: str) -> None:
        self.matches = lookup(text) if len(text.strip()) >= 1 else []
        self.results.clear()
        for match in self.matches:
            item = QListWidgetItem(describe(match))
            self.results.addItem(item)
        self.results.setVisible(bool(self.matches))
        self.none_label.setVisible(bool(text.strip()) and not self.matches)
        if self.matches:
            self.results.setCurrentRow(0)

    def take_current(self) -> None:
        row = self.results.currentRow()
        if not self.matches or row < 0:
            return
        match = self.matches[row]
        self.close_list()
        self.picked.emit(match)

    def close_list(self) -> None:
        self.results.hide()
        self.none_label.hide()

    def clear(self) -> None:
        self.edit.blockSignals(True)
        self.edit.clear()
        self.edit.blockSignals(False)
        self.matches = []
        self.results.clear()
        self.close_list()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if not self.results.isHidden():
                if key == Qt.Key.Key_Down:
                    self.results.setCurrentRow(min(self.results.currentRow() + 1, self.results.count() - 1))
                    return True
                if key == Qt.Key.Key_Up:
                    self.results.setCurrentRow(max(self.results.currentRow() - 1, 0))
                    return True
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.take_current()
                    return True
                if key == Qt.Key.Key_Escape:
                    self.close_list()
                    return True
        return super().eventFilter(watched, event)
