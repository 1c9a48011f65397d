"""P04/P05: forms are signed by a person: 经办人 and 代办员 print the staff member's name, never an
account name such as 管理员 (issue 13)."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from dutydesk.reports import notice_records
from dutydesk.store.center import load_center
from dutydesk.store.duty.attendance import sign_in
from dutydesk.store.duty.staff_names import printed_name
from dutydesk.store.notices import notice as notices
from tests.duty_helpers import make_staff, put_on
from tests.notice_helpers import all_ticks, seed, version


def text_of(path) -> str:
    return "".join(p.extract_text() for p in PdfReader(str(path)).pages).replace(" ", "").replace("\n", "")


def test_p05_a_staff_name_is_printed_as_is_and_free_text_too(desk):
    make_staff(desk)
    assert printed_name("赵文书", desk.now()) == "赵文书"
    assert printed_name("临时帮忙的刘大姐", desk.now()) == "临时帮忙的刘大姐"
    assert printed_name("", desk.now()) == ""


def test_p04_an_account_name_becomes_blank_when_nobody_is_on_duty(desk):
    make_staff(desk)
    assert printed_name("管理员", desk.now()) == ""
    assert printed_name("王书记", desk.now()) == ""


def test_p04_an_account_name_becomes_the_staff_member_on_duty(desk, clock):
    staff = make_staff(desk)
    put_on(desk, clock.today(), "am", staff["钱村官"])
    clock.set(dt.datetime(2026, 11, 24, 8, 20))
    sign_in(staff["钱村官"], "管理员", clock.now())
    clock.set(dt.datetime(2026, 11, 24, 9, 30))
    assert printed_name("管理员", clock.now()) == "钱村官"


def test_p04_the_printed_notice_never_shows_the_account_name(desk, tmp_path):
    seed(desk)
    v = version("SB-01")
    notice = notices.record_notice(notices.ChecklistEntry(v, "张秀英", all_ticks(v)), "管理员", desk.now())
    text = text_of(notice_records.print_notice(notice, load_center(), tmp_path))
    assert "经办人（签字）：" in text and "管理员" not in text
