"""Issue 16: 导出到U盘 puts the signed bundle beside the ledgers and says so; without a division
code it says what to fill in."""

from __future__ import annotations

import dataclasses

from dutydesk.reports.handoff import Drive
from dutydesk.store.center import load_center, save_center
from dutydesk.township.bundle import verify_bundle
from dutydesk.ui.ledger_export import HandoffDialog
from dutydesk.ui.prefs import UiPrefs
from tests.ui.helpers import by_name
from tests.ui.test_ledger_export import choose_only, click, message, toggle


def _export(qtbot, desk, stick):
    dialog = HandoffDialog(desk, UiPrefs(desk.folder.ui_settings_path), drives=[Drive(stick, "KINGSTON")])
    qtbot.addWidget(dialog)
    dialog.show()
    choose_only(qtbot, dialog, {"来访接待登记台账"})
    pdf = by_name(dialog, "PDF")
    if pdf.isChecked():
        toggle(qtbot, pdf)
    click(qtbot, dialog, "导出")
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    return dialog


def test_handoff_dialog_adds_the_signed_bundle(qtbot, app, desk, tmp_path):
    save_center(dataclasses.replace(load_center(), division_code="350425100201"), "测试", desk.now())
    dialog = _export(qtbot, desk, tmp_path)
    assert "另附交镇（街道）的数据包（已签名）" in message(dialog)
    assert verify_bundle(dialog.result.bundle).center_code == "350425100201"


def test_handoff_dialog_without_code_says_what_to_fill_in(qtbot, app, desk, tmp_path):
    dialog = _export(qtbot, desk, tmp_path)
    assert "未附数据包" in message(dialog) and "统计用区划代码" in message(dialog)
    assert dialog.result.bundle is None
