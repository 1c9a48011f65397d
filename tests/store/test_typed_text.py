"""V09: what is typed, scanned or imported reaches the books, and the searches, in one normal form."""

from __future__ import annotations

import pytest

from dutydesk.store import audit
from dutydesk.store.accounts.account import create_account
from dutydesk.store.duty.handover import add_note
from dutydesk.store.duty.staff import StaffInput, add_staff
from dutydesk.store.search_index import SearchFilter, search
from dutydesk.store.visits.resident_lookup import find_residents
from dutydesk.store.visits.residents import DuplicateResident, ResidentData, create_resident
from dutydesk.store.visits.visit import register_visit
from tests.store.conftest import draft

FULL_WIDTH_ID = "１１０１０５１９４９１２３１００２ｘ"


@pytest.fixture
def wang(desk):
    return create_resident(ResidentData("王\u200b五\u3000", id_number=FULL_WIDTH_ID,
                                        phones=["＋８６ １３８ ００１３ ８０００", "（０５７１）６３２８００００"],
                                        address="东村１２号", note="第一行\r\n第二行\x07"),
                           desk.who, desk.now())


def test_v09_resident_with_full_width_phone_and_id_is_stored_canonically(wang):
    assert wang.name == "王五" and wang.name_initials.split()[0] == "ww"
    assert wang.id_number == "11010519491231002X"
    assert wang.phones() == ["13800138000", "0571-63280000"]
    assert wang.address == "东村12号"
    assert wang.note == "第一行\n第二行"


def test_v09_full_width_id_is_recognised_as_the_same_person(desk, wang):
    with pytest.raises(DuplicateResident) as exc:
        create_resident(ResidentData("王五", id_number="11010519491231002X"), desk.who, desk.now())
    assert exc.value.by_id and exc.value.matches == [wang]


def test_v09_visit_contact_and_request_are_normalised(desk):
    visit = register_visit(draft(person_name="张三\u200b", contact="００８６１３８１２３４５６７８",
                                 request="咨询低保\r\n续办材料\x00"),
                           desk.who, desk.now(), desk.calendar())
    assert (visit.person_name, visit.contact, visit.request) == ("张三", "13812345678", "咨询低保\n续办材料")


def test_v09_staff_mobile_typed_full_width_is_accepted_and_stored_as_digits(desk):
    staff = add_staff(StaffInput("赵\u200b六", "文书", "１３９ ００００ １１１１"), desk.who, desk.now())
    assert (staff.name, staff.mobile) == ("赵六", "13900001111")


def test_v09_account_names_are_one_spelling(desk):
    create_account("张\u200b会计", "operator", desk.who, desk.now())
    with pytest.raises(ValueError, match="已存在"):
        create_account("张会计 ", "operator", desk.who, desk.now())


def test_v09_every_audited_write_drops_invisible_characters(desk):
    note = add_note(desk.now(), "其他", "村民反映路灯不亮\u200b，电话１３８", desk.who, desk.now())
    assert note.text == "村民反映路灯不亮，电话138"
    assert audit.history(note)[0].action == "create"


def test_v09_lookup_with_full_width_digits_finds_the_resident(wang):
    assert find_residents("１３８００") == [wang]
    assert find_residents("＋８６１３８") == [wang]
    assert find_residents("１１０１０５１９") == [wang]


def test_v09_lookup_of_a_landline_typed_without_hyphen(wang):
    assert find_residents("05716328") == [wang]
    assert find_residents("0571-6328") == [wang]


def test_v09_archive_search_with_full_width_digits(wang):
    assert [h.title for h in search("１３８００１３", SearchFilter())] == ["王五"]
    assert [h.title for h in search("ｗｗ", SearchFilter())] == ["王五"]


def test_v09_proxy_case_search_and_scanned_slip_with_full_width_digits(desk):
    from dutydesk.store.notices.proxy_cases import case_by_slip, cases_page
    from tests.notice_helpers import new_case, seed

    seed(desk)
    case = new_case(desk)
    number = case.slip_no[-6:]
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in number)
    assert [c.id for c in cases_page(0, 10, text=full_width)] == [case.id]
    assert case_by_slip(case.slip_no[:2].lower() + "".join(chr(ord(c) + 0xFEE0) for c in case.slip_no[2:])) == case
