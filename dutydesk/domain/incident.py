"""Reporting an incident (突发事件) upward (V06).

Seed 000: "发生重大事件时立即向村'两委'负责人和镇党委报告" — both recipients, at once; seed 003:
"个案专报，一事一报" — each major matter reported on its own. Each report records who was told,
when and how; "立即" becomes a setting (hours after the matter arose, 1 by default) so a late
report can be flagged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from dutydesk.domain.settings import declare
from dutydesk.domain.visit_rules import INCIDENT_RECIPIENTS

REPORT_METHODS = ("电话", "当面", "书面", "短信")
# Form field key per recipient: incident_committee_told, incident_township_at ...
RECIPIENT_KEYS = {"两委负责人": "committee", "镇党委": "township", "公安派出所": "police"}
# Seed 003: the police are told when needed, never required.
POLICE = "公安派出所"
OPTIONAL_RECIPIENTS = (POLICE,)
REPORT_HOURS = declare("visits.incident_report_hours", 1,
                       "突发事件须立即报告：事发后超过多少小时报告记为迟报", "V06")


@dataclass(frozen=True)
class IncidentReportDraft:
    """One recipient told about one matter: who was told, when, how."""

    recipient: str  # INCIDENT_RECIPIENTS
    told: str  # the person told, e.g. 张书记 / 镇党委值班室王主任
    method: str  # REPORT_METHODS
    reported_at: dt.datetime | None


def field_key(recipient: str, part: str) -> str:
    return f"incident_{RECIPIENT_KEYS[recipient]}_{part}"


def is_late(matter_at: dt.datetime | None, reported_at: dt.datetime | None, hours: int) -> bool:
    """V06: reported more than ``hours`` after the matter arose."""
    if matter_at is None or reported_at is None:
        return False
    return reported_at - matter_at > dt.timedelta(hours=hours)


def check_reports(matter_at: dt.datetime | None, reports: Iterable[IncidentReportDraft],
                  now: dt.datetime) -> dict[str, str]:
    """V06: both recipients told, each with who, when (not before the matter, not in the future)
    and how; field name -> Chinese message."""
    errors: dict[str, str] = {}
    if matter_at is None:
        errors["incident_occurred_at"] = "请填写事发时间"
    elif matter_at > now:
        errors["incident_occurred_at"] = "事发时间不能晚于现在"
    by_recipient = {r.recipient: r for r in reports}
    for recipient in INCIDENT_RECIPIENTS + OPTIONAL_RECIPIENTS:
        report = by_recipient.get(recipient)
        if recipient in OPTIONAL_RECIPIENTS and (report is None or not report.told.strip()):
            continue
        if report is None or not report.told.strip():
            errors[field_key(recipient, "told")] = f"突发事件须同时报告两委负责人和镇党委：请填写告知的{recipient}"
            continue
        if report.method not in REPORT_METHODS:
            errors[field_key(recipient, "method")] = "请选择报告方式：电话 / 当面 / 书面 / 短信"
        if report.reported_at is None:
            errors[field_key(recipient, "at")] = "请填写报告时间"
        elif report.reported_at > now:
            errors[field_key(recipient, "at")] = "报告时间不能晚于现在"
        elif matter_at is not None and report.reported_at < matter_at:
            errors[field_key(recipient, "at")] = "报告时间不能早于事发时间"
    return errors


def recipients_told(reports: Iterable[IncidentReportDraft]) -> tuple[str, ...]:
    """V06: the two required recipients, then the police when a report to them was filled in."""
    told = {r.recipient for r in reports if r.told.strip()}
    return INCIDENT_RECIPIENTS + tuple(r for r in OPTIONAL_RECIPIENTS if r in told)


def late_text(hours: int) -> str:
    """What staff see on a late report."""
    return f"事发后超过{hours}小时才报告，迟报"
