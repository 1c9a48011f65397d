"""Issue 17: the archive's results paint highlighted text from documents laid out once per cell,
not on every repaint (a screen of results repaints on every scroll step)."""

from __future__ import annotations

from PySide6.QtGui import QFont

from dutydesk.ui.archive.tab import HtmlDelegate


def test_a_cells_document_is_laid_out_once_and_follows_selection_and_font(app):
    delegate = HtmlDelegate()
    font = QFont()
    text = '咨询<b style="color:#C00000">低保</b>续办'
    first = delegate._document(text, False, font)
    assert delegate._document(text, False, font) is first
    assert first.toPlainText() == "咨询低保续办"
    selected = delegate._document(text, True, font)
    assert selected is not first and selected.toPlainText() == "咨询低保续办"
    bigger = QFont(font)
    bigger.setPointSize(font.pointSize() + 6)
    assert delegate._document(text, False, bigger) is not first
