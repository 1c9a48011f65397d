"""合并重复群众: two records found to be the same person are merged; both histories stay readable.

The director picks the record to keep and the duplicate with the same as-you-type finder the
registration form uses; the store moves visits and phones over and marks the duplicate merged.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from dutydesk.desk import Desk
from dutydesk.store.privacy import mask_value
from dutydesk.store.visits.resident_lookup import ResidentMatch
from dutydesk.store.visits.resident_merge import merge_residents
from dutydesk.ui.forms import button_row, push_button
from dutydesk.ui.visits.resident_lookup_box import ResidentLookupBox


class MergeResidentsDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle("合并重复群众记录")
        self.resize(640, 520)
        self.keep: ResidentMatch | None = None
        self.other: ResidentMatch | None = None
        layout = QVBoxLayout(self)
        hint = QLabel("同一人登记了两条记录时使用：来访记录和电话并入保留的记录，"
                      "被并入的记录保留在档案中并标记为已合并。")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        form = QFormLayout()
        layout.addLayout(form)
        self.keep_box = ResidentLookupBox()
        self.keep_box.edit.setAccessibleName("保留的记录")
        self.other_box = ResidentLookupBox()
        self.other_box.edit.setAccessibleName("并入的记录")
        self.keep_label = QLabel("未选择")
        self.keep_label.setAccessibleName("已选保留记录")
        self.other_label = QLabel("未选择")
        self.other_label.setAccessibleName("已选并入记录")
        form.addRow("保留的记录：", self.keep_box)
        form.addRow("", self.keep_label)
        form.addRow("并入的记录：", self.other_box)
        form.addRow("", self.other_label)
        self.keep_box.picked.connect(lambda m: self._pick("keep", m))
        self.other_box.picked.connect(lambda m: self._pick("other", m))
        self.message = QLabel("")
        self.message.setAccessibleName("合并结果")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.merge_button = push_button("合并", self.merge, primary=True)
        close = push_button("关闭", self.reject)
        for button in (self.merge_button, close):
            button.setAutoDefault(False)  # Enter picks a person in the finders, never merges
        layout.addLayout(button_row(self.merge_button, close, at_left=True))

    def _pick(self, which: str, match: ResidentMatch) -> None:
        r = match.resident
        phones = " / ".join(mask_value("phone", p) for p in match.phones)  # V09
        text = "　".join(x for x in (r.name, phones, r.masked_id, r.village_group) if x)
        if which == "keep":
            self.keep = match
            self.keep_label.setText(text)
        else:
            self.other = match
            self.other_label.setText(text)

    def merge(self) -> bool:
        if self.keep is None or self.other is None:
            self.message.setText("请分别选择保留的记录和并入的记录")
            return False
        try:
            merge_residents(self.keep.resident, self.other.resident, self.desk.who, self.desk.now())
        except ValueError as exc:
            self.message.setText(str(exc))
            return False
        self.message.setProperty("role", "")
        keep = self.keep.resident
        self.message.setText(f"已将 #{self.other.resident.id} 并入 #{keep.id}（{keep.name}）")
        self.other = None
        self.other_label.setText("未选择")
        self.other_box.clear()
        return True
