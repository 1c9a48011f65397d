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


def test_only_the_highlighted_columns_paint_as_rich_text(app, qtbot, desk, monkeypatch):
    """Issue 17: a scroll step repaints a screen of results (about 140 cells); the plain columns
    (类型, 保管期限, 日期, 经办人) paint in Qt's own delegate, without a Python call per cell, and
    only 标题 and 内容摘要 (the words found stand out there) are laid out as rich text. What the
    user reads is the same text in every column."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit, QTableView

    from dutydesk.domain.highlight import MARK_OPEN
    from dutydesk.store.visits.visit import register_visit
    from dutydesk.ui.archive.tab import ArchiveTab
    from tests.store.conftest import draft
    from tests.ui.helpers import by_name, type_text

    for i in range(3):
        register_visit(draft(person_name=f"张{i}", request=f"咨询低保续办材料 第{i}次"), desk.who, desk.now(),
                       desk.calendar())
    tab = ArchiveTab(desk)
    qtbot.addWidget(tab)
    tab.resize(1200, 500)
    tab.show()
    box = by_name(tab, "检索词", QLineEdit)
    type_text(qtbot, box, "低保")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    view = by_name(tab, "检索结果", QTableView)
    painted: list[int] = []
    original = HtmlDelegate.paint
    monkeypatch.setattr(HtmlDelegate, "paint",
                        lambda self, painter, option, index: painted.append(index.column())
                        or original(self, painter, option, index))
    view.grab()  # paints the table as on screen
    assert painted and set(painted) == {3, 4}
    model = view.model()
    assert model.index(0, 0).data() == "来访记录" and model.index(0, 2).data() == f"{desk.today():%Y-%m-%d}"
    assert MARK_OPEN + "低保" in model.index(0, 4).data()  # the rich columns still highlight
