"""办事指南目录 in the app: directors edit (each save a new version), import shows a diff first."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPlainTextEdit, QPushButton

from dutydesk.store.accounts.account import Account
from dutydesk.store.notices import catalogue
from dutydesk.store.notices import notice as notices
from dutydesk.store.notices.catalogue import CatalogueVersion
from dutydesk.ui.notices import catalogue_page
from dutydesk.ui.notices.catalogue_page import CataloguePage
from tests.notice_helpers import all_ticks, seed, version
from tests.ui.helpers import by_name, type_text, when_modal


@pytest.fixture
def page(qtbot, app, desk):
    seed(desk)
    desk.account = Account.get(Account.name == "王书记")
    widget = CataloguePage(desk, lambda: None)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def choose(page: CataloguePage, code: str) -> None:
    items = by_name(page, "事项目录", QListWidget)
    for row in range(items.count()):
        if items.item(row).text().startswith(code):
            items.setCurrentRow(row)
            return
    raise AssertionError(code)


def test_n06_director_edit_saves_a_new_version_and_printed_notices_keep_theirs(qtbot, page, desk):
    v1 = version("SB-01")
    told = notices.record_notice(notices.ChecklistEntry(v1, "张秀英", all_ticks(v1)), "李文书", desk.now())
    choose(page, "SB-01")
    limit = by_name(page, "承诺时限（工作日）", QLineEdit)
    limit.clear()
    qtbot.keyClicks(limit, "3")
    type_text(qtbot, by_name(page, "修改说明", QLineEdit), "县里压缩时限")
    qtbot.mouseClick(by_name(page, "保存为新版本", QPushButton), Qt.MouseButton.LeftButton)
    current = catalogue.current_version("SB-01")
    assert (current.version, current.item.time_limit_days, current.note) == (2, 3, "县里压缩时限")
    assert "当前第2版" in by_name(page, "版本信息", QLabel).text()
    assert notices.notice_by_ref(told.ref).item_version.item.time_limit_days == 5


def test_bad_item_input_is_shown_beside_the_field_and_kept(qtbot, page):
    choose(page, "SB-01")
    materials = by_name(page, "所需材料", QPlainTextEdit)
    materials.setPlainText("居民身份证｜扫描件｜1")
    fee = by_name(page, "法定收费（元）", QLineEdit)
    fee.clear()
    qtbot.keyClicks(fee, "5")
    qtbot.mouseClick(by_name(page, "保存为新版本", QPushButton), Qt.MouseButton.LeftButton)
    assert "原件" in by_name(page, "所需材料错误提示", QLabel).text()
    assert materials.toPlainText() == "居民身份证｜扫描件｜1"
    materials.setPlainText("居民身份证｜复印件｜1")
    qtbot.mouseClick(by_name(page, "保存为新版本", QPushButton), Qt.MouseButton.LeftButton)
    assert "收费依据" in by_name(page, "收费依据错误提示", QLabel).text()  # P07
    assert catalogue.current_version("SB-01").version == 1


def test_operator_sees_the_catalogue_read_only(qtbot, app, desk):
    seed(desk)
    desk.account = Account.get(Account.name == "李文书")
    page = CataloguePage(desk, lambda: None)
    qtbot.addWidget(page)
    assert not by_name(page, "保存为新版本", QPushButton).isEnabled()
    assert not by_name(page, "导入目录…", QPushButton).isEnabled()
    assert by_name(page, "导出目录…", QPushButton).isEnabled()
    assert not by_name(page, "事项名称", QLineEdit).isEnabled()


def test_import_with_a_changed_item_shows_the_difference_before_applying(qtbot, page, tmp_path):
    path = page.export_to(tmp_path / "镇标准目录.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    for raw in doc["items"]:
        if raw["code"] == "SB-01":
            raw["materials"].append({"name": "村委会证明", "form": "原件", "copies": 1, "note": ""})
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    seen: list[list[str]] = []

    def look_then_cancel(dialog):
        lines = by_name(dialog, "目录差异", QListWidget)
        seen.append([lines.item(i).text() for i in range(lines.count())])
        assert catalogue.current_version("SB-01").version == 1  # nothing applied while looking
        qtbot.mouseClick(by_name(dialog, "取消", QPushButton), Qt.MouseButton.LeftButton)

    when_modal(look_then_cancel)
    assert page.import_from(path) is False
    assert seen[0][0].startswith("修改：SB-01 城乡居民养老保险参保登记（所需材料）")
    assert "　　＋材料：村委会证明" in seen[0]
    assert catalogue.current_version("SB-01").version == 1

    when_modal(lambda d: qtbot.mouseClick(by_name(d, "确认导入", QPushButton), Qt.MouseButton.LeftButton))
    assert page.import_from(path) is True
    assert catalogue.current_version("SB-01").version == 2


def test_malformed_import_is_refused_with_a_clear_message_and_changes_nothing(qtbot, page, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(catalogue_page.QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    path = tmp_path / "坏文件.json"
    path.write_text('{"format": "dutydesk-catalogue", "format_version": 1, "items": [{"code": "X"}]}',
                    encoding="utf-8")
    before = CatalogueVersion.select().count()
    assert page.import_from(path) is False
    assert "缺少名称" in shown[0] and "没有任何改动" in shown[0]
    assert CatalogueVersion.select().count() == before


def test_new_item_and_retire(qtbot, page, monkeypatch):
    qtbot.mouseClick(by_name(page, "新增事项", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(by_name(page, "事项编号", QLineEdit), "CW-02")
    type_text(qtbot, by_name(page, "事项名称", QLineEdit), "老年人优待证代办")
    by_name(page, "所需材料", QPlainTextEdit).setPlainText("居民身份证｜复印件｜1\n近期一寸照片｜原件｜2｜白底")
    qtbot.mouseClick(by_name(page, "保存为新版本", QPushButton), Qt.MouseButton.LeftButton)
    item = catalogue.current_version("CW-02").item
    assert [m.label() for m in item.materials] == ["居民身份证（复印件1份）", "近期一寸照片（原件2份）"]
    monkeypatch.setattr(catalogue_page.QInputDialog, "getText", lambda *_a: ("镇里统一办理", True))
    qtbot.mouseClick(by_name(page, "停用事项", QPushButton), Qt.MouseButton.LeftButton)
    assert "CW-02" not in {i.code for i in catalogue.current_items()}
