"""The annual satisfaction survey (满意度测评, D16) and the year's assessment rows it feeds."""

from __future__ import annotations

import datetime as dt

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from dutydesk.domain.assessment import SurveyCounts, YearAssessment, satisfaction_rate, validate_survey
from dutydesk.domain.field_errors import FieldErrors
from dutydesk.store import audit
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel
from dutydesk.store.duty.staff import Staff


class SatisfactionSurvey(BaseModel, VoidableMixin):
    year = IntegerField()
    staff = ForeignKeyField(Staff, null=True)  # None: the desk as a whole
    respondents = IntegerField()
    satisfied = IntegerField()
    basic = IntegerField()
    unsatisfied = IntegerField()
    note = TextField(default="")
    recorded_at = DateTimeField()
    recorded_by = CharField()

    @property
    def counts(self) -> SurveyCounts:
        return SurveyCounts(self.respondents, self.satisfied, self.basic, self.unsatisfied)


class SurveyError(FieldErrors):
    """Survey counts that cannot be recorded, per form field."""


def record_survey(year: int, staff: Staff | None, counts: SurveyCounts, note: str, who: str,
                  at: dt.datetime) -> SatisfactionSurvey:
    errors = validate_survey(counts)
    if year > at.year:
        errors["year"] = "不能登记未来年度的测评"
    if errors:
        raise SurveyError(errors)
    return audit.create(SatisfactionSurvey, who, at, year=year, staff=staff, respondents=counts.respondents,
                        satisfied=counts.satisfied, basic=counts.basic, unsatisfied=counts.unsatisfied,
                        note=note.strip(), recorded_at=at, recorded_by=who)


def surveys(year: int) -> list[SatisfactionSurvey]:
    return list(SatisfactionSurvey.select().where((SatisfactionSurvey.year == year)
                                                  & SatisfactionSurvey.voided_at.is_null())
                .order_by(SatisfactionSurvey.id))


def desk_rate(year: int) -> float | None:
    """The newest whole-desk rating of the year."""
    rows = [s for s in surveys(year) if s.staff_id is None]
    return satisfaction_rate(rows[-1].counts) if rows else None


def year_assessment(year: int, now: dt.datetime) -> list[YearAssessment]:
    """D16: each cadre's year — attendance totals and the satisfaction rating — for the annual assessment."""
    from dutydesk.store.duty.tally import month_tally

    rows: dict[int, YearAssessment] = {}
    last_month = 12 if year < now.year else now.month
    for month in range(1, last_month + 1):
        for t in month_tally(year, month, now):
            r = rows.setdefault(t.staff_id, YearAssessment(t.staff_id, t.name, t.role, year))
            r.scheduled += t.scheduled
            r.worked += t.worked
            r.late += t.late
            r.absent += t.absent
            r.findings += t.findings
            r.penalty += t.total_penalty
    overall = desk_rate(year)
    own = {s.staff_id: satisfaction_rate(s.counts) for s in surveys(year) if s.staff_id is not None}
    for r in rows.values():
        r.satisfaction = own.get(r.staff_id, overall)
    return sorted(rows.values(), key=lambda r: r.staff_id)
