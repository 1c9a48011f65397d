"""Pure quota rules: windows and the green / amber / red judgement (G03, G04), G05 deadlines."""

import datetime as dt

from dutydesk.domain.grid.diary_deadline import TO_ANSWER, TO_REPORT, WORKDAYS, major_deadline
from dutydesk.domain.grid.period import first_year, months, window
from dutydesk.domain.grid.quota import mentoring_status, quota_status, workday_share_required
from dutydesk.domain.grid.roles import MAIN, OTHER, TOWNSHIP, cadre_kind, is_cadre
from dutydesk.domain.workday_calendar import WorkdayCalendar


def test_g03_windows():
    assert window("quarter", dt.date(2026, 11, 24)) == window("quarter", dt.date(2026, 10, 1))
    assert window("quarter", dt.date(2026, 11, 24)).end == dt.date(2026, 12, 31)
    assert len(months(window("year", dt.date(2026, 2, 1)))) == 12
    assert first_year(dt.date(2024, 2, 29)).end == dt.date(2025, 2, 27)


def test_g03_quota_status_follows_the_pace():
    span = window("month", dt.date(2026, 11, 1))  # 30 days
    assert quota_status(10, 0, span, dt.date(2026, 10, 31)) == "ok"
    assert quota_status(10, 5, span, dt.date(2026, 11, 15)) == "ok"
    assert quota_status(10, 3, span, dt.date(2026, 11, 15)) == "behind"
    assert quota_status(10, 2, span, dt.date(2026, 11, 15)) == "far_behind"
    assert quota_status(10, 0, span, dt.date(2026, 11, 2)) == "ok"  # not one household owed yet
    assert quota_status(10, 9, span, dt.date(2026, 12, 1)) == "far_behind"  # month over, short
    assert quota_status(10, 10, span, dt.date(2026, 11, 2)) == "ok"


def test_g03_roles_and_shares():
    assert cadre_kind("书记") == MAIN and cadre_kind("选派干部") == TOWNSHIP and cadre_kind("文书") == OTHER
    assert not is_cadre("协管员") and is_cadre("大学生村官")
    assert workday_share_required(250, [2, 3]) == 167
    assert mentoring_status(4, 3, 5) == "ok" and mentoring_status(6, 3, 5) == "behind"


def test_g05_major_deadline_in_calendar_or_working_days():
    calendar = WorkdayCalendar()
    friday = dt.date(2026, 11, 27)
    assert major_deadline(calendar, friday, None, None, 2, 3).due == dt.date(2026, 11, 29)
    step = major_deadline(calendar, friday, None, None, 2, 3, WORKDAYS)
    assert (step.stage, step.due) == (TO_REPORT, dt.date(2026, 12, 1))
    step = major_deadline(calendar, friday, friday, None, 2, 3)
    assert (step.stage, step.due) == (TO_ANSWER, dt.date(2026, 11, 30))


def test_g02_g04_tags_split_and_difficulty():
    from dutydesk.domain.grid.key_persons import DEFAULT_DIFFICULTY, in_difficulty, split_tags

    assert split_tags("低保户、残疾人，低保户 大病") == ["低保户", "残疾人", "大病"]
    assert in_difficulty(["退役军人", "孤寡老人"], DEFAULT_DIFFICULTY)
    assert not in_difficulty(["退役军人"], DEFAULT_DIFFICULTY)
