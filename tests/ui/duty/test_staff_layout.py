"""The 人员 form fits a 1366×768 laptop at 字号 大 (issue 13, screen fit): the 设定停用日期 tick
box labels the 停用日期 row, and the phone hint is one line with the whole D12 rule on hover."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDateEdit, QDateTimeEdit, QFormLayout, QLabel

from dutydesk.ui.duty.staff_page import StaffPage
from tests.ui.helpers import by_name


def test_the_end_date_tick_box_is_the_label_of_its_row(app, qtbot, desk):
    page = StaffPage(desk)
    qtbot.addWidget(page)
    end = by_name(page, "停用日期", QDateEdit)
    form = end.parentWidget().parentWidget().layout()
    assert isinstance(form, QFormLayout)
    assert form.labelForField(end.parentWidget()) is by_name(page, "设定停用日期", QCheckBox)


def test_d12_phone_hint_is_one_line_and_the_rule_is_on_hover(app, qtbot, desk):
    page = StaffPage(desk)
    qtbot.addWidget(page)
    changed_at = by_name(page, "换号时间", QDateTimeEdit)
    hints = [label for label in page.findChildren(QLabel) if label.property("role") == "hint"]
    assert [h.text() for h in hints] == ["填实际换号时间，超24小时才报告记迟报"]
    assert not hints[0].wordWrap()  # a wrapping hint makes the form ask for a line more than it shows
    assert "超过24小时才报告的记为迟报" in changed_at.toolTip() and hints[0].toolTip() == changed_at.toolTip()
