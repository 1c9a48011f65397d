"""Yearly filing (年度归档, A04) for directors: close a past year and write its ledgers."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.reports.ledger import ExportCancelled
from dutydesk.reports.year_archive import file_year
from dutydesk.store.archive.year_filing import FilingRefused, YearClosure, archive_dir, closed_years
from dutydesk.ui.background import Cancelled, run_with_progress
from dutydesk.ui.forms import FormField, button_row, push_button


class FilingDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle("年度归档")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(
            "归档后，该年度的全部记录只读，不能再修改或作废；如需更正，只能添加更正说明。\n"
            "该年度的台账和档案目录将写入数据文件夹的 archive 目录。"))
        self.closed_label = QLabel()
        self.closed_label.setAccessibleName("已归档年度")
        layout.addWidget(self.closed_label)
        self.year_box = QComboBox()
        self.year_field = FormField("归档年度", self.year_box)
        row = QHBoxLayout()
        row.addWidget(QLabel("归档年度："))
        row.addWidget(self.year_field, 1)
        layout.addLayout(row)
        self.file_button = push_button("归档该年度", self.file_year, primary=True)
        layout.addLayout(button_row(push_button("关闭", self.reject), self.file_button))
        self.reload()

    def reload(self) -> None:
        closed = sorted(closed_years())
        self.closed_label.setText("已归档年度：" + ("、".join(f"{y}年" for y in closed) if closed else "无"))
        self.year_box.clear()
        this_year = self.desk.today().year
        for year in range(this_year - 1, this_year - 11, -1):
            if year not in closed:
                self.year_box.addItem(f"{year}年", year)

    def confirm(self, year: int) -> bool:
        answer = QMessageBox.question(
            self, "确认归档",
            f"确定归档{year}年吗？归档后{year}年的记录将只读，不能撤销。\n"
            f"档案目录：{archive_dir(self.desk.folder.path, year)}")
        return answer == QMessageBox.StandardButton.Yes

    def file_year(self) -> None:
        year = self.year_box.currentData()
        if year is None:
            self.year_field.set_error("没有可归档的年度")
            return
        self.year_field.clear_error()
        if not self.confirm(year):
            return
        desk = self.desk

        def work(report, cancelled):
            def progress(done: int, total: int) -> None:
                report(done, total)
                if cancelled():
                    raise Cancelled()

            return file_year(desk, year, progress)

        try:
            closure: YearClosure = run_with_progress(self, f"正在归档{year}年…", work)
        except (Cancelled, ExportCancelled):
            self.year_field.set_error("已取消，该年度未归档")
            return
        except FilingRefused as exc:
            self.year_field.set_error(str(exc))
            return
        self.reload()
        QMessageBox.information(self, "归档完成", f"{year}年已归档。\n档案目录：{closure.archive_path}")
