"""D16: the residents' annual satisfaction rating feeds each cadre's year assessment."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.domain.assessment import SurveyCounts, satisfaction_rate
from dutydesk.store.duty.satisfaction import SatisfactionSurvey, SurveyError, record_survey, year_assessment
from tests.duty_helpers import make_staff, put_on


def test_d16_satisfaction_rate_counts_satisfied_and_basic():
    assert satisfaction_rate(SurveyCounts(200, 150, 40, 10)) == 95.0


def test_d16_counts_must_add_up_and_nothing_is_saved_otherwise(desk):
    with pytest.raises(SurveyError) as err:
        record_survey(2026, None, SurveyCounts(100, 80, 10, 5), "", "测试", desk.now())
    assert "应等于参评人数（100）" in err.value.errors["satisfied"]
    assert SatisfactionSurvey.select().count() == 0


def test_d16_year_assessment_carries_attendance_and_rating(desk):
    s = make_staff(desk)
    put_on(desk, dt.date(2026, 3, 2), "am", s["钱村官"])
    record_survey(2026, None, SurveyCounts(100, 80, 10, 10), "村民代表测评", "测试", desk.now())
    record_survey(2026, s["钱村官"], SurveyCounts(50, 45, 5, 0), "", "测试", desk.now())
    rows = {r.name: r for r in year_assessment(2026, desk.now())}
    assert rows["钱村官"].absent == 1 and rows["钱村官"].penalty == 100
    assert rows["钱村官"].satisfaction == 100.0
    assert rows["赵文书"].satisfaction == 90.0
