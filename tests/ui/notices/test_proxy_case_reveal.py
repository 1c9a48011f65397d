"""V09 in 代办跟踪: the person's phone and numbers in the steps are masked for everyone, directors
included; a director's 显示完整号码 shows them and is logged, operators have no such button."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton

from dutydesk.store.accounts.account import Account
from dutydesk.store.privacy import reveals
from dutydesk.ui.notices.proxy_case_page import CasePage
from tests.notice_helpers import new_case, seed
from tests.ui.helpers import by_name
from tests.ui.test_masked_screens import visible_texts


def make_page(qtbot, desk) -> CasePage:
    page = CasePage(desk, lambda case, again: None, lambda: None)
    qtbot.addWidget(page)
    return page


def test_v09_director_sees_the_case_masked_until_a_logged_reveal(qtbot, app, desk):
    seed(desk)
    case = new_case(desk, name="周桂兰")  # phone 13812345678
    desk.account = Account.get(Account.name == "王书记")
    page = make_page(qtbot, desk)
    page.show_case(case)
    assert "138****5678" in by_name(page, "代办单详情").text()
    assert not [t for t in visible_texts(page) if "13812345678" in "".join(t.split())]
    by_name(page, "显示完整号码").click()
    assert "13812345678" in by_name(page, "代办单详情").text()
    (entry,) = reveals()
    assert entry.exported_by == "王书记" and case.slip_no in entry.what
    assert not by_name(page, "显示完整号码").isEnabled()


def test_v09_operator_has_no_reveal_in_the_case_page(qtbot, app, desk):
    seed(desk)
    case = new_case(desk, name="周桂兰")  # phone 13812345678
    desk.account = Account.get(Account.name == "李文书")
    page = make_page(qtbot, desk)
    page.show_case(case)
    assert "138****5678" in by_name(page, "代办单详情").text()
    assert not [b for b in page.findChildren(QAbstractButton) if b.text() == "显示完整号码" and b.isVisibleTo(page)]
