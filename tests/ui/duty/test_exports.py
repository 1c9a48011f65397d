"""Exports and printing from the duty tab: tally xlsx/pdf, roster board PDF, print preview (D04, D14)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QPushButton

from dutydesk.reports.roster_board import board_data, write_board_pdf
from dutydesk.ui.duty.printing import paint_pdf
from dutydesk.ui.duty.tab import DutyTab
from tests.duty_helpers import make_staff, put_on
from tests.ui.helpers import by_name, when_modal

DAY = dt.date(2026, 11, 24)


def click(qtbot, root, label: str) -> None:
    qtbot.mouseClick(by_name(root, label, QPushButton), Qt.MouseButton.LeftButton)


def test_d14_tally_page_exports_the_official_ledger_as_excel_and_pdf(app, qtbot, desk, tmp_path, monkeypatch):
    """D14: the tally page writes the official 月度考勤统计表 ledger (the same file as the hand-off)."""
    from openpyxl import load_workbook
    from pypdf import PdfReader

    s = make_staff(desk)
    put_on(desk, DAY - dt.timedelta(days=1), "am", s["周协管"])
    tab = DutyTab(desk)
    qtbot.addWidget(tab)
    page = tab.show_page("考勤统计")
    monkeypatch.setattr(page, "ask_path", lambda suffix: tmp_path / f"tally.{suffix}")
    click(qtbot, page, "导出Excel")
    assert by_name(page, "导出结果", QLabel).text() == f"已导出：{tmp_path / 'tally.xlsx'}"
    sheet = load_workbook(tmp_path / "tally.xlsx")["考勤统计"]
    rows = list(sheet.iter_rows(values_only=True))
    assert any("月度考勤统计表" in str(r[0]) for r in rows[:3])
    header = next(r for r in rows if r[0] == "姓名")
    zhou = next(r for r in rows if r[0] == "周协管")
    assert zhou[header.index("缺勤")] == 1 and zhou[header.index("处罚（元）")] == 50
    click(qtbot, page, "导出PDF")
    assert (tmp_path / "tally.pdf").read_bytes().startswith(b"%PDF")
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "tally.pdf").pages).replace("\n", "")
    assert "月度考勤统计表" in text and "2026年11月" in text and "周协管" in text


def test_d04_roster_board_saved_as_pdf_and_print_preview_opens(app, qtbot, desk, tmp_path, monkeypatch):
    s = make_staff(desk)
    put_on(desk, DAY, "am", s["王委员"])
    tab = DutyTab(desk)
    qtbot.addWidget(tab)
    page = tab.show_page("排班")
    monkeypatch.setattr(page, "ask_path", lambda name: tmp_path / name)
    click(qtbot, page, "公示牌存为PDF")
    saved = list(tmp_path.glob("值班公示_*.pdf"))
    assert len(saved) == 1 and saved[0].read_bytes().startswith(b"%PDF")
    titles = []

    def close(dialog):
        titles.append(dialog.windowTitle())
        dialog.reject()

    when_modal(close)
    click(qtbot, page, "打印公示牌")
    assert titles and titles[0].startswith("打印预览")
    assert "已生成" in by_name(page, "打印结果", QLabel).text()


def test_printing_draws_every_pdf_page(app, desk, tmp_path):
    make_staff(desk)
    data = board_data(DAY, DAY + dt.timedelta(days=30), desk.calendar(), desk.now())
    pdf = write_board_pdf(data, tmp_path / "board.pdf")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = paint_pdf(printer, pdf)
    assert pages >= 1
    assert (tmp_path / "printed.pdf").stat().st_size > 0
