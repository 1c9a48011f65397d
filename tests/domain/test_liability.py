"""D14: joint liability roles, admonition talks and consecutive findings (seed 000)."""

from __future__ import annotations

import datetime as dt

from dutydesk.domain import liability
from dutydesk.domain.attendance import PenaltyRules, apply_penalties
from dutydesk.domain.duty_settings import FINDING_THRESHOLD, JOINT_LIABILITY, PENALTIES
from dutydesk.domain.staff import ASSISTANT_ROLES
from dutydesk.domain.tally import TallyRow

MONTH = dt.datetime(2026, 11, 1)


def check(day: int, staff_id: int, found: bool, month: int = 11) -> liability.Check:
    return liability.Check(dt.datetime(2026, month, day, 8, 30), staff_id, found)


def test_d14_seed_defaults_pinned():
    """D14: 200 for 书记/主任/副书记, 100 other cadres, 50 assistants, 100 joint, 3 consecutive."""
    assert {r: PENALTIES.default[r] for r in ("书记", "主任", "副书记")} == {"书记": 200, "主任": 200, "副书记": 200}
    assert {PENALTIES.default[r] for r in ("两委委员", "文书", "大学生村官", "选派干部")} == {100}
    assert {PENALTIES.default[r] for r in ("协管员", "社保员")} == {50}
    assert JOINT_LIABILITY.default == 100 and FINDING_THRESHOLD.default == 3
    assert liability.JOINT_LIABILITY_ROLES.default == ["书记", "主任", "副书记"]
    assert liability.ADMONITION_ROLES.default == ["书记", "主任"]
    assert liability.FINDING_COUNT_MODE.default == liability.CONSECUTIVE


def test_d14_a_held_session_breaks_the_run():
    checks = [check(2, 7, True), check(3, 7, False), check(4, 7, True), check(5, 7, True)]
    people, village = liability.consecutive_findings(checks, MONTH)
    assert people[7] == 2 and village == 2
    people, _ = liability.consecutive_findings([*checks, check(6, 7, True)], MONTH)
    assert people[7] == 3


def test_d14_run_begun_last_month_counts_one_ended_last_month_does_not():
    begun = [check(29, 7, True, 10), check(30, 7, True, 10), check(2, 7, True)]
    assert liability.consecutive_findings(begun, MONTH)[0][7] == 3
    ended = [check(27, 7, True, 10), check(28, 7, True, 10), check(29, 7, True, 10), check(2, 7, False)]
    assert liability.consecutive_findings(ended, MONTH)[0][7] == 0


def test_d14_village_run_counts_any_absence_in_a_session_once():
    # Two people on the same sessions: the village is found each time one of them is absent.
    checks = [check(2, 1, False), check(2, 2, True), check(3, 1, True), check(3, 2, False),
              check(4, 1, False), check(4, 2, True)]
    people, village = liability.consecutive_findings(checks, MONTH)
    assert people == {1: 1, 2: 1} and village == 3


def test_d14_flags_assistant_resigns_admonition_roles_for_the_village():
    roles, assistants = ["书记", "主任"], ASSISTANT_ROLES
    assert liability.flag_for("协管员", 3, 3, 3, roles, assistants) == "劝辞"
    assert liability.flag_for("文书", 3, 3, 3, roles, assistants) == "诫勉谈话"
    assert liability.flag_for("书记", 0, 3, 3, roles, assistants) == "诫勉谈话"
    assert liability.flag_for("副书记", 0, 3, 3, roles, assistants) == ""
    assert liability.flag_for("副书记", 0, 3, 3, [*roles, "副书记"], assistants) == "诫勉谈话"
    assert liability.flag_for("书记", 0, 2, 3, roles, assistants) == ""


def test_d14_deputy_secretary_bears_joint_liability_by_default():
    rules = PenaltyRules(amounts=dict(PENALTIES.default), joint_liability=100, threshold=3, county_multiplier=2)
    rows = [TallyRow(1, "张书记", "书记", "2026-11"), TallyRow(2, "陈副书记", "副书记", "2026-11", absent=1),
            TallyRow(3, "周协管", "协管员", "2026-11", absent=2),
            TallyRow(4, "钱村官", "大学生村官", "2026-11", absent=1)]
    apply_penalties(rows, {}, rules, {}, {}, ({3: 2}, 2))
    by = {r.name: r for r in rows}
    assert [by[n].penalty for n in ("张书记", "陈副书记", "周协管", "钱村官")] == [0, 200, 100, 100]
    # Joint liability: 100 for each absence of someone not in a liable role (3 here).
    assert by["张书记"].joint_liability == 300 and by["陈副书记"].joint_liability == 300
    assert by["钱村官"].joint_liability == 0
    assert all(r.flag == "" for r in rows)  # runs of 2: under the threshold of 3


def test_d14_half_year_mode_counts_the_total():
    rules = PenaltyRules(amounts=dict(PENALTIES.default), joint_liability=100, threshold=3, county_multiplier=2,
                         count_mode=liability.HALF_YEAR)
    rows = [TallyRow(1, "张书记", "书记", "2026-11"), TallyRow(3, "周协管", "协管员", "2026-11", absent=1)]
    apply_penalties(rows, {}, rules, {3: 2}, {}, ({3: 1}, 1))
    assert [r.flag for r in rows] == ["诫勉谈话", "劝辞"]
