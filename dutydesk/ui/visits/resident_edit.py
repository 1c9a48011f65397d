"""群众信息: correct a resident's particulars and tags (低保户, 残疾人 …); each change is audited and
phones are only ever added (a number that was used stays in the record's history).

The ID number, phones, address and note show their numbers masked to everyone (V09): typing a
new ID replaces the masked one, numbers left masked in the note are kept as stored. A director
may press 显示完整号码, which is logged."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.store.privacy import mask_value
from dutydesk.store.visits.residents import (
    TAGS,
    DuplicateResident,
    Resident,
    ResidentData,
    ResidentInvalid,
    update_resident,
)
from dutydesk.ui.forms import FormField, add_field, push_button, show_errors
from dutydesk.ui.masked_edit import MaskedLineEdit
from dutydesk.ui.page_layout import add_pair, fill, page_with_actions
from dutydesk.ui.reveal import reveal_button
from dutydesk.ui.screen_fit import scrolling


class ResidentEditDialog(QDialog):
    def __init__(self, desk: Desk, resident: Resident, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.resident = resident
        self.setWindowTitle(f"群众信息：{resident.name}")
        body = QWidget()
        layout = QVBoxLayout(body)
        form = QFormLayout()
        form.setVerticalSpacing(4)  # a few pixels a row: the whole form shows on a laptop at 字号 特大
        layout.addLayout(form)
        gender = QComboBox()
        gender.addItems(["", "男", "女"])
        gender.setCurrentText(resident.gender or "")
        self.fields = {
            "name": add_field(form, FormField("姓名", QLineEdit(resident.name))),
            "id_number": add_field(form, FormField("身份证号", MaskedLineEdit("id_number", resident.id_number or ""),
                                                   "已隐去部分数字；如需更正，直接输入新的号码")),
        }
        # Two short fields on one row: the dialog shows whole on a laptop at 字号 特大.
        self.fields["gender"], self.fields["village_group"] = add_pair(
            form, FormField("性别", gender, "填写身份证号后按号码自动确定"),
            FormField("村民小组", QLineEdit(resident.village_group)))
        self.fields |= {
            "phones": add_field(form, FormField("新增电话", QLineEdit(), self._phones_hint(full=False))),
            "address": add_field(form, FormField("住址", MaskedLineEdit("text", resident.address))),
            "note": add_field(form, FormField("备注", MaskedLineEdit("text", resident.note))),
            "reason": add_field(form, FormField("更正原因", QLineEdit())),
        }
        tag_list = QWidget()
        tags = QGridLayout(tag_list)
        tags.setContentsMargins(0, 0, 0, 0)
        self.tag_boxes: dict[str, QCheckBox] = {}
        for i, tag in enumerate(TAGS):
            box = QCheckBox(tag)
            box.setAccessibleName(tag)
            box.setChecked(tag in resident.tag_list)
            tags.addWidget(box, i // 4, i % 4)
            self.tag_boxes[tag] = box
        self.extra_tags = [t for t in resident.tag_list if t not in TAGS]
        # 标签 beside its tick boxes (a row less), which scroll as a list's rows do at 字号 特大.
        tag_row = QHBoxLayout()
        tag_row.addWidget(QLabel("标签："), 0, Qt.AlignmentFlag.AlignTop)
        tag_row.addWidget(scrolling(tag_list), 1)
        layout.addLayout(tag_row, 1)
        save = push_button("保存", self.save, primary=True)
        cancel = push_button("取消", self.reject)
        buttons = [save, cancel]
        reveal = reveal_button(desk, lambda: f"群众信息：{resident.name}（群众编号{resident.id}）", self.reveal)
        if reveal is not None:
            buttons.append(reveal)
        for button in buttons:
            button.setAutoDefault(False)
        # At 字号 特大 on a laptop the form scrolls; 保存/取消 stay on the screen.
        fill(self, page_with_actions(body, *buttons, natural=True))

    def _phones_hint(self, full: bool) -> str:
        phones = self.resident.phones()
        shown = phones if full else [mask_value("phone", p) for p in phones]
        return "已有：" + ("、".join(shown) or "无")

    def reveal(self) -> None:
        """After the logged reveal: the numbers in full, still saved only if changed."""
        for name in ("id_number", "address", "note"):
            self.fields[name].editor.reveal()
        for label in self.fields["phones"].findChildren(QLabel):
            if label.property("role") == "hint":
                label.setText(self._phones_hint(full=True))

    def _text(self, name: str) -> str:
        editor = self.fields[name].editor
        if isinstance(editor, MaskedLineEdit):
            return editor.value()
        return editor.currentText() if isinstance(editor, QComboBox) else editor.text()

    def save(self) -> bool:
        data = ResidentData(
            name=self._text("name"), id_number=self._text("id_number"),
            phones=[p for p in self._text("phones").replace("，", ",").split(",") if p.strip()],
            gender=self._text("gender"), village_group=self._text("village_group"),
            address=self._text("address"), note=self._text("note"),
            tags=[t for t, box in self.tag_boxes.items() if box.isChecked()] + self.extra_tags,
        )
        try:
            update_resident(self.resident, data, self.desk.who, self.desk.now(), self._text("reason"))
        except ResidentInvalid as exc:
            show_errors(self.fields, exc.errors)
            return False
        except DuplicateResident as exc:
            show_errors(self.fields, {"id_number": str(exc)})
            return False
        self.accept()
        return True
