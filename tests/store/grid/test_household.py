"""Households with head, members, key-person tags and codes; looking one up (G02, G03)."""

import pytest

from dutydesk.store import audit
from dutydesk.store.grid.household import (
    HouseholdDraft,
    HouseholdInvalid,
    add_member,
    create_household,
    find_households,
    household_by_code,
    households,
    households_without_area,
    members,
    remove_member,
)
from dutydesk.store.visits.residents import ResidentData, create_resident


def test_g02_household_has_head_members_tags_and_a_code(desk, village):
    add_member(village.h1, village.zhang_wife.id, "配偶", desk.who, desk.now())
    rows = members(village.h1)
    assert [(m.resident.name, m.relation) for m in rows] == [("张三", "户主"), ("刘梅", "配偶")]
    assert village.h1.code == "H0001" and village.h2.code == "H0002"
    assert village.h1.tag_list == ["低保户"]
    assert [h.code for h in households(village.area)] == ["H0001", "H0002"]


def test_g02_member_leaving_is_voided_not_deleted(desk, village):
    wife = add_member(village.h1, village.zhang_wife.id, "配偶", desk.who, desk.now())
    remove_member(wife, desk.who, desk.now(), "外嫁迁出")
    assert [m.resident.name for m in members(village.h1)] == ["张三"]
    assert wife.voided_at is not None and wife.void_reason == "外嫁迁出"
    with pytest.raises(HouseholdInvalid):
        remove_member(members(village.h1)[0], desk.who, desk.now(), "误")


def test_g02_unknown_tag_and_second_household_for_a_head_are_refused(desk, village):
    other = create_resident(ResidentData("王五"), desk.who, desk.now())
    with pytest.raises(HouseholdInvalid) as caught:
        create_household(HouseholdDraft(other.id, tags=["富豪"]), desk.who, desk.now())
    assert "富豪" in caught.value.errors["tags"]
    with pytest.raises(HouseholdInvalid) as caught:
        create_household(HouseholdDraft(village.zhang.id), desk.who, desk.now())
    assert caught.value.errors["head"] == "此人已是另一户的户主"


def test_g03_household_found_by_code_name_initials_address_and_member(desk, village):
    add_member(village.h1, village.zhang_wife.id, "配偶", desk.who, desk.now())
    assert [h.code for h in find_households("h0001")] == ["H0001"]
    assert [h.code for h in find_households("张三")] == ["H0001"]
    assert [h.code for h in find_households("zs")] == ["H0001"]
    assert [h.code for h in find_households("ls")] == ["H0002"]
    assert [h.code for h in find_households("三组15")] == ["H0002"]
    assert [h.code for h in find_households("刘梅")] == ["H0001"]  # a member leads to the household
    assert household_by_code(" h0002 ").id == village.h2.id


def test_g02_households_in_no_area_are_read_as_such(desk, village):
    """未划片区 on 片区与住户: the households in no area (a voided one not among them)."""
    wang = create_resident(ResidentData("王五", village_group="四组"), desk.who, desk.now())
    zhao = create_resident(ResidentData("赵六", village_group="四组"), desk.who, desk.now())
    loose = create_household(HouseholdDraft(wang.id, None, "四组", "青石村四组1号"), desk.who, desk.now())
    gone = create_household(HouseholdDraft(zhao.id, None, "四组", "青石村四组2号"), desk.who, desk.now())
    audit.void(gone, desk.who, desk.now(), "重复建户")
    assert [(h.code, h.head.name) for h in households_without_area()] == [(loose.code, "王五")]
