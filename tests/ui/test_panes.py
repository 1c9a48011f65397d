"""The two-pane building blocks: margin-less columns side by side."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget

from dutydesk.ui.panes import pane, side_by_side


def test_pane_stacks_widgets_and_layouts_in_order_with_stretch(app, qtbot):
    title, items, row = QLabel("标题"), QListWidget(), QHBoxLayout()
    column = pane(title, (items, 1), row)
    qtbot.addWidget(column)
    layout = column.layout()
    assert layout.contentsMargins().left() == 0 and layout.contentsMargins().top() == 0
    assert [layout.itemAt(i).widget() for i in (0, 1)] == [title, items]
    assert layout.itemAt(2).layout() is row
    assert [layout.stretch(i) for i in range(3)] == [0, 1, 0]


def test_side_by_side_keeps_both_panes_in_order(app, qtbot):
    left, right = pane(QLabel("左")), pane(QLabel("右"))
    splitter = side_by_side(left, right, (300, 900))
    qtbot.addWidget(splitter)
    assert (splitter.widget(0), splitter.widget(1), splitter.count()) == (left, right, 2)
