"""The service catalogue for directors: edit items (each save is a new version), export, import.

Operators see the catalogue read-only. An import first shows what is new, changed and retired
and changes nothing until the director confirms; a malformed file is refused with its reason.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.domain.catalogue import FORMS, KINDS, CatalogueDiff, CatalogueError, ServiceItem, describe_diff
from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.placeholders import unfilled
from dutydesk.store.center import load_center
from dutydesk.store.faults import plain_message
from dutydesk.store.notices import catalogue
from dutydesk.store.notices.catalogue import CatalogueVersion
from dutydesk.ui.forms import FormField, add_field, message_label, push_button, show_errors
from dutydesk.ui.lazy_tabs import StagedBuild
from dutydesk.ui.notices.item_list import fill_item_list, version_of
from dutydesk.ui.panes import pane, side_by_side

VERIFICATION = ("不需要", "需调查核实", "需调查核实和现场勘查")  # the item's two flags
MATERIAL_HINT = "每行一项：材料名称｜原件或复印件｜份数｜备注"
LABELS = {  # an item's field: its label and hint, in the form's order
    "code": ("事项编号", ""), "name": ("事项名称", ""), "kind": ("类别", ""), "category": ("分类", ""),
    "conditions": ("办理条件", "每行一条"), "materials": ("所需材料", MATERIAL_HINT),
    "steps": ("办理流程", "每行一步"), "time_limit_days": ("承诺时限（工作日）", "留空表示即办"),
    "fee_amount": ("法定收费（元）", "不收费填0"), "fee_basis": ("收费依据", "收费时必填"),
    "basis": ("办理依据", ""), "unit_name": ("办理单位", ""), "unit_address": ("单位地址", ""),
    "unit_phone": ("单位电话", ""), "public_notice_days": ("公示天数", "不需公示填0"),
    "notes": ("注意事项", ""), "verification": ("调查核实", "需要时，代办送交上级前须指定调查人核实"),
    "note": ("修改说明", "说明这次为什么修改"),
}
EDITORS = tuple(LABELS)
PLAIN_TEXT = {"conditions", "materials", "steps", "basis", "notes"}  # the multi-line fields


def materials_text(item: ServiceItem) -> str:
    return "\n".join(f"{m.name}｜{m.form}｜{m.copies}｜{m.note}".rstrip("｜") for m in item.materials)


def parse_materials(text: str) -> list[dict]:
    materials = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.replace("|", "｜").split("｜")]
        name = parts[0]
        form = parts[1] if len(parts) > 1 and parts[1] else "复印件"
        if form not in FORMS:
            raise CatalogueError(f"第{number}行：应写“原件”或“复印件”")
        try:
            copies = int(parts[2]) if len(parts) > 2 and parts[2] else 1
        except ValueError:
            raise CatalogueError(f"第{number}行：份数应为数字") from None
        materials.append({"name": name, "form": form, "copies": copies, "note": parts[3] if len(parts) > 3 else ""})
    return materials


class DiffDialog(QDialog):
    """What an import would change; applied only with 确认导入."""

    def __init__(self, diff: CatalogueDiff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("导入前核对")
        self.setAccessibleName("导入前核对")
        self.resize(640, 480)
        summary = QLabel(f"新增 {len(diff.added)} 项，修改 {len(diff.changed)} 项，停用 {len(diff.removed)} 项。"
                         "确认后才会写入，每项修改都保存为新版本。")
        summary.setWordWrap(True)
        self.lines = QListWidget()
        self.lines.setAccessibleName("目录差异")
        self.lines.addItems(describe_diff(diff) or ["与当前目录完全相同，无需导入。"])
        buttons = QDialogButtonBox()
        ok = buttons.addButton("确认导入", QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setAccessibleName("确认导入")
        ok.setEnabled(not diff.is_empty)
        cancel = buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.lines, 1)
        layout.addWidget(buttons)


class CataloguePage(QWidget):
    def __init__(self, desk: Desk, on_change, parent: QWidget | None = None,
                 staged: StagedBuild | None = None) -> None:
        """Its list and buttons; the item's form and the list's contents at once, or (``staged``)
        in the turns right after (issue 17)."""
        super().__init__(parent)
        self.desk = desk
        self.on_change = on_change
        self.version: CatalogueVersion | None = None
        self.can_edit = bool(desk.account and desk.account.is_director)

        self.search = QLineEdit()
        self.search.setAccessibleName("搜索目录")
        self.search.setPlaceholderText("名称或拼音首字母")
        self.list = QListWidget()
        self.list.setAccessibleName("事项目录")

        self.version_label = message_label("版本信息")
        self._holder = QWidget()
        holder_layout = QVBoxLayout(self._holder)
        holder_layout.addWidget(self.version_label)
        self.editors: dict[str, QWidget] = {}
        self.fields: dict[str, FormField] = {}
        self._form = QFormLayout()  # its fields: ``_build_form``
        holder_layout.addLayout(self._form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._holder)

        self.new_button = push_button("新增事项", self.new_item)
        self.save_button = push_button("保存为新版本", self.save, primary=True)
        self.retire_button = push_button("停用事项", self.retire)
        self.export_button = push_button("导出目录…", self.ask_export)
        self.import_button = push_button("导入目录…", self.ask_import)
        self.guide_size = QComboBox()
        self.guide_size.addItems(["A4", "A3"])
        self.guide_size.setAccessibleName("指南纸张")
        self.guide_button = push_button("打印办事指南…", self.ask_print_guide)
        for button in (self.new_button, self.save_button, self.retire_button, self.import_button):
            button.setEnabled(self.can_edit)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.retire_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.guide_size)
        buttons.addWidget(self.guide_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)

        hint = QLabel("目录为软件模板，请主任对照本县现行规定核对后使用。" if self.can_edit
                      else "只有主任可以修改办事指南。")
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(side_by_side(pane(self.search, (self.list, 1), hint), pane((scroll, 1), buttons), (300, 900)))
        if staged is None:
            self._build_form()
            self.refresh()
        else:  # issue 17: the item's form (two halves) and the list in the turns right after
            half = len(EDITORS) // 2
            staged.add(partial(self._build_form, EDITORS[:half]), partial(self._build_form, EDITORS[half:]),
                       self.refresh, first=True)

    def _build_form(self, keys: tuple[str, ...] = EDITORS) -> None:
        """The item's fields ``keys`` (the form is built in two halves when staged)."""
        for key in keys:
            editor = QComboBox() if key in ("kind", "verification") else (
                QPlainTextEdit() if key in PLAIN_TEXT else QLineEdit())
            if key == "kind":
                editor.addItems(list(KINDS))
            elif key == "verification":
                editor.addItems(list(VERIFICATION))
            elif isinstance(editor, QPlainTextEdit):
                editor.setTabChangesFocus(True)
                editor.setFixedHeight(90 if key == "materials" else 64)
            label, hint = LABELS[key]
            self.editors[key] = editor
            self.fields[key] = add_field(self._form, FormField(label, editor, hint))
            editor.setEnabled(self.can_edit)
        if len(self.editors) == len(EDITORS):  # complete: choosing an item fills the form
            self.search.textChanged.connect(self.refresh)
            self.list.currentItemChanged.connect(self._chosen)

    def refresh(self) -> None:
        fill_item_list(self.list, self.search.text(), self.version.code if self.version else None,
                       lambda version: f"{version.code}　{version.name}"
                       + ("　【待填写】" if unfilled(version.item) else ""))

    def _chosen(self, current: QListWidgetItem | None) -> None:
        version = version_of(current)
        if version is not None:
            self.load(version)

    def _set(self, key: str, value: str) -> None:
        editor = self.editors[key]
        if isinstance(editor, QComboBox):
            editor.setCurrentText(value)
        elif isinstance(editor, (QLineEdit, QPlainTextEdit)):
            if isinstance(editor, QLineEdit):
                editor.setText(value)
            else:
                editor.setPlainText(value)

    def _get(self, key: str) -> str:
        editor = self.editors[key]
        if isinstance(editor, QComboBox):
            return editor.currentText()
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText().strip()
        assert isinstance(editor, QLineEdit)
        return editor.text().strip()

    def load(self, version: CatalogueVersion) -> None:
        self.version = version
        item = version.item
        values = {
            "code": item.code, "name": item.name, "kind": item.kind, "category": item.category,
            "conditions": "\n".join(item.conditions), "materials": materials_text(item),
            "steps": "\n".join(item.steps),
            "time_limit_days": "" if item.time_limit_days is None else str(item.time_limit_days),
            "fee_amount": item.fee.amount, "fee_basis": item.fee.basis, "basis": item.basis,
            "unit_name": item.unit.name, "unit_address": item.unit.address, "unit_phone": item.unit.phone,
            "public_notice_days": str(item.public_notice_days), "notes": item.notes, "note": "",
            "verification": VERIFICATION[2 if item.site_survey else 1 if item.needs_verification else 0],
        }
        for key, value in values.items():
            self._set(key, value)
        self.editors["code"].setEnabled(False)
        versions = catalogue.history(item.code)
        self.version_label.setText(
            f"当前第{version.version}版（{version.created_at:%Y-%m-%d %H:%M}，{version.created_by}"
            f"{'，' + version.note if version.note else ''}）；共{len(versions)}个版本，已打印的告知单保留各自的版本。")
        show_errors(self.fields, {})

    def new_item(self) -> None:
        self.version = None
        for key in self.editors:
            self._set(key, "")
        self._set("kind", "代办")
        self._set("verification", VERIFICATION[0])
        self._set("fee_amount", "0")
        self._set("public_notice_days", "0")
        self.editors["code"].setEnabled(self.can_edit)
        self.version_label.setText("新事项")
        self.editors["code"].setFocus()

    def item_from_form(self) -> ServiceItem:
        """Build the item; raises CatalogueError with (field, message) in ``args``."""
        errors: dict[str, str] = {}
        limit_text = self._get("time_limit_days")
        limit = None
        if limit_text:
            if not limit_text.isdigit():
                errors["time_limit_days"] = "承诺时限应为工作日天数，或留空表示即办"
            else:
                limit = int(limit_text)
        notice_text = self._get("public_notice_days") or "0"
        if not notice_text.isdigit():
            errors["public_notice_days"] = "公示天数应为整数"
        try:
            materials = parse_materials(self._get("materials"))
        except CatalogueError as exc:
            errors["materials"] = str(exc)
            materials = []
        if not self._get("code"):
            errors["code"] = "请填写事项编号"
        if not self._get("name"):
            errors["name"] = "请填写事项名称"
        if errors:
            raise _FormErrors(errors)
        data = {
            "code": self._get("code"), "name": self._get("name"), "kind": self._get("kind"),
            "category": self._get("category"), "conditions": self._get("conditions").splitlines(),
            "materials": materials, "steps": self._get("steps").splitlines(), "time_limit_days": limit,
            "fee": {"amount": self._get("fee_amount") or "0", "basis": self._get("fee_basis")},
            "basis": self._get("basis"),
            "unit": {"name": self._get("unit_name"), "address": self._get("unit_address"),
                     "phone": self._get("unit_phone")},
            "public_notice_days": int(notice_text), "notes": self._get("notes"),
            "needs_verification": self._get("verification") != VERIFICATION[0],
            "site_survey": self._get("verification") == VERIFICATION[2],
        }
        try:
            return ServiceItem.from_dict(data)
        except CatalogueError as exc:
            message = str(exc)
            field = "fee_basis" if "收费" in message else "materials" if "材料" in message else "name"
            raise _FormErrors({field: message}) from None

    def save(self) -> None:
        if not self.can_edit:
            return
        try:
            item = self.item_from_form()
        except _FormErrors as exc:
            show_errors(self.fields, exc.errors)
            return
        if self.version is None and catalogue.current_version(item.code) is not None:
            show_errors(self.fields, {"code": "该编号已存在"})
            return
        show_errors(self.fields, {})
        version = catalogue.save_item(item, self.desk.who, self.desk.now(), self._get("note"))
        self.load(version)
        self.refresh()
        self.on_change()

    def retire(self) -> None:
        if not self.can_edit or self.version is None:
            return
        reason, ok = QInputDialog.getText(self, "停用事项", "停用原因：")
        if not ok:
            return
        try:
            catalogue.retire_item(self.version.code, self.desk.who, self.desk.now(), reason)
        except CatalogueError as exc:
            QMessageBox.warning(self, "不能停用", str(exc))
            return
        self.version = None
        self.refresh()
        self.on_change()

    def export_to(self, path: Path) -> Path:
        return catalogue.export_catalogue(path, self.desk.center_name())

    def ask_export(self) -> None:
        name, _f = QFileDialog.getSaveFileName(self, "导出办事指南目录", str(Path.home() / "办事指南目录.json"),
                                               "目录文件 (*.json)")
        if name:
            try:
                self.export_to(Path(name))
            except OSError as exc:
                QMessageBox.warning(self, "导出失败", f"无法写入：{exc.strerror or exc}")
                return
            QMessageBox.information(self, "已导出", f"已导出到 {name}")

    def print_guide_to(self, path: Path) -> Path:
        """N08: the wall guide of the current catalogue; GuideError names an item still to fill."""
        from dutydesk.reports.wall_guide import GuideError, guide_data, render_guide  # reportlab: on first use

        center = load_center()
        if center is None:
            raise GuideError("请先填写服务中心信息")
        return render_guide(guide_data(center, self.desk.today()), path, self.guide_size.currentText())

    def ask_print_guide(self) -> None:
        size = self.guide_size.currentText()
        name, _f = QFileDialog.getSaveFileName(self, "打印办事指南", str(Path.home() / f"便民服务指南-{size}.pdf"),
                                               "PDF 文件 (*.pdf)")
        if not name:
            return
        from dutydesk.reports.wall_guide import GuideError

        try:
            self.print_guide_to(Path(name))
        except GuideError as exc:
            QMessageBox.warning(self, "不能打印办事指南", str(exc))
            return
        except OSError as exc:
            QMessageBox.warning(self, "保存失败", plain_message(exc))
            return
        QMessageBox.information(self, "已生成", f"办事指南和流程图已保存到 {name}，请用 {size} 纸打印后张贴")

    def import_from(self, path: Path) -> bool:
        """Show the difference, apply only on confirmation; True when applied."""
        try:
            items, diff = catalogue.read_import(path)
        except CatalogueError as exc:
            QMessageBox.warning(self, "无法导入", f"{exc}\n\n当前目录没有任何改动。")
            return False
        dialog = DiffDialog(diff, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        catalogue.apply_import(items, self.desk.who, self.desk.now(), path.name)
        self.refresh()
        self.on_change()
        return True

    def ask_import(self) -> None:
        name, _f = QFileDialog.getOpenFileName(self, "导入办事指南目录", str(Path.home()), "目录文件 (*.json)")
        if name:
            self.import_from(Path(name))


class _FormErrors(FieldErrors):
    """What is wrong in the catalogue item form, per field."""
