"""工具 → 网格走访设置: the regulations' defaults shown, bad values refused beside their field,
a change applied from its date (G03, G04, G05)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox

from dutydesk.domain.grid import diary_deadline, quota
from dutydesk.store.settings import get_setting
from dutydesk.ui.grid.settings_dialog import GridSettingsDialog
from tests.ui.helpers import by_name


def test_g03_g05_settings_show_the_seeds_defaults_and_save_from_a_day(qtbot, app, desk):
    dialog = GridSettingsDialog(desk)
    qtbot.addWidget(dialog)
    monthly = by_name(dialog, "村主干每月入户走访不少于（户）", QSpinBox)
    assert monthly.value() == 10
    assert by_name(dialog, "重大民情上报时限（天）", QSpinBox).value() == 2
    assert by_name(dialog, "领导拿出处理意见时限（天）", QSpinBox).value() == 3
    share = by_name(dialog, "社区干部每年入户天数不少于全年工作日的（分数，分子/分母）", QLineEdit)
    assert share.text() == "2/3"
    share.setText("3/2")
    by_name(dialog, "有帮带能力的干部联系帮带农户不少于（户）", QSpinBox).setValue(6)
    assert not dialog.save()
    assert dialog.fields[quota.COMMUNITY_WORKDAY_SHARE.key].error_text == "请写成“分子/分母”，如 2/3"
    assert dialog.fields[quota.MENTOR_MAX.key].error_text == "帮带户数上限不能小于下限"
    share.setText("2/3")
    by_name(dialog, "有帮带能力的干部联系帮带农户不少于（户）", QSpinBox).setValue(3)
    monthly.setValue(8)
    kind = by_name(dialog, "重大民情时限按自然日或工作日计算", QComboBox)
    kind.setCurrentIndex(kind.findData(diary_deadline.WORKDAYS))
    assert dialog.save() and dialog.changed_count == 2
    assert get_setting(quota.MAIN_MONTHLY, desk.today()) == 8
    assert get_setting(quota.MAIN_MONTHLY, desk.today() - dt.timedelta(days=1)) == 10  # the past keeps 10
    assert get_setting(diary_deadline.DAY_KIND, desk.today()) == "workdays"


def test_long_rule_labels_never_make_the_settings_scroll_sideways(qtbot, app, desk):
    """A field beside a long label would sit right of the visible part (issue 13: screen fit)."""
    from PySide6.QtWidgets import QCheckBox, QScrollArea

    dialog = GridSettingsDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    scroll = dialog.findChild(QScrollArea)
    assert scroll.horizontalScrollBar().maximum() == 0
    for box in scroll.widget().findChildren(QCheckBox):
        assert box.mapTo(scroll.viewport(), box.rect().topRight()).x() <= scroll.viewport().width()
