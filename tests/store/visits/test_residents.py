"""Residents: ID/phone recognition, duplicates, merge keeping both histories, initials lookup."""

from __future__ import annotations

import pytest

from dutydesk.store.audit import history
from dutydesk.store.visits.resident_lookup import lookup
from dutydesk.store.visits.resident_merge import merge_residents
from dutydesk.store.visits.residents import (
    DuplicateResident,
    Resident,
    ResidentData,
    ResidentInvalid,
    create_resident,
    name_initials,
)
from dutydesk.store.visits.visit import register_visit
from tests.store.conftest import draft


def test_name_initials_with_surname_readings():
    assert name_initials("张三") == "zs"
    assert name_initials("单田芳").split()[0] == "stf"  # the surname table decides the usual reading
    assert name_initials("曾小贤").split()[0] == "zxx"


def test_name_initials_index_every_reading():
    assert set(name_initials("单田芳").split()) == {"stf", "dtf", "ctf"}
    assert set(name_initials("朝阳").split()) == {"zy", "cy"}
    assert set(name_initials("曾小贤").split()) == {"zxx", "cxx"}


@pytest.mark.parametrize(("name", "typed"), [
    ("单田芳", "s"), ("单田芳", "stf"), ("单田芳", "dtf"), ("单田芳", "ctf"),
    ("王朝阳", "wzy"), ("王朝阳", "wcy"), ("刘行舟", "lxz"), ("刘行舟", "lhz"),
    ("曾小贤", "zxx"), ("曾小贤", "cxx"),
])
def test_either_reading_finds_the_person(desk, name, typed):
    create_resident(ResidentData("张三"), desk.who, desk.now())
    person = create_resident(ResidentData(name), desk.who, desk.now())
    found = [m.resident.id for m in lookup(typed)]
    assert person.id in found


def test_other_readings_come_after_the_usual_ones(desk):
    usual = create_resident(ResidentData("赵阳"), desk.who, desk.now())  # zy, one reading
    other = create_resident(ResidentData("朝阳"), desk.who, desk.now())  # cy, also zy
    assert [m.resident.id for m in lookup("zy")] == [usual.id, other.id]
    assert [m.resident.id for m in lookup("cy")] == [other.id]


def test_search_keys_hold_every_reading(desk):
    from dutydesk.store.search_index import search

    create_resident(ResidentData("单朝"), desk.who, desk.now())
    for typed in ("sz", "sc", "dz", "dc", "cc"):
        assert [h.title for h in search(typed)] == ["单朝"], typed


def test_id_number_derives_birth_and_gender(zhang):
    assert zhang.gender == "女" and str(zhang.birth_date) == "1949-12-31"
    assert zhang.masked_id == "110105********002X"
    assert zhang.phones() == ["13812345678"]
    assert zhang.name_initials == "zs"


def test_bad_id_and_phone_are_reported_per_field(desk):
    with pytest.raises(ResidentInvalid) as exc:
        create_resident(ResidentData("李四", id_number="110105194912310021", phones=["138123"]),
                        desk.who, desk.now())
    assert set(exc.value.errors) == {"id_number", "phones"}
    assert Resident.select().count() == 0


def test_same_id_is_refused_even_typed_in_15_digits(desk, zhang):
    with pytest.raises(DuplicateResident) as exc:
        create_resident(ResidentData("张叁", id_number="11010519491231002x"), desk.who, desk.now())
    assert exc.value.by_id and exc.value.matches == [zhang]


def test_shared_phone_needs_confirmation(desk, zhang):
    data = ResidentData("张小三", phones=["138 1234 5678"])
    with pytest.raises(DuplicateResident) as exc:
        create_resident(data, desk.who, desk.now())
    assert not exc.value.by_id
    son = create_resident(data, desk.who, desk.now(), allow_shared_phone=True)
    assert son.phones() == ["13812345678"]


def test_merge_keeps_both_histories(desk, zhang):
    other = create_resident(ResidentData("张三", phones=["13900001111"], address="青石村12号"),
                            desk.who, desk.now())
    cal = desk.calendar()
    v1 = register_visit(draft(resident_id=zhang.id), desk.who, desk.now(), cal)
    v2 = register_visit(draft(resident_id=other.id, contact="13900001111"), desk.who, desk.now(), cal)
    merge_residents(zhang, other, desk.who, desk.now())
    zhang = Resident.get_by_id(zhang.id)
    other = Resident.get_by_id(other.id)
    assert other.merged_into_id == zhang.id
    assert set(zhang.phones()) == {"13812345678", "13900001111"}
    assert zhang.address == "青石村12号"
    assert {v.id for v in zhang.visits} == {v1.id, v2.id}
    moved = [e for e in history(v2) if e.field == "resident"]
    assert moved[0].old_value == str(other.id) and moved[0].new_value == str(zhang.id)
    # The merged-away record no longer shows up in lookups.
    assert [m.resident.id for m in lookup("139")] == [zhang.id]


def test_lookup_by_phone_prefix_id_name_and_initials(desk, zhang):
    create_resident(ResidentData("李四", phones=["13912345678"]), desk.who, desk.now())
    create_resident(ResidentData("赵顺", phones=["0571-88886666"]), desk.who, desk.now())
    assert [m.resident.name for m in lookup("1381")] == ["张三"]
    assert [m.resident.name for m in lookup("0571-888")] == ["赵顺"]
    assert [m.resident.name for m in lookup("110105")] == ["张三"]
    assert [m.resident.name for m in lookup("张")] == ["张三"]
    assert sorted(m.resident.name for m in lookup("zs")) == ["张三", "赵顺"]
    assert [m.resident.name for m in lookup("ZS3")] == []
    assert lookup("") == []


def test_lookup_shows_last_visits_and_open_matters(desk, zhang):
    cal = desk.calendar()
    register_visit(draft(resident_id=zhang.id), desk.who, desk.now(), cal)
    register_visit(draft(resident_id=zhang.id, outcome="转办", result="", transfer_to="镇民政办",
                         transfer_contact="0571-63280000", deadline_kind="review"),
                   desk.who, desk.now(), cal)
    [match] = lookup("13812")
    assert len(match.last_visits) == 2
    assert match.open_count == 1


def test_old_single_reading_initials_are_refreshed(desk):
    from dutydesk.store.visits.resident_initials import refresh_name_initials

    person = create_resident(ResidentData("朝阳"), desk.who, desk.now())
    Resident.update(name_initials="cy").where(Resident.id == person.id).execute()  # as books before the change
    assert person.id not in [m.resident.id for m in lookup("zy")]
    assert refresh_name_initials() == 1
    assert person.id in [m.resident.id for m in lookup("zy")]
    assert refresh_name_initials() == 0
