"""Monthly spot checks of the cadres' knowledge of their areas (G06)."""

import datetime as dt

import pytest

from dutydesk.domain.grid import spot_check as rules
from dutydesk.store.audit import history
from dutydesk.store.grid.household import add_member
from dutydesk.store.grid.household_visit import HouseholdVisitDraft, record_household_visit
from dutydesk.store.grid.spot_check import (
    Answer,
    SpotCheckInvalid,
    draw_month,
    items,
    record_answers,
    results,
)
from dutydesk.store.settings import set_setting

DAY = dt.date(2026, 11, 24)


def visit(desk, village):
    draft = HouseholdVisitDraft(dt.date(2026, 11, 20), village.h1.id, [village.member.id], found="家中正常")
    record_household_visit(draft, desk.who, desk.now(), desk.calendar())


def test_g06_draw_is_reproducible_from_its_recorded_seed():
    codes = [f"H{i:04d}" for i in range(1, 40)]
    first = rules.draw(codes, 3, 12345, "7")
    assert first == rules.draw(list(reversed(codes)), 3, 12345, "7")
    assert len(first) == 3 and set(first) <= set(codes)
    assert first != rules.draw(codes, 3, 12345, "8") or first != rules.draw(codes, 3, 54321, "7")


def test_g06_draw_once_a_month_per_area_owner_with_the_records_copied(desk, village):
    add_member(village.h1, village.zhang_wife.id, "配偶", desk.who, desk.now())
    visit(desk, village)
    [check] = draw_month(DAY, desk.who, desk.now(), seed=42)
    assert check.staff_id == village.member.id and check.seed == 42 and check.month == "2026-11"
    rows = {i.household.code: i for i in items(check)}
    assert set(rows) == {village.h1.code, village.h2.code}  # the area has only two households
    h1 = rows[village.h1.code]
    assert (h1.expected_head, h1.expected_members, h1.expected_tags, h1.expected_last_visit) == (
        "张三", 2, "低保户", dt.date(2026, 11, 20))
    assert rows[village.h2.code].expected_last_visit is None
    with pytest.raises(SpotCheckInvalid) as err:
        draw_month(DAY, desk.who, desk.now())
    assert "每月抽查一次" in err.value.errors["month"]


def test_g06_sample_size_is_a_setting(desk, village):
    set_setting(rules.SAMPLE_SIZE, 1, dt.date(2026, 11, 1), desk.who, desk.now())
    [check] = draw_month(DAY, desk.who, desk.now(), seed=7)
    assert len(items(check)) == 1


def test_g06_answers_scored_against_the_records_and_results_rated(desk, village):
    visit(desk, village)
    [check] = draw_month(DAY, desk.who, desk.now(), seed=1)
    rows = {i.household.code: i for i in items(check)}
    answers = {
        rows[village.h1.code].id: Answer("张 三", "1", "低保户", dt.date(2026, 11, 18)),  # all right
        rows[village.h2.code].id: Answer("李五", "2", "残疾人", dt.date(2026, 10, 1)),  # all wrong
    }
    record_answers(check, "镇组织办 周干事", DAY, answers, desk.who, desk.now())
    scored = {i.household.code: i for i in items(check)}
    h1, h2 = scored[village.h1.code], scored[village.h2.code]
    assert (h1.head_ok, h1.members_ok, h1.tags_ok, h1.visit_ok) == (True, True, True, True)
    assert (h2.head_ok, h2.members_ok, h2.tags_ok, h2.visit_ok) == (False, False, False, False)
    [result] = results("2026-11")
    assert (result.households, result.right, result.asked, result.rating) == (2, 4, 8, rules.EXPOSED)
    assert result.check.checker == "镇组织办 周干事" and result.areas == "三组片区"
    assert any(e.action == "update" for e in history(h1))  # the answers are an audited change


def test_g06_every_answer_right_is_a_red_flag_and_never_visited_counts(desk, village):
    [check] = draw_month(DAY, desk.who, desk.now(), seed=1)
    rows = {i.household.code: i for i in items(check)}
    record_answers(check, "周干事", DAY, {
        rows[village.h1.code].id: Answer("张三", "1人", "低保户", None),
        rows[village.h2.code].id: Answer("李四", "1", "无", None),
    }, desk.who, desk.now())
    [result] = results("2026-11")
    assert result.rating == rules.RED_FLAG and result.rate == 1.0


def test_g06_bad_answers_get_a_chinese_message(desk, village):
    [check] = draw_month(DAY, desk.who, desk.now(), seed=1)
    item = items(check)[0]
    with pytest.raises(SpotCheckInvalid) as err:
        record_answers(check, "", DAY, {item.id: Answer("张三", "1", "", None)}, desk.who, desk.now())
    assert err.value.errors == {"checker": "请填写抽查人"}
    with pytest.raises(SpotCheckInvalid) as err:
        record_answers(check, "周干事", DAY, {item.id: Answer("张三", "两", "", None)}, desk.who, desk.now())
    assert err.value.errors == {"members": "家庭人口请填数字"}
    assert not items(check)[0].answered  # nothing half written


def test_g06_nothing_to_draw_says_why(desk):
    with pytest.raises(SpotCheckInvalid) as err:
        draw_month(DAY, desk.who, desk.now())
    assert "没有可抽查的片区" in err.value.errors["month"]


def test_g06_the_recorded_seed_repeats_the_draw(desk, village):
    from dutydesk.store.grid.household import HouseholdDraft, create_household
    from dutydesk.store.visits.residents import ResidentData, create_resident

    for i in range(8):
        person = create_resident(ResidentData(f"住户{i}", village_group="三组"), desk.who, desk.now())
        create_household(HouseholdDraft(person.id, village.area.id, "三组", f"三组{i}号"), desk.who, desk.now())
    [check] = draw_month(DAY, desk.who, desk.now())
    drawn = [i.household.code for i in items(check)]
    assert len(drawn) == 3 and check.seed > 0
    codes = [h.code for h in village.area.households]
    assert rules.draw(codes, 3, check.seed, str(check.staff_id)) == drawn
