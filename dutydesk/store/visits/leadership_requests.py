"""Requests asked of the leadership or the level above (请示领导/上级, V06).

Seed 003: "申请事项涉及多个科室或手续，如材料不清楚，法律、法规和规范性文件未作明确规定的，经办人
应及时向上级汇报，并将办事程序和有关要求告知申请人。" A visit is marked with whom it was asked of,
why, and the steps the person was told; the mark is a record of its own (voided, never deleted).
"""

from __future__ import annotations

import datetime as dt

from peewee import CharField, DateTimeField, ForeignKeyField, TextField

from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.text_input import normalize_text
from dutydesk.store import audit
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel, database
from dutydesk.store.visits import visit_progress
from dutydesk.store.visits.visit import Visit

ASKED_OF = ("村两委领导", "上级部门")
REASONS = ("涉及多个科室", "无明确依据", "材料情况不清")


class LeadershipRequest(BaseModel, VoidableMixin):
    visit = ForeignKeyField(Visit, backref="leadership_requests")
    asked_of = CharField()  # ASKED_OF
    reason = CharField()  # REASONS
    steps_told = TextField()
    asked_at = DateTimeField()
    created_at = DateTimeField()
    created_by = CharField()


class LeadershipRequestInvalid(FieldErrors):
    """Field -> Chinese message."""


def ask_leadership(visit: Visit, asked_of: str, reason: str, steps_told: str, who: str,
                   at: dt.datetime) -> LeadershipRequest:
    """V06: mark a request as asked of the leadership / the level above, with the steps told."""
    steps = normalize_text(steps_told, multiline=True)
    errors: dict[str, str] = {}
    if visit.voided_at is not None:
        errors["visit"] = "该记录已作废"
    if asked_of not in ASKED_OF:
        errors["asked_of"] = "请选择请示对象：村两委领导 / 上级部门"
    if reason not in REASONS:
        errors["reason"] = "请选择请示原因：涉及多个科室 / 无明确依据 / 材料情况不清"
    if not steps:
        errors["steps_told"] = "请填写已告知群众的办事程序和要求"
    if errors:
        raise LeadershipRequestInvalid(errors)
    with database.atomic():
        row = audit.create(LeadershipRequest, who, at, visit=visit, asked_of=asked_of, reason=reason,
                           steps_told=steps, asked_at=at, created_at=at, created_by=who)
        if visit.closed_at is None:
            visit_progress.add_followup(visit, f"已请示{asked_of}（{reason}），已告知群众：{steps}", who, at)
    return row


def requests_of(visit: Visit) -> list[LeadershipRequest]:
    return list(visit.leadership_requests.where(LeadershipRequest.voided_at.is_null())
                .order_by(LeadershipRequest.asked_at))
