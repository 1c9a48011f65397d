"""ui.page_layout: pages that scroll on their own, columns that stack on a narrow screen, two short
fields on one form row (issue 13: every window fits the desk's screen)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from dutydesk.ui import screen_fit
from dutydesk.ui.forms import FormField
from dutydesk.ui.page_layout import ScrolledPages, add_pair, columns
from tests.ui.helpers import by_name


def tall_page(height: int) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    filler = QWidget()
    filler.setMinimumHeight(height)
    layout.addWidget(filler)
    layout.addWidget(QPushButton("保存"))
    return page


def test_a_tall_page_scrolls_instead_of_making_the_tabs_taller(qtbot, app):
    plain = tall_page(2000)
    pages = ScrolledPages()
    qtbot.addWidget(pages)
    pages.addTab(QWidget(), "第一页")
    pages.addTab(plain, "第二页")
    assert pages.minimumSizeHint().height() < 400  # a plain QTabWidget would ask for 2000 px
    assert isinstance(plain.parentWidget().parentWidget(), screen_fit.PageScroll)


def test_callers_speak_of_the_pages_not_their_scroll_areas(qtbot, app):
    first, second = QWidget(), tall_page(100)
    pages = ScrolledPages()
    qtbot.addWidget(pages)
    pages.addTab(first, "第一页")
    pages.addTab(second, "第二页")
    pages.setCurrentWidget(second)
    assert pages.currentIndex() == 1 and pages.currentWidget() is second
    assert pages.widget(0) is first and pages.indexOf(second) == 1
    assert pages.indexOf(QWidget()) == -1
    pages.setCurrentWidget(QWidget())  # not one of its pages: nothing changes
    assert pages.currentWidget() is second


def test_columns_side_by_side_on_a_wide_screen_one_above_the_other_below(qtbot, app, monkeypatch):
    monkeypatch.setattr(screen_fit, "TWO_COLUMNS_FROM", 0)
    wide = columns(QLabel("表单"), QLabel("列表"), (400, 600))
    qtbot.addWidget(wide)
    assert wide.orientation() == Qt.Orientation.Horizontal and wide.sizes() != [0, 0]
    monkeypatch.setattr(screen_fit, "TWO_COLUMNS_FROM", 100_000)
    narrow = columns(QLabel("表单"), QLabel("列表"), (400, 600))
    qtbot.addWidget(narrow)
    assert narrow.orientation() == Qt.Orientation.Vertical
    assert not narrow.childrenCollapsible()  # dragging never hides the form or the list


def test_two_short_fields_share_a_row_each_with_its_label(qtbot, app):
    holder = QWidget()
    qtbot.addWidget(holder)
    form = QFormLayout(holder)
    first, second = add_pair(form, FormField("走访日期", QLineEdit()), FormField("走访类型", QLineEdit()))
    assert form.rowCount() == 1
    labels = {label.text(): label for label in holder.findChildren(QLabel) if label.text().endswith("：")}
    assert labels["走访日期："].buddy() is first.editor and labels["走访类型："].buddy() is second.editor
    assert by_name(holder, "走访类型", QLineEdit) is second.editor
    holder.show()
    assert first.geometry().top() == second.geometry().top()


def _long_form_with_actions(qtbot):
    """A page built as pages are: its form in one widget, its 保存/清空 in the action bar."""
    from PySide6.QtWidgets import QGroupBox

    from dutydesk.ui.forms import push_button
    from dutydesk.ui.page_layout import page_with_actions

    box = QGroupBox("登记")
    form = QFormLayout(box)
    for number in range(12):
        form.addRow(f"第{number}项", QLineEdit())
    page = page_with_actions(box, push_button("保存"), push_button("清空"))
    pages = ScrolledPages()
    qtbot.addWidget(pages)
    pages.addTab(page, "登记")
    return pages, page, box


def test_the_action_bar_stays_visible_while_the_tall_form_above_it_scrolls(qtbot, app):
    """page_with_actions: on a short screen only the form scrolls; 保存/清空 show without scrolling."""
    from tests.ui.fit_probe import button_problems

    pages, page, box = _long_form_with_actions(qtbot)
    pages.resize(600, 300)
    pages.show()
    qtbot.waitExposed(pages)
    bar = by_name(page, "操作按钮", QWidget)
    for name in ("保存", "清空"):
        button = by_name(page, name, QPushButton)
        assert bar.isAncestorOf(button) and not box.isAncestorOf(button)
        assert button.isVisible()
    assert button_problems(pages, strict=True) == []
    body = box.parentWidget().parentWidget()
    assert isinstance(body, screen_fit.PageScroll) and body.verticalScrollBar().isVisible()  # the form scrolls


def test_a_form_that_fits_does_not_scroll_above_its_action_bar(qtbot, app):
    pages, _page, box = _long_form_with_actions(qtbot)
    pages.resize(700, 760)  # the offscreen screen is 800 high
    pages.show()
    qtbot.waitExposed(pages)
    body = box.parentWidget().parentWidget()
    qtbot.waitUntil(lambda: not body.verticalScrollBar().isVisible())
    assert box.height() <= body.viewport().height()
    assert pages.minimumSizeHint().width() >= box.minimumSizeHint().width()  # never scrolls sideways


def _dialog_with_actions(qtbot, rows: int):
    """A dialog built as dialogs are: a form of ``rows`` rows above its 保存/取消 bar."""
    from PySide6.QtWidgets import QDialog

    from dutydesk.ui.forms import button_row, push_button
    from dutydesk.ui.page_layout import fill, page_with_actions

    dialog = QDialog()
    qtbot.addWidget(dialog)
    body = QWidget()
    form = QFormLayout(body)
    for number in range(rows):
        form.addRow(f"第{number}项", QLineEdit())
    fill(dialog, page_with_actions(body, (button_row(push_button("保存"), push_button("取消")), 1), natural=True))
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, body


def test_a_dialog_taller_than_the_screen_keeps_its_buttons_below_the_scrolled_form(qtbot, app):
    from tests.ui.fit_probe import button_problems

    dialog, body = _dialog_with_actions(qtbot, 60)
    assert screen_fit.available_area(dialog).contains(dialog.frameGeometry())
    assert button_problems(dialog, strict=True) == []
    scroll = body.parentWidget().parentWidget()
    assert isinstance(scroll, screen_fit.PageScroll) and scroll.verticalScrollBar().isVisible()
    assert not dialog.property("dutydesk_scrolled")  # not the last resort, which scrolls the buttons too


def test_a_dialog_opens_tall_enough_for_its_form_when_the_screen_has_room(qtbot, app):
    """Qt opens a dialog at two thirds of the screen at most; its form would scroll for nothing."""
    area = screen_fit.available_area()
    sample = QWidget()
    form = QFormLayout(sample)
    for _ in range(10):
        form.addRow("项", QLineEdit())
    pitch = sample.minimumSizeHint().height() / 10
    dialog, body = _dialog_with_actions(qtbot, int(area.height() * 0.75 / pitch))
    scroll = body.parentWidget().parentWidget()
    assert dialog.height() > area.height() * 2 // 3
    qtbot.waitUntil(lambda: not scroll.verticalScrollBar().isVisible())
    assert body.height() <= scroll.viewport().height()


def test_buttons_turn_compact_only_at_the_largest_font(qtbot, app):
    from dutydesk.ui.forms import push_button
    from dutydesk.ui.page_layout import compact_at_large_font
    from dutydesk.ui.theme import set_font_size

    normal, big = push_button("打印"), push_button("受理")
    compact_at_large_font(normal)
    set_font_size(app, "xlarge")
    try:
        compact_at_large_font(big)
    finally:
        set_font_size(app, "normal")
    assert not normal.property("compact")
    assert big.property("compact") is True


def test_a_form_with_text_boxes_gets_its_least_height_above_the_bar_not_its_preferred_one(qtbot, app):
    """A form's height-for-width counts its text boxes at their preferred height: a page whose
    fields fit when the boxes shrink must not scroll (the 网格走访 form at 字号 正常)."""
    from PySide6.QtWidgets import QGroupBox, QPlainTextEdit

    from dutydesk.ui.forms import push_button
    from dutydesk.ui.page_layout import page_with_actions

    box = QGroupBox("登记走访")
    form = QFormLayout(box)
    hint = QLabel("输入户主或成员姓名、拼音首字母、住址或户编码，回车选中" * 2)
    hint.setWordWrap(True)
    form.addRow("查找户", hint)
    for name in ("走访情况", "群众诉求", "处理情况"):
        form.addRow(name, QPlainTextEdit())
    pages = ScrolledPages()
    qtbot.addWidget(pages)
    pages.addTab(page_with_actions(box, push_button("保存走访")), "入户走访")
    least = box.minimumSizeHint().height()
    assert form.heightForWidth(500) > least + 150
    pages.resize(520, least + 200)
    pages.show()
    qtbot.waitExposed(pages)
    body = box.parentWidget().parentWidget()
    qtbot.waitUntil(lambda: not body.verticalScrollBar().isVisible())
    assert box.height() == body.viewport().height()  # the whole form shows, its boxes shrunk


def test_a_scrolling_form_asks_for_its_scroll_bar_width_too(qtbot, app):
    """Scrolling up and down, the form never scrolls sideways as well (its column is widened)."""
    pages, _page, box = _long_form_with_actions(qtbot)
    pages.resize(600, 300)
    pages.show()
    qtbot.waitExposed(pages)
    body = box.parentWidget().parentWidget()
    qtbot.waitUntil(lambda: body.verticalScrollBar().isVisible())
    bar = body.verticalScrollBar().sizeHint().width()
    assert body.minimumSizeHint().width() >= box.minimumSizeHint().width() + bar
    assert not body.horizontalScrollBar().isVisible()
