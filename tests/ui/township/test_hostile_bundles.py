"""The township window given a stick of hostile bundles (issue 16 point 4): each is listed with
its reason in Chinese, refused at import with nothing applied, and the window never shows a
traceback. Driven by accessible names, on SQLite and PostgreSQL."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QMessageBox, QPushButton, QTableWidget

from dutydesk.township.bundle_import import BundleRefusal
from dutydesk.township.township_books import village_months
from dutydesk.ui.township.bundle_import_dialog import BundleImportDialog
from tests.township.books.conftest import A, B, engine, hand_offs  # noqa: F401 (fixtures)
from tests.township.forge import forge, rows, village_key
from tests.ui.helpers import by_name, when_modal
from tests.ui.township.test_township_actions import books, open_window  # noqa: F401 (fixture)


def test_a_stick_of_hostile_bundles_is_refused_in_chinese(app, qtbot, books, hand_offs, tmp_path):  # noqa: F811
    stick = tmp_path / "stick"
    linked = forge(hand_offs.bundles[(A, "2026-10")], stick / "a" / "数据包", village_key(hand_offs, 1))
    (tmp_path / "elsewhere.jsonl").write_bytes((linked / "visit.jsonl").read_bytes())
    (linked / "visit.jsonl").unlink()
    (linked / "visit.jsonl").symlink_to(tmp_path / "elsewhere.jsonl")
    listed = [[1, 2], *rows(hand_offs.bundles[(B, "2026-10")], "visit.jsonl")]
    forge(hand_offs.bundles[(B, "2026-10")], stick / "b" / "数据包", village_key(hand_offs, 2),
          {"visit.jsonl": listed})
    window = open_window(qtbot, books)
    seen: dict[str, object] = {}

    def look_and_import(dialog):
        table = by_name(dialog, "数据包列表", QTableWidget)
        seen["states"] = sorted(table.item(r, 4).text() for r in range(table.rowCount()))
        by_name(dialog, "确认已核对", QCheckBox).setChecked(True)
        by_name(dialog, "导入", QPushButton).click()

    window.township_actions.choose_in = lambda parent: [stick]
    when_modal(look_and_import, kind=BundleImportDialog)
    when_modal(lambda box: (seen.setdefault("result", box.text()), box.accept()), kind=QMessageBox,
               timeout_ms=60000)
    window.township_actions.import_bundles()
    waiting, refused = sorted(seen["states"], key=lambda text: text.startswith("不能导入"))
    assert waiting == "待导入"  # the bad line shows only when applied
    assert refused.startswith("不能导入") and "不是普通文件" in refused
    result = str(seen["result"])
    assert result.count("拒绝导入") == 2 and "第1行不是一条记录" in result
    assert "Traceback" not in result and "Error" not in result
    assert village_months("2026-10") == [] and BundleRefusal.select().count() == 2
