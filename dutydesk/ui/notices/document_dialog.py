"""Print preview, printing to a remembered printer, and "save as PDF" for one printed document.

The document is always the PDF reportlab wrote; the preview and the printer get that PDF's
pages rendered as images, so what is saved, previewed and printed is one and the same layout.
The chosen printer is remembered per data folder (the desk PC usually has one printer).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSize, Qt
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from dutydesk.store.atomic import atomic_write
from dutydesk.store.faults import file_fault_message
from dutydesk.ui.forms import push_button
from dutydesk.ui.pdf_painting import paint_pdf, paint_pdfs
from dutydesk.ui.prefs import UiPrefs
from dutydesk.ui.screen_fit import fitted_size

PRINTER_KEY = "notice/printer"
SIZE_KEY = "notice/paper"
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "A5": QPageSize.PageSizeId.A5}


def remembered_printer(prefs: UiPrefs) -> str:
    name = str(prefs.get(PRINTER_KEY, "") or "")
    available = {p.printerName() for p in QPrinterInfo.availablePrinters()}
    return name if name in available else ""


class DocumentDialog(QDialog):
    """Shows one document, or several printed together (收件回执单 and 代办单: one preview, one
    打印 for both, a 文书 choice for what is shown and saved); the paper size can be switched,
    which re-renders the PDFs."""

    def __init__(self, title: str, render: Callable[[str], Path] | Mapping[str, Callable[[str], Path]],
                 prefs: UiPrefs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.resize(fitted_size(QSize(820, 900), parent, margin=20))
        self.prefs = prefs
        self._renders = dict(render) if isinstance(render, Mapping) else {title: render}
        self.document = next(iter(self._renders))
        self.size_name = str(prefs.get(SIZE_KEY, "A4") or "A4")
        if self.size_name not in PAGE_SIZES:
            self.size_name = "A4"
        self.pdfs = {name: make(self.size_name) for name, make in self._renders.items()}

        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setFullPage(True)
        self._apply_size()
        self.preview = QPrintPreviewWidget(self.printer, self)
        self.preview.setAccessibleName("打印预览")
        self.preview.paintRequested.connect(lambda printer: paint_pdf(printer, self.pdf, 150))
        self.preview.fitInView()

        self.paper = QComboBox()
        self.paper.addItems(list(PAGE_SIZES))
        self.paper.setCurrentText(self.size_name)
        self.paper.setAccessibleName("纸张")
        self.paper.currentTextChanged.connect(self.set_size)
        self.documents = QComboBox()
        self.documents.addItems(list(self._renders))
        self.documents.setAccessibleName("文书")
        self.documents.currentTextChanged.connect(self.show_document)
        self.print_button = push_button("打印…", self.print_document, primary=True)
        self.print_button.setShortcut("Ctrl+P")
        if len(self._renders) > 1:
            self.print_button.setToolTip("、".join(self._renders) + "一起打印")
        self.save_button = push_button("另存为PDF…", self.ask_save)
        close = push_button("关闭", self.accept)
        self.printer_label = QLabel()
        self.printer_label.setProperty("role", "hint")
        self._show_printer()

        bar = QHBoxLayout()
        if len(self._renders) > 1:
            document_label = QLabel("文书：")
            document_label.setBuddy(self.documents)
            bar.addWidget(document_label)
            bar.addWidget(self.documents)
        else:
            self.documents.hide()
        paper_label = QLabel("纸张：")
        paper_label.setBuddy(self.paper)
        bar.addWidget(paper_label)
        bar.addWidget(self.paper)
        bar.addWidget(self.printer_label, 1)
        bar.addWidget(self.save_button)
        bar.addWidget(self.print_button)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addLayout(bar)

    @property
    def pdf(self) -> Path:
        """The document shown (and saved by 另存为PDF)."""
        return self.pdfs[self.document]

    def show_document(self, name: str) -> None:
        if name in self.pdfs:
            self.document = name
            self.preview.updatePreview()

    def _apply_size(self) -> None:
        self.printer.setPageLayout(QPageLayout(QPageSize(PAGE_SIZES[self.size_name]),
                                               QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
        name = remembered_printer(self.prefs)
        if name:
            self.printer.setPrinterName(name)

    def _show_printer(self) -> None:
        name = remembered_printer(self.prefs)
        self.printer_label.setText(f"打印机：{name}" if name else "打印机：打印时选择")

    def set_size(self, size_name: str) -> None:
        self.size_name = size_name
        self.prefs.set(SIZE_KEY, size_name)
        self.pdfs = {name: make(size_name) for name, make in self._renders.items()}
        self._apply_size()
        self.preview.updatePreview()

    def save_as(self, target: Path) -> Path:
        """Copy the very PDF that is previewed and printed (same layout), written atomically."""
        with atomic_write(target) as fh, open(self.pdf, "rb") as src:
            shutil.copyfileobj(src, fh)
        return target

    def ask_save(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, "另存为PDF", str(Path.home() / self.pdf.name),
                                                    "PDF 文件 (*.pdf)")
        if not name:
            return
        target = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
        try:
            self.save_as(target)
        except OSError as exc:
            QMessageBox.warning(self, "保存失败", file_fault_message(exc, target))
            return
        QMessageBox.information(self, "已保存", f"已保存到 {target}")

    def print_document(self) -> None:
        dialog = QPrintDialog(self.printer, self)
        dialog.setWindowTitle("选择打印机")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        paint_pdfs(self.printer, list(self.pdfs.values()))
        self.prefs.set(PRINTER_KEY, self.printer.printerName())
        self._show_printer()


def show_document(title: str, render: Callable[[str], Path] | Mapping[str, Callable[[str], Path]],
                  prefs: UiPrefs, parent: QWidget | None) -> DocumentDialog:
    """Open the preview non-modally (the desk keeps working while the person reads it)."""
    dialog = DocumentDialog(title, render, prefs, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
