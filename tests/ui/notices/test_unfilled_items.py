"""Template blanks (（请填写窗口电话）) in the shipped catalogue: the 办事指南目录 marks the items, the
desk cannot print for them until the director fills them in (N05, issue 13)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton

from dutydesk.store.accounts.account import Account
from dutydesk.store.notices import catalogue
from dutydesk.store.notices.notice import NoticeRecord
from dutydesk.ui.notices.catalogue_page import CataloguePage
from dutydesk.ui.notices.checklist_page import ChecklistPage
from tests.ui.helpers import by_name, type_text


def _rows(widget: QListWidget) -> list[str]:
    return [widget.item(row).text() for row in range(widget.count())]


def test_catalogue_marks_items_that_still_hold_a_blank_until_filled(qtbot, app, desk):
    catalogue.seed_default_catalogue(desk.who, desk.now())
    desk.account = Account.get(Account.name == "王书记")
    page = CataloguePage(desk, lambda: None)
    qtbot.addWidget(page)
    rows = _rows(by_name(page, "事项目录", QListWidget))
    assert any(r.startswith("SB-01") and r.endswith("【待填写】") for r in rows)
    assert any(r.startswith("ZX-01") and "待填写" not in r for r in rows)
    items = by_name(page, "事项目录", QListWidget)
    items.setCurrentRow(next(i for i, r in enumerate(rows) if r.startswith("SB-01")))
    phone = by_name(page, "单位电话", QLineEdit)
    phone.clear()
    qtbot.keyClicks(phone, "0571-63281111")
    type_text(qtbot, by_name(page, "修改说明", QLineEdit), "填写窗口电话")
    qtbot.mouseClick(by_name(page, "保存为新版本", QPushButton), Qt.MouseButton.LeftButton)
    assert catalogue.current_version("SB-01").item.unit.phone == "0571-63281111"
    assert any(r.startswith("SB-01") and "待填写" not in r for r in _rows(items))


def test_n05_printing_for_an_item_with_a_blank_asks_to_fill_it_first(qtbot, app, desk):
    catalogue.seed_default_catalogue(desk.who, desk.now())
    shown = []
    page = ChecklistPage(desk, shown.append, lambda case: shown.append(case))
    qtbot.addWidget(page)
    search = by_name(page, "搜索事项", QLineEdit)
    qtbot.keyClicks(search, "ylbx")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    type_text(qtbot, by_name(page, "群众姓名", QLineEdit), "张秀英")
    qtbot.mouseClick(by_name(page, "打印一次性告知单", QPushButton), Qt.MouseButton.LeftButton)
    message = by_name(page, "材料清单错误提示", QLabel).text()
    assert "办理单位电话" in message and "办事指南目录" in message and "（请填写窗口电话）" in message
    assert shown == [] and NoticeRecord.select().count() == 0
    assert by_name(page, "群众姓名", QLineEdit).text() == "张秀英"  # nothing typed is lost
