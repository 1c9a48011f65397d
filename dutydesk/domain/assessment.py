"""The year's duty record per cadre with the residents' satisfaction rating (D14, D16).

Each year residents rate the desk's service; the rate, together with the year's attendance,
feeds the cadres' annual assessment (年度考核).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SurveyCounts:
    respondents: int
    satisfied: int
    basic: int
    unsatisfied: int


def validate_survey(c: SurveyCounts) -> dict[str, str]:
    errors: dict[str, str] = {}
    if c.respondents <= 0:
        errors["respondents"] = "参评人数应大于0"
    elif c.satisfied + c.basic + c.unsatisfied != c.respondents:
        errors["satisfied"] = (f"满意、基本满意、不满意之和（{c.satisfied + c.basic + c.unsatisfied}）"
                               f"应等于参评人数（{c.respondents}）")
    return errors


def satisfaction_rate(c: SurveyCounts) -> float:
    """D16: share of residents satisfied or basically satisfied (满意率), 0-100."""
    if c.respondents <= 0:
        return 0.0
    return round(100 * (c.satisfied + c.basic) / c.respondents, 1)


@dataclass
class YearAssessment:
    staff_id: int
    name: str
    role: str
    year: int
    scheduled: int = 0
    worked: int = 0
    late: int = 0
    absent: int = 0
    findings: int = 0
    penalty: int = 0
    satisfaction: float | None = None  # the cadre's own rating, else the desk's
