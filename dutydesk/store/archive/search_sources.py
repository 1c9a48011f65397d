"""What the archive search covers: residents, visits, proxy cases, notices, duty-log notes,
handovers and inspection findings, registered with ``search_index.register``.

Kept in one module while the features land; a feature may move its own ``register`` call next
to its model (see the ``search_index`` docstring) and delete the entry here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from functools import lru_cache

from dutydesk.domain.labels import label
from dutydesk.store.base import database
from dutydesk.store.duty.handover import DutyNote, Handover
from dutydesk.store.duty.inspections import DutyFinding
from dutydesk.store.notices.notice import NoticeRecord
from dutydesk.store.notices.proxy_cases import ProxyCase, ProxyStep
from dutydesk.store.search_index import SearchDoc, register, register_dependent
from dutydesk.store.search_rebuild import sql_function
from dutydesk.store.visits.residents import Resident, ResidentPhone, name_initials
from dutydesk.store.visits.visit import Visit, VisitFeedback, VisitFollowup


def _join(*parts: object) -> str:
    return " ".join(str(p) for p in parts if p)


def _texts(sql: str, record_id: int | None) -> str:
    """Child rows' text in one plain query: building a peewee query per record made indexing a
    million visits take hours, almost all of it in SQL generation."""
    if record_id is None:
        return ""
    return " ".join(str(r[0]) for r in database.execute_sql(sql, (record_id,)) if r[0])


def _resident(r: Resident) -> SearchDoc | None:
    if r.merged_into_id is not None:
        return None  # a merged duplicate: its records live on the kept resident
    phones = _texts("SELECT phone FROM resident_phone WHERE resident_id = ? ORDER BY id", r.id)
    return SearchDoc(
        title=r.name, text=_join(r.village_group, r.address, r.tags.replace(",", " "), r.note),
        day=r.created_at.date(), staff=r.created_by,
        keys=_join(r.name_initials, r.id_number, phones),
    )


def _visit(v: Visit) -> SearchDoc:
    followups = _texts("SELECT text FROM visit_followup WHERE visit_id = ? ORDER BY id", v.id)
    feedbacks = _texts("SELECT content FROM visit_feedback WHERE visit_id = ? ORDER BY id", v.id)
    return SearchDoc(
        title=_join(v.person_name, v.channel, v.category),
        text=_join(v.request, v.outcome, v.result, v.transfer_to, v.outside_unit, v.dispute_parties,
                   v.mediation_result, followups, feedbacks),
        day=v.received_at.date(), staff=v.responder_name,
        keys=_join(v.ref, name_initials(v.person_name), v.contact),
    )


def _proxy_case(c: ProxyCase) -> SearchDoc:
    steps = " ".join(label("step_kind", kind) for kind in
                     _texts("SELECT kind FROM proxy_step WHERE case_id = ? ORDER BY id", c.id).split())
    item = ""
    with contextlib.suppress(Exception):
        item = c.item_version.name
    return SearchDoc(
        title=_join(c.slip_no, c.person_name, item), text=_join(item, c.state_label, steps),
        day=c.accepted_at.date(), staff=c.agent,
        keys=_join(c.slip_no, name_initials(c.person_name), c.person_phone),
    )


def _notice(n: NoticeRecord) -> SearchDoc:
    item = ""
    with contextlib.suppress(Exception):
        item = n.item_version.name
    return SearchDoc(
        title=_join(n.ref, n.person_name, item),
        text=_join(item, label("notice_outcome", n.outcome), n.reason, n.channel),
        day=n.told_at.date(), staff=n.told_by,
        keys=_join(n.ref, name_initials(n.person_name), n.person_phone),
    )


def _duty_note(n: DutyNote) -> SearchDoc:
    return SearchDoc(title=f"值班记录 {n.kind}", text=_join(n.text, n.result), day=n.noted_at.date(),
                     staff=n.recorded_by)


def _handover(h: Handover) -> SearchDoc:
    name = h.from_staff.name
    return SearchDoc(title=f"交接班 {h.day:%Y-%m-%d} {name}", text=_join(h.note, h.open_matters),
                     day=h.day, staff=name, keys=name_initials(name))


def _finding(f: DutyFinding) -> SearchDoc:
    name = f.staff.name
    found: dt.datetime = f.found_at
    return SearchDoc(title=f"{label('finding_kind', f.kind)} {name}", text=_join(f.detail, f.inspector),
                     day=found.date(), staff=name, keys=name_initials(name))


# Set-based twins of _resident and _visit for reindex_all (a village's residents and visits run to
# hundreds of thousands of rows). They must give exactly what the Python documents give:
# tests/store/test_search_rebuild.py compares them.
_CHILD_TEXTS = ("(SELECT group_concat({column}, ' ') FROM (SELECT {column} FROM {table} "
                "WHERE {parent} = {alias}.id AND {column} != '' ORDER BY id))")
_RESIDENT_SQL = (
    "SELECT r.id AS ref_id, r.name AS title, "
    "dd_join(r.village_group, r.address, replace(r.tags, ',', ' '), r.note) AS body, "
    "dd_join(r.name_initials, r.id_number, "
    + _CHILD_TEXTS.format(column="phone", table="resident_phone", parent="resident_id", alias="r")
    + ") AS keys, substr(r.created_at, 1, 10) AS day, r.created_by AS staff, "
    "r.voided_at IS NOT NULL AS voided FROM resident r WHERE r.merged_into_id IS NULL"
)
_VISIT_SQL = (
    "SELECT v.id AS ref_id, dd_join(v.person_name, v.channel, v.category) AS title, "
    "dd_join(v.request, v.outcome, v.result, v.transfer_to, v.outside_unit, v.dispute_parties, "
    "v.mediation_result, "
    + _CHILD_TEXTS.format(column="text", table="visit_followup", parent="visit_id", alias="v") + ", "
    + _CHILD_TEXTS.format(column="content", table="visit_feedback", parent="visit_id", alias="v")
    + ") AS body, dd_join(substr(v.received_at, 1, 4) || '-' || printf('%06d', v.id), "
    "dd_initials(v.person_name), v.contact) AS keys, substr(v.received_at, 1, 10) AS day, "
    "v.responder_name AS staff, v.voided_at IS NOT NULL AS voided FROM visit v"
)
sql_function("dd_initials", lru_cache(maxsize=4096)(lambda name: name_initials(name or "")))

register(Resident, "resident", "居民档案", _resident, day=lambda r: r.created_at, bulk_sql=_RESIDENT_SQL)
register(Visit, "visit", "来访记录", _visit, day=lambda v: v.received_at, bulk_sql=_VISIT_SQL)
register(ProxyCase, "proxy_case", "代办事项", _proxy_case, day=lambda c: c.accepted_at)
register(NoticeRecord, "notice", "一次性告知", _notice, day=lambda n: n.told_at)
register(DutyNote, "duty_note", "值班记录", _duty_note, day=lambda n: n.noted_at)
register(Handover, "handover", "交接班", _handover, day=lambda h: h.day)
register(DutyFinding, "inspection", "督查记录", _finding, day=lambda f: f.found_at)
register_dependent(ResidentPhone, lambda p: p.resident)
register_dependent(VisitFollowup, lambda f: f.visit)
register_dependent(VisitFeedback, lambda f: f.visit)
register_dependent(ProxyStep, lambda s: s.case)
