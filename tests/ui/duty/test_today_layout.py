"""The 今日 page's sign-in box stays small enough for the whereabouts board to fit a 1366×768
laptop (issue 13, screen fit): 值班人员 and 签到密码 share a line on a wide screen, the sign-in
book's buttons are compact, and the hint is one line with the rules in its tooltip (D05)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton

from dutydesk.ui import screen_fit
from dutydesk.ui.duty.today import TodayPage, arrival_hint
from dutydesk.ui.forms import push_button
from tests.duty_helpers import make_staff, put_on
from tests.ui.helpers import by_name

DAY = dt.date(2026, 11, 24)


def make_page(qtbot, desk, monkeypatch, wide: bool) -> TodayPage:
    monkeypatch.setattr(screen_fit, "TWO_COLUMNS_FROM", 0 if wide else 100_000)
    page = TodayPage(desk)
    qtbot.addWidget(page)
    page.resize(page.minimumSizeHint().expandedTo(QSize(1340, 580)))  # as the page scroll gives it
    page.show()
    qtbot.waitExposed(page)
    return page


def test_wide_screen_puts_person_and_pin_on_one_line_beside_the_big_buttons(app, qtbot, desk, monkeypatch):
    make_staff(desk)
    page = make_page(qtbot, desk, monkeypatch, wide=True)
    person, pin = by_name(page, "值班人员", QComboBox), by_name(page, "签到密码", QLineEdit)
    assert person.mapTo(page, person.rect().center()).y() == pin.mapTo(page, pin.rect().center()).y()
    proxy = by_name(page, "代签", QPushButton)
    sign_in = by_name(page, "签到", QPushButton)
    assert proxy.mapTo(page, proxy.rect().topLeft()).y() > pin.mapTo(page, pin.rect().bottomLeft()).y()
    assert proxy.mapTo(page, proxy.rect().topRight()).x() < sign_in.mapTo(page, sign_in.rect().topLeft()).x()


def test_narrow_screen_stacks_person_and_pin(app, qtbot, desk, monkeypatch):
    page = make_page(qtbot, desk, monkeypatch, wide=False)
    person, pin = by_name(page, "值班人员", QComboBox), by_name(page, "签到密码", QLineEdit)
    below = pin.mapTo(page, pin.rect().center()).y() - person.mapTo(page, person.rect().center()).y()
    assert below >= person.height() // 2
    assert pin.mapTo(page, pin.rect().topLeft()).x() == person.mapTo(page, person.rect().topLeft()).x()


def test_sign_in_book_buttons_are_compact_beside_the_big_sign_in_buttons(app, qtbot, desk, monkeypatch):
    page = make_page(qtbot, desk, monkeypatch, wide=True)
    big = by_name(page, "签到", QPushButton).height()
    usual = push_button("更新")
    page.layout().addWidget(usual)  # an ordinary button styled by the same theme
    for name in ("代签", "认定停签理由", "设置签到密码"):
        button = by_name(page, name, QPushButton)
        assert button.isVisible() and button.height() < big
        assert button.sizeHint().height() < usual.sizeHint().height()
        assert button.toolTip()  # what it is for, on hovering


def test_d05_hint_is_one_short_line_and_the_rules_are_in_its_tooltip(app, qtbot, desk, monkeypatch):
    s = make_staff(desk)
    put_on(desk, DAY, "am", s["王委员"])
    page = make_page(qtbot, desk, monkeypatch, wide=True)
    hint = page.arrival_hint
    assert isinstance(hint, QLabel)
    assert "请于班次开始前15分钟到岗" in hint.text()
    assert "停签后签到计缺勤" not in hint.text() and "停签后签到计缺勤" in hint.toolTip()
    assert "班次结束仍未签到计缺勤" in hint.toolTip()
    assert hint.heightForWidth(hint.width()) < 2 * hint.fontMetrics().lineSpacing()  # one line on a laptop


def test_d05_hint_names_the_pin_rule_and_what_a_late_sign_in_counts_as():
    short, rules = arrival_hint(20, late=True, pins=True)
    assert short == "签到须本人输入签到密码。请于班次开始前20分钟到岗。"
    assert "他人不能代签" in rules and "停签后签到计迟到" in rules and "计缺勤（" not in rules
