"""V09: 查找群众 (F2) finds a resident by a phone however it is typed: the 86 / 0086 prefixes with or
without a dash, an area code in brackets; the same forms the masking and the stored numbers know."""

from __future__ import annotations

import pytest

from dutydesk.domain.phone import phone_prefix
from dutydesk.store.visits.resident_lookup import find_residents
from dutydesk.store.visits.residents import ResidentData, create_resident


@pytest.mark.parametrize(("typed", "prefix"), [
    ("8613822223333", "13822223333"), ("0086-13822223333", "13822223333"), ("+86-138-2222", "1382222"),
    ("(0571)88886666", "0571-88886666"), ("0571.8888", "0571-8888"), ("138-2222", "1382222"),
])
def test_v09_phone_prefix_reads_typed_forms(typed, prefix):
    assert phone_prefix(typed) == prefix


@pytest.mark.parametrize("typed", ["8613822223333", "0086-13822223333", "+86-138-2222-3333",
                                   "(0571)88886666", "0571-8888 6666", "110105-19491231-002x"])
def test_v09_lookup_finds_the_resident_however_the_number_is_typed(desk, typed):
    create_resident(ResidentData("周桂兰", id_number="11010519491231002X",
                                 phones=["13822223333", "0571-88886666"]), desk.who, desk.now())
    assert [r.name for r in find_residents(typed)] == ["周桂兰"]


@pytest.mark.parametrize("typed", ["8613822223333", "0086-13822223333", "+86 138 2222 3333",
                                   "８６１３８２２２２３３３３", "057188886666", "(0571)88886666", "0571 8888 6666"])
def test_v09_archive_search_finds_a_phone_however_it_is_typed(desk, typed):
    from dutydesk.store.search_index import search
    from dutydesk.store.visits.visit import VisitDraft, register_visit

    create_resident(ResidentData("周桂兰", phones=["13822223333", "0571-88886666"]), desk.who, desk.now())
    register_visit(VisitDraft(channel="来访", category="政策咨询", person_name="李四", contact="",
                              request="请回电 0571-88886666 或 13822223333", responder_name="李文书",
                              outcome="即办", result="已答复"), desk.who, desk.now(), desk.calendar())
    assert sorted(h.label for h in search(typed)) == ["居民档案", "来访记录"]


def test_v09_visit_and_slip_numbers_are_not_read_as_phones():
    from dutydesk.store.search_index import terms

    assert terms("2026-002682") == ["2026-002682"]
    assert terms("DB2026-000123 张三") == ["db2026-000123", "张三"]
