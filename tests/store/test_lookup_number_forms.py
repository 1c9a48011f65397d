"""V09: 查找群众 (F2) finds a resident by a phone however it is typed: the 86 / 0086 prefixes with or
without a dash, an area code in brackets; the same forms the masking and the stored numbers know."""

from __future__ import annotations

import pytest

from dutydesk.domain.phone import phone_prefix
from dutydesk.store.resident_lookup import find_residents
from dutydesk.store.residents import ResidentData, create_resident


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
