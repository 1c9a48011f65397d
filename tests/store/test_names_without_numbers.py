"""V09: a phone or ID number typed into a name field is refused with a message beside the field.

Free text (requests, results, notes) is masked wherever it is shown; names are not, because a name
is what identifies the record on every list, slip, ledger and search title. A careless
``张三 13912345678`` in 姓名 would therefore be shown and printed in full: it is refused instead,
and nothing is saved.
"""

from __future__ import annotations

import pytest

from dutydesk.domain.personal_numbers import NAME_HOLDS_NUMBER, name_number_error
from dutydesk.store.notices import proxy_cases
from dutydesk.store.notices.notice import ChecklistEntry, NoticeInvalid, NoticeRecord, record_notice
from dutydesk.store.notices.proxy_cases import CaseInvalid, NewCase, ProxyCase
from dutydesk.store.visits.residents import Resident, ResidentData, ResidentInvalid, create_resident
from dutydesk.store.visits.visit import Visit, VisitDraft, VisitInvalid, register_visit
from tests.notice_helpers import all_ticks, seed, version

NAMES_WITH_NUMBERS = ["张三13912345678", "张三 139 1234 5678", "李四 110105 19900307 123x", "王五＋86 13912345678"]


@pytest.mark.parametrize("name", NAMES_WITH_NUMBERS)
def test_v09_a_name_holding_a_phone_or_id_is_refused(name):
    assert name_number_error(name) == NAME_HOLDS_NUMBER


@pytest.mark.parametrize("name", ["张三", "王桂兰（三组）", "李四 2组", "赵六之子"])
def test_v09_ordinary_names_pass(name):
    assert name_number_error(name) is None


def test_v09_visit_with_a_number_in_the_name_is_not_saved(desk):
    draft = VisitDraft(channel="来访", category="政策咨询", person_name="张三 139 1234 5678", contact="",
                       request="咨询低保", responder_name="李文书", outcome="即办", result="已答复")
    with pytest.raises(VisitInvalid) as caught:
        register_visit(draft, desk.who, desk.now(), desk.calendar())
    assert caught.value.errors["person_name"] == NAME_HOLDS_NUMBER
    assert Visit.select().count() == 0


def test_v09_resident_with_a_number_in_the_name_is_not_saved(desk):
    with pytest.raises(ResidentInvalid) as caught:
        create_resident(ResidentData("周桂兰13822223333"), desk.who, desk.now())
    assert caught.value.errors["name"] == NAME_HOLDS_NUMBER
    assert Resident.select().count() == 0


def test_v09_notice_and_proxy_slip_with_a_number_in_the_name_are_not_saved(desk):
    seed(desk)
    item = version("SB-01")
    with pytest.raises(NoticeInvalid) as caught:
        record_notice(ChecklistEntry(item, "张秀英 110105199003071234", all_ticks(item)), desk.who, desk.now())
    assert caught.value.errors["person_name"] == NAME_HOLDS_NUMBER
    with pytest.raises(CaseInvalid) as caught:
        proxy_cases.create_case(NewCase(item, "张秀英13912345678", all_ticks(item), agent="李文书"),
                                desk.who, desk.now(), desk.calendar())
    assert caught.value.errors["person_name"] == NAME_HOLDS_NUMBER
    assert NoticeRecord.select().count() == 0 and ProxyCase.select().count() == 0
