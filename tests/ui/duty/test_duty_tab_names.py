"""Every named input, button and table of the 今日值班 tab has a name of its own, so a screen
reader (and a test) tells them apart across its pages."""

from __future__ import annotations

from collections import Counter

from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QPlainTextEdit, QTabBar

from dutydesk.ui.duty.tab import DutyTab
from tests.duty_helpers import make_staff


def test_meeting_and_relay_pages_reuse_no_name_of_another_page(app, qtbot, desk):
    make_staff(desk)
    tab = DutyTab(desk)
    qtbot.addWidget(tab)
    kinds = (QLineEdit, QComboBox, QPlainTextEdit, QAbstractButton, QAbstractItemView)

    def names(title: str) -> Counter:
        page = tab.page(title)
        # not Qt's own scroll arrows of a tab bar (会议学习 has parts of its own, as 督查 has)
        widgets = [w for kind in kinds for w in page.findChildren(kind) if not isinstance(w.parentWidget(), QTabBar)]
        return Counter(w.accessibleName() for w in set(widgets) if w.accessibleName())

    ours = names("会议学习") + names("上传下达")
    others = Counter()
    for index in range(tab.pages.count()):
        title = tab.pages.tabText(index)
        if title not in ("会议学习", "上传下达"):
            others += names(title)
    assert [n for n, count in ours.items() if count > 1 or n in others] == []
