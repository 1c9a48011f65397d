"""Visits feeding the shared registries: open matters (D09 handover, 待跟进, status bar) and the
day's duty log (D10). Registered at import; ``store.features`` imports this module."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import NamedTuple

from peewee import fn

from dutydesk.domain import visit_rules as rules
from dutydesk.domain.labels import label
from dutydesk.domain.personal_numbers import mask_personal_numbers
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store import duty_log_feed, open_matters
from dutydesk.store.base import database
from dutydesk.store.duty_log_feed import DutyLogEntry
from dutydesk.store.open_matters import OpenMatter
from dutydesk.store.settings import get_setting
from dutydesk.store.visits.visit import Visit, VisitPause

OPEN_STATUSES = (rules.PENDING, rules.IN_PROGRESS, rules.DONE)


def _short(text: str, width: int = 24) -> str:
    """A one-line excerpt; numbers are masked before cutting so no part of one is shown (V09)."""
    text = mask_personal_numbers(" ".join(text.split()))
    return text if len(text) <= width else text[: width - 1] + "…"


def _open_visit_condition():
    return Visit.status.in_(OPEN_STATUSES) & Visit.closed_at.is_null() & Visit.voided_at.is_null()


def open_visits() -> list[Visit]:
    return list(Visit.select().where(_open_visit_condition()).order_by(Visit.deadline, Visit.id))


def _open_visit_pauses() -> dict[int, list[rules.Pause]]:
    """The pauses of every open visit, in one query (not one per 500 visits)."""
    found: dict[int, list[rules.Pause]] = defaultdict(list)
    query = (VisitPause.select(VisitPause.visit, VisitPause.start, VisitPause.end)
             .join(Visit, on=VisitPause.visit == Visit.id)
             .where(VisitPause.voided_at.is_null() & _open_visit_condition()).order_by(VisitPause.id))
    for visit_id, start, end in query.tuples():
        found[visit_id].append(rules.Pause(start, end))
    return found


def _date(stored: str | dt.date | None) -> dt.date | None:
    """A stored date ('2026-11-24', or a time whose first ten characters are its day)."""
    if stored is None or isinstance(stored, dt.date):
        return stored
    return dt.date.fromisoformat(stored[:10])


def _urgency(calendar: WorkdayCalendar, deadline: dt.date | None, today: dt.date,
             pauses: list[rules.Pause] | tuple[()], soon: int) -> tuple[str, dt.date | None]:
    """V04: how urgent a visit is and the date it is due, its pauses counted."""
    status = rules.urgency(calendar, deadline, today, pauses, soon)
    return status, rules.effective_deadline(calendar, deadline, pauses, today) if deadline else None


def visit_matters(today: dt.date, calendar: WorkdayCalendar) -> list[OpenMatter]:
    """Every open visit with its urgency computed from the calendar and its pauses (V04).

    Read as the few columns it shows (issue 17): tens of thousands of open visits on 1M-visit
    books took seconds as full models, each time the books changed."""
    query = (Visit.select(Visit.id, fn.substr(Visit.received_at, 1, 4), Visit.person_name, Visit.category,
                          Visit.request, Visit.status, Visit.deadline)
             .where(_open_visit_condition()).order_by(Visit.deadline, Visit.id))
    pauses = _open_visit_pauses()
    soon = int(get_setting(rules.DUE_SOON_DAYS, today))
    # Most open visits were never paused: their urgency depends on their deadline alone, worked
    # out once per deadline (a few hundred), not once per visit (tens of thousands at 1M, issue 17).
    unpaused: dict[dt.date | None, tuple[str, dt.date | None]] = {}
    matters = []
    # Raw rows from the cursor: peewee's conversion parses every stored date with strptime.
    for visit_id, year, name, category, request, status_code, stored_deadline in database.execute(query):
        deadline = _date(stored_deadline)
        ref = f"{year}-{visit_id:06d}"  # as ``Visit.ref``
        summary = f"{name}｜{category}｜{_short(request)}"
        if status_code == rules.DONE:
            status, due = rules.URGENCY_OK, deadline
            summary = "待反馈：" + summary
        else:
            paused = pauses.get(visit_id, ())
            if paused:
                status, due = _urgency(calendar, deadline, today, paused, soon)
            else:
                if deadline not in unpaused:
                    unpaused[deadline] = _urgency(calendar, deadline, today, (), soon)
                status, due = unpaused[deadline]
            if status == rules.URGENCY_PAUSED:
                status, summary = rules.URGENCY_OK, "暂停计时：" + summary
        matters.append(OpenMatter("visit", ref, summary, due, status, visit_id))
    return matters


def _log_kind(visit: _LogVisit) -> str:
    if visit.category == "矛盾纠纷":
        return "纠纷"
    if visit.category == "突发事件":
        return "突发事件"
    return visit.channel


def _log_result(visit: _LogVisit) -> str:
    if visit.outcome == rules.DONE_NOW:
        return f"即办：{visit.result}"
    if visit.outcome == rules.OUT_OF_SCOPE:
        return f"不属职责，已告知{visit.outside_unit}"
    if visit.outcome == rules.TRANSFER:
        text = f"转办{visit.transfer_to}"
    elif visit.outcome == rules.ESCALATE:
        text = f"上报{visit.escalate_level}"
    else:
        text = "代办"
    if visit.deadline:
        text += f"，承诺{visit.deadline:%m月%d日}前办结"
    if visit.category == "突发事件" and visit.incident_reported_to:
        text += f"；已报告{visit.incident_reported_to}"
    if visit.mediation_result:
        text += f"；{visit.mediation_result}"
    return f"{text}（{visit.status_label}）"


class _LogVisit(NamedTuple):
    """The columns of a visit the duty log shows, read as they are stored (issue 17: a busy day of
    1M-visit books holds thousands of visits, a month's duty ledger a quarter of a million; as full
    models they took a minute to read)."""

    received_at: dt.datetime
    category: str
    channel: str
    person_name: str
    request: str
    responder_name: str
    outcome: str
    result: str | None
    outside_unit: str | None
    transfer_to: str | None
    escalate_level: str | None
    deadline: dt.date | None
    incident_reported_to: str | None
    mediation_result: str | None
    status: str

    @property
    def status_label(self) -> str:
        return label("visit_status", self.status)


_LOG_COLUMNS = tuple(getattr(Visit, name) for name in _LogVisit._fields)


def _log_visit(row: tuple) -> _LogVisit:
    received = row[0] if isinstance(row[0], dt.datetime) else dt.datetime.fromisoformat(row[0])
    return _LogVisit(received, *row[1:11], _date(row[11]), *row[12:])


def visit_log(day: dt.date) -> list[DutyLogEntry]:
    """D10: the day's visits, calls and letters, disputes and incidents with their results."""
    start = dt.datetime.combine(day, dt.time.min)
    end = start + dt.timedelta(days=1)
    query = (Visit.select(*_LOG_COLUMNS)
             .where((Visit.received_at >= start) & (Visit.received_at < end) & Visit.voided_at.is_null())
             .order_by(Visit.received_at))
    visits = [_log_visit(row) for row in database.execute(query)]  # raw rows: no model per visit
    return [
        DutyLogEntry(
            v.received_at, _log_kind(v),
            f"{v.person_name}（{v.category}）：{_short(v.request, 40)}；首问责任人{v.responder_name}",
            _log_result(v),
        )
        for v in visits
    ]


if visit_matters not in open_matters.PROVIDERS:
    open_matters.PROVIDERS.append(visit_matters)
if visit_log not in duty_log_feed.PROVIDERS:
    duty_log_feed.PROVIDERS.append(visit_log)
