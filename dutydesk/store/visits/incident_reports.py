"""Reports of incidents upward (V06): both recipients for every matter, one record per major matter,
late reports flagged.

Registering an incident (``visits.register_visit``) reports the incident itself to the committee
leaders and the township party committee; a major matter that comes up later is reported on its
own ("一事一报") with ``report_major_matter``, never folded into an earlier report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dutydesk.domain import incident
from dutydesk.store import audit
from dutydesk.store.base import database
from dutydesk.store.settings import get_setting
from dutydesk.store.visits.visit import IncidentReport, Visit, VisitInvalid


@dataclass(frozen=True)
class ReportLine:
    """One report as staff read it, with its late flag."""

    report: IncidentReport
    late: str  # "" or the Chinese flag


def report_major_matter(visit: Visit, matter: str, matter_at: dt.datetime | None,
                        reports: list[incident.IncidentReportDraft], who: str, at: dt.datetime) -> list[IncidentReport]:
    """V06: one major matter of an incident, reported to both recipients (and the police when they
    were told), as records of its own."""
    errors: dict[str, str] = {}
    if visit.category != "突发事件" or visit.voided_at is not None:
        errors["matter"] = "只有登记为突发事件的记录才能逐件上报"
    elif not matter.strip():
        errors["matter"] = "请填写要报告的重大事项（一事一报）"
    checked = incident.check_reports(matter_at, reports, at)
    if "incident_occurred_at" in checked:
        checked["matter_at"] = checked.pop("incident_occurred_at").replace("事发", "事项发生")
    errors.update(checked)
    if errors:
        raise VisitInvalid(errors)
    by_recipient = {r.recipient: r for r in reports}
    with database.atomic():
        return [audit.create(IncidentReport, who, at, visit=visit, matter=matter.strip(), matter_at=matter_at,
                             recipient=name, told=by_recipient[name].told.strip(),
                             method=by_recipient[name].method, reported_at=by_recipient[name].reported_at,
                             created_at=at, created_by=who)
                for name in incident.recipients_told(reports)]


def late_flag(report: IncidentReport) -> str:
    """V06: the flag on a report made later than the setting allows after its matter arose."""
    hours = int(get_setting(incident.REPORT_HOURS, report.matter_at.date()))
    return incident.late_text(hours) if incident.is_late(report.matter_at, report.reported_at, hours) else ""


def reports_of(visit: Visit) -> list[ReportLine]:
    """Every live report of an incident, matter by matter in the order they were reported."""
    rows = (visit.incident_reports.where(IncidentReport.voided_at.is_null())
            .order_by(IncidentReport.id))
    return [ReportLine(r, late_flag(r)) for r in rows]


def is_reported_late(visit: Visit) -> bool:
    return any(line.late for line in reports_of(visit))


def report_hours(on: dt.date) -> int:
    """V06: hours after a matter arose within which a report counts as made at once."""
    return int(get_setting(incident.REPORT_HOURS, on))
