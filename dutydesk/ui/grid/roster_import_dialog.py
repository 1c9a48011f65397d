"""导入花名册…: choose the village's roster file, see the preview (the header found, how columns
were mapped, every faulty row by its row number and why, what each good row will do), and import
the good rows on 导入 (G02). Reading and writing run off the GUI thread; the work itself is
``store.grid.roster_import``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from dutydesk.desk import Desk
from dutydesk.domain.grid.roster_file import RosterFileError
from dutydesk.store.audit import RecordLocked
from dutydesk.store.faults import plain_message
from dutydesk.store.grid.area import areas
from dutydesk.store.grid.roster_import import (
    ImportCancelled,
    ImportPlan,
    ImportResult,
    apply_import,
    read_and_plan,
)
from dutydesk.store.privacy import mask_for
from dutydesk.ui.background import run_with_progress
from dutydesk.ui.forms import button_row, message_label, push_button
from dutydesk.ui.grid.widgets import fill, select_data, table

FILE_FILTER = "花名册 (*.xlsx *.csv)"


class RosterImportDialog(QDialog):
    """The preview of one roster file; 导入 writes its good rows (``result`` then holds the counts)."""

    def __init__(self, desk: Desk, plan: ImportPlan, file_name: str, area_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.plan = desk, plan
        self.result_counts: ImportResult | None = None
        self.setWindowTitle(f"导入花名册：{file_name}")
        self._build(area_id)
        self._load()

    def _build(self, area_id: int | None) -> None:
        self.found = QLabel()
        self.found.setAccessibleName("花名册识别结果")
        self.found.setWordWrap(True)
        self.problems = table("有误的行", ["行号", "姓名", "问题（不会导入）"])
        self.good = table("将导入的行", ["行号", "姓名", "与户主关系", "户主所在行", "身份证号", "处理"])
        self.area = QComboBox()
        self.area.setAccessibleName("新建的户归入片区")
        self.area.addItem("未划片区", None)
        for area in areas():
            self.area.addItem(area.name, area.id)
        select_data(self.area, area_id)
        self.message = message_label("导入结果")
        self.go = push_button("导入", self.run_import, primary=True)
        form = QFormLayout()
        form.addRow("新建的户归入", self.area)
        layout = QVBoxLayout(self)
        layout.addWidget(self.found)
        layout.addWidget(QLabel("有误的行"))
        layout.addWidget(self.problems, 1)
        layout.addWidget(QLabel("将导入的行"))
        layout.addWidget(self.good, 2)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(button_row(push_button("取消", self.reject), self.go))
        self.resize(900, 640)

    def _load(self) -> None:
        plan, roster = self.plan, self.plan.roster
        lines = [f"表头在第{roster.header_row}行；{roster.columns_text}"]
        if roster.ignored_columns:
            lines.append(f"未使用的列：{'、'.join(roster.ignored_columns)}")
        lines.append(plan.summary())
        self.found.setText("\n".join(lines))
        fill(self.problems, [(str(p.row), p.name, p.message) for p in plan.problems])
        fill(self.good, [(str(p.row.row), p.row.name, p.row.relation, str(p.row.head_row), self._id_text(p),
                          p.action) for p in plan.rows])
        self.go.setText(f"导入{plan.to_write}行" if plan.to_write else "无需导入")
        self.go.setAccessibleName(self.go.text())
        if not plan.to_write:
            self.go.setEnabled(False)
            self.message.setText("没有可导入的变化：表中的人员都已在册，或所有行都有误")

    def _id_text(self, item) -> str:
        shown = mask_for(self.desk.account, "id_number", item.row.id_number)  # V09
        return shown + ("（15位已升级）" if item.row.upgraded else "")

    def run_import(self) -> None:
        area_id = self.area.currentData()

        def work(report, cancelled) -> ImportResult:
            return apply_import(self.plan.roster, self.desk.who, self.desk.now(), area_id, report, cancelled)

        try:
            self.result_counts = run_with_progress(self, "正在导入花名册…", work)
        except ImportCancelled as exc:
            self.message.setText(str(exc))
            return
        except RecordLocked as exc:  # a resident filed in a closed year (A04): all or nothing
            self.message.setText(f"{exc}。没有导入任何记录")
            return
        except Exception as exc:  # a full disk, a locked database: said plainly, nothing half-written
            text = plain_message(exc, self.desk.folder.db_path)
            if text is None:
                raise
            self.message.setText(text)
            return
        self.accept()


def ask_and_import(desk: Desk, parent: QWidget, area_id: int | None = None) -> tuple[str, bool]:
    """The whole 导入花名册… action: (what to tell the user, whether anything was written)."""
    name, _filter = QFileDialog.getOpenFileName(parent, "导入花名册", str(Path.home()), FILE_FILTER)
    if not name:
        return "", False
    path = Path(name)
    try:
        plan = run_with_progress(parent, "正在读取花名册…", lambda report, cancelled: read_and_plan(path, desk.today()))
    except RosterFileError as exc:
        return f"无法导入{path.name}：{exc}", False
    except OSError as exc:
        return plain_message(exc) or str(exc), False
    dialog = RosterImportDialog(desk, plan, path.name, area_id, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_counts is None:
        return "", False
    return f"已导入花名册：{dialog.result_counts.text}", True
