"""工具 → 网格走访设置 (directors): the quotas, diary deadlines, key-person tags and the household
code prefix, each with the regulation's default, changed from a day on."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.domain.grid import diary_deadline, key_persons, quota
from dutydesk.domain.grid.key_persons import split_tags
from dutydesk.store.grid import grid_settings
from dutydesk.ui.forms import FormField, add_field, button_row, date_edit, push_button, show_errors
from dutydesk.ui.menu_context import MenuContext

_TAGS = (key_persons.KEY_PERSON_TAGS.key, key_persons.DIFFICULTY_TAGS.key)


def _editor(key: str, value: Any) -> QWidget:
    if key == diary_deadline.DAY_KIND.key:
        box = QComboBox()
        for kind, label in diary_deadline.DAY_KINDS.items():
            box.addItem(label, kind)
        box.setCurrentIndex(max(0, box.findData(value)))
        return box
    if key == quota.COMMUNITY_WORKDAY_SHARE.key:
        return QLineEdit(f"{value[0]}/{value[1]}")
    if key in _TAGS:
        return QLineEdit("、".join(value))
    if isinstance(value, bool):
        check = QCheckBox()
        check.setChecked(value)
        return check
    if isinstance(value, float):
        spin = QDoubleSpinBox()
        spin.setRange(0.0, 1.0)
        spin.setSingleStep(0.05)
        spin.setValue(value)
        return spin
    if isinstance(value, int):
        spin = QSpinBox()
        spin.setRange(0, 999)
        spin.setValue(value)
        return spin
    return QLineEdit(str(value))


def _value(key: str, editor: QWidget) -> Any:
    if isinstance(editor, QComboBox):
        return editor.currentData()
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, (QSpinBox, QDoubleSpinBox)):
        return editor.value()
    text = editor.text().strip()
    if key == quota.COMMUNITY_WORKDAY_SHARE.key:
        parts = text.replace("／", "/").split("/")
        try:
            return [int(p) for p in parts]
        except ValueError:
            return []
    if key in _TAGS:
        return split_tags(text)
    return text.upper()


class GridSettingsDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle("网格走访设置")
        self.resize(820, 640)  # wide enough for the longest rule beside its field at 字号 特大
        values = grid_settings.current(desk.today())
        holder = QWidget()
        form = QFormLayout(holder)
        # A long rule label puts its field on the next line rather than the dialog scrolling sideways.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.editors: dict[str, QWidget] = {}
        self.fields: dict[str, FormField] = {}
        for setting in grid_settings.SETTINGS:
            editor = _editor(setting.key, values[setting.key])
            self.editors[setting.key] = editor
            self.fields[setting.key] = add_field(form, FormField(setting.label, editor))
        self.since = date_edit(desk.today())
        self.fields["since"] = add_field(form, FormField("生效日期", self.since))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addLayout(button_row(push_button("取消", self.reject), push_button("保存", self.save, primary=True)))
        self.changed_count = 0

    def values(self) -> dict[str, Any]:
        return {key: _value(key, editor) for key, editor in self.editors.items()}

    def save(self) -> bool:
        try:
            self.changed_count = grid_settings.save(self.values(), self.since.date().toPython(), self.desk.who,
                                                    self.desk.now())
        except grid_settings.GridSettingsInvalid as exc:
            show_errors(self.fields, exc.errors)
            return False
        self.accept()
        return True


def open_grid_settings(context: MenuContext) -> bool:
    desk, window = context.desk, context.window
    if not (desk.account and desk.account.is_director):
        QMessageBox.warning(window, "网格走访设置", "只有主任或书记可以修改网格走访设置。")
        return False
    dialog = GridSettingsDialog(desk, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    context.changed("grid")
    return True
