"""Household visits and the needs they raise, which become matters of 来访登记 (G03)."""

import datetime as dt

import pytest

from dutydesk.store.grid.household_visit import (
    HouseholdVisitDraft,
    HouseholdVisitInvalid,
    NeedDraft,
    area_ledger,
    needs,
    recent_lines,
    recent_visits,
    record_household_visit,
    visits_of_household,
    void_household_visit,
)
from dutydesk.store.visits.visit import Visit


def test_g03_need_raised_on_a_visit_becomes_a_matter_with_its_deadline(desk, village):
    draft = HouseholdVisitDraft(dt.date(2026, 11, 24), village.h1.id, [village.member.id, village.clerk.id],
                                "走访", "老人腿脚不便，屋顶漏雨", [NeedDraft("申请危房改造补助")])
    visit = record_household_visit(draft, desk.who, desk.now(), desk.calendar())
    assert visit.cadre_names == "赵委员、李文书"
    [need] = needs(visit)
    matter = Visit.get_by_id(need.matter_id)
    assert (matter.channel, matter.person_name, matter.responder_name) == ("入户走访", "张三", "赵委员")
    assert matter.resident_id == village.zhang.id and matter.request == "申请危房改造补助"
    # 需审核: two working days after Tuesday 24 November 2026
    assert matter.deadline == dt.date(2026, 11, 26)
    assert matter.status == "pending" and matter.is_open


def test_g03_need_kept_on_the_visit_only(desk, village):
    draft = HouseholdVisitDraft(dt.date(2026, 11, 20), village.h1.id, [village.member.id], "回访", "",
                                [NeedDraft("想了解医保缴费", register=False)])
    visit = record_household_visit(draft, desk.who, desk.now(), desk.calendar())
    assert [n.text for n in needs(visit)] == ["想了解医保缴费"] and needs(visit)[0].matter_id is None
    assert Visit.select().count() == 0


def test_g03_visit_needs_household_cadre_and_what_was_found(desk, village):
    with pytest.raises(HouseholdVisitInvalid) as caught:
        record_household_visit(HouseholdVisitDraft(dt.date(2026, 11, 25), None, []), desk.who, desk.now(),
                               desk.calendar())
    assert set(caught.value.errors) == {"household", "day", "cadres", "found"}


def test_g03_a_need_that_cannot_be_registered_saves_nothing(desk, village):
    draft = HouseholdVisitDraft(dt.date(2026, 11, 24), village.h1.id, [village.member.id], "走访", "情况正常",
                                [NeedDraft("转给镇民政办", outcome="转办")])  # no transfer unit given
    with pytest.raises(HouseholdVisitInvalid) as caught:
        record_household_visit(draft, desk.who, desk.now(), desk.calendar())
    assert "转办须填写承办人或单位" in caught.value.errors["needs"]
    assert visits_of_household(village.h1) == [] and Visit.select().count() == 0


def test_g02_area_work_ledger_lists_its_visits(desk, village):
    for day in (dt.date(2026, 11, 2), dt.date(2026, 11, 20)):
        record_household_visit(HouseholdVisitDraft(day, village.h2.id, [village.member.id], "走访", "正常"),
                               desk.who, desk.now(), desk.calendar())
    found = recent_visits(dt.date(2026, 11, 1), dt.date(2026, 11, 30), area_id=village.area.id)
    assert [v.day for v in found] == [dt.date(2026, 11, 20), dt.date(2026, 11, 2)]
    assert recent_visits(dt.date(2026, 11, 1), dt.date(2026, 11, 30), staff_id=village.clerk.id) == []


def test_g02_area_ledger_rows_are_the_area_s_visits_newest_first(desk, village):
    """The ledger the 片区与住户 page shows, read as plain rows: its cadres, kind and finding (issue 17)."""
    for day, household, cadres in ((dt.date(2026, 11, 2), village.h2, [village.member.id]),
                                   (dt.date(2026, 11, 20), village.h1, [village.member.id, village.clerk.id]),
                                   (dt.date(2026, 11, 21), village.h1, [village.clerk.id])):
        visit = record_household_visit(HouseholdVisitDraft(day, household.id, cadres, "走访", f"{day:%d}日正常"),
                                       desk.who, desk.now(), desk.calendar())
    void_household_visit(visit, desk.who, desk.now(), "录错了")
    assert area_ledger(dt.date(2026, 11, 1), dt.date(2026, 11, 30), village.area.id) == [
        (dt.date(2026, 11, 20), "张三", "走访", "赵委员、李文书", "20日正常"),
        (dt.date(2026, 11, 2), "李四", "走访", "赵委员", "02日正常")]
    assert area_ledger(dt.date(2026, 11, 3), dt.date(2026, 11, 19), village.area.id) == []


def test_g03_recent_lines_are_the_village_s_visits_with_cadres_and_needs(desk, village):
    """入户走访's list read as plain rows: every household's visits in the days, newest first (issue 17)."""
    first = record_household_visit(HouseholdVisitDraft(dt.date(2026, 11, 2), village.h2.id, [village.member.id],
                                                       "回访", "正常"), desk.who, desk.now(), desk.calendar())
    second = record_household_visit(HouseholdVisitDraft(
        dt.date(2026, 11, 20), village.h1.id, [village.member.id, village.clerk.id], "走访", "屋顶漏雨",
        [NeedDraft("申请危房改造", register=False), NeedDraft("想了解医保缴费", register=False)]),
        desk.who, desk.now(), desk.calendar())
    assert recent_lines(dt.date(2026, 11, 1), dt.date(2026, 11, 30)) == [
        (second.id, dt.date(2026, 11, 20), "H0001", "张三", "走访", "赵委员、李文书", "屋顶漏雨",
         "申请危房改造；想了解医保缴费"),
        (first.id, dt.date(2026, 11, 2), "H0002", "李四", "回访", "赵委员", "正常", "")]
    void_household_visit(first, desk.who, desk.now(), "录错了")
    assert [line[0] for line in recent_lines(dt.date(2026, 11, 1), dt.date(2026, 11, 30))] == [second.id]
