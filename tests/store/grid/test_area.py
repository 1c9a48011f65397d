"""Areas: an owner and a covering partner (G01)."""

import datetime as dt

import pytest

from dutydesk.store.audit import history
from dutydesk.store.duty.whereabouts import set_whereabouts
from dutydesk.store.grid.area import AreaDraft, AreaInvalid, change_area, create_area, responsible, responsible_label


def test_g01_owner_is_responsible_while_at_work(desk, village):
    set_whereabouts(village.member, "下村入户", "", desk.who, desk.now())
    who = responsible(village.area, desk.now())
    assert who.staff.id == village.member.id and not who.covering
    assert responsible_label(village.area, desk.now()) == "赵委员"


@pytest.mark.parametrize("status", ["请假", "公出"])
def test_g01_partner_covers_while_owner_on_leave_or_away(desk, village, clock, status):
    set_whereabouts(village.member, status, "", desk.who, desk.now())
    clock.advance(hours=1)
    who = responsible(village.area, desk.now())
    assert who.staff.id == village.clerk.id and who.covering
    assert responsible_label(village.area, desk.now()) == f"李文书（赵委员{status}，交叉负责）"
    set_whereabouts(village.member, "在岗", "", desk.who, desk.now())
    assert responsible(village.area, desk.now()).staff.id == village.member.id


def test_g01_area_needs_an_owner_and_a_different_partner(desk, village):
    with pytest.raises(AreaInvalid) as caught:
        create_area(AreaDraft("", None), desk.who, desk.now())
    assert set(caught.value.errors) == {"name", "owner"}
    with pytest.raises(AreaInvalid) as caught:
        create_area(AreaDraft("四组片区", village.member.id, village.member.id), desk.who, desk.now())
    assert "partner" in caught.value.errors
    with pytest.raises(AreaInvalid):
        create_area(AreaDraft("三组片区", village.clerk.id), desk.who, desk.now())


def test_g01_new_partner_keeps_the_old_one_in_history(desk, village):
    change_area(village.area, AreaDraft("三组片区", village.member.id, village.secretary.id, "三组"),
                desk.who, desk.now() + dt.timedelta(hours=1), "李文书调岗")
    entries = [e for e in history(village.area) if e.field == "partner_id" or e.field == "partner"]
    assert entries and entries[-1].old_value == str(village.clerk.id)
