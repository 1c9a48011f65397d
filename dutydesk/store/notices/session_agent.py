"""The proxy agent on duty (代办员值班制, P10): each session may name the agent who takes its cases.

A center either designates one cadre for every session or lets the agent rotate with the roster
(a duty setting). A session may also name its agent explicitly (an audited row, changed with
history); that name comes first. New proxy cases default to the session's agent
(``proxy_intake.default_agent``); the agent signs in like anyone on duty (D05).
"""

from __future__ import annotations

import datetime as dt

from peewee import CharField, DateField, DateTimeField

from dutydesk.domain.duty_settings import SessionDef
from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.settings import declare
from dutydesk.store import audit
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel, database
from dutydesk.store.duty.duty_config import duty_config
from dutydesk.store.duty.roster import RosterSlot
from dutydesk.store.duty.staff import Staff, staff_by_name
from dutydesk.store.settings import get_setting

NONE = "不设"  # no standing agent: a session's named agent, else the first responder carries it
ROTATING = "轮值"
DESIGNATED = "指定"
MODES = (NONE, ROTATING, DESIGNATED)
AGENT_MODE = declare("proxy.agent_mode", NONE, "代办员值班方式（不设、轮值或指定）", "P10")
DESIGNATED_AGENT = declare("proxy.designated_agent", "", "指定的值班代办员", "P10")


class SessionAgent(BaseModel, VoidableMixin):
    day = DateField()
    session_key = CharField()
    agent = CharField()
    created_at = DateTimeField()
    created_by = CharField()


class AgentInvalid(FieldErrors):
    """Field -> Chinese message for naming a session's agent."""


def session_at(now: dt.datetime) -> SessionDef | None:
    """The duty session running at ``now`` (None between sessions)."""
    for session in duty_config(now.date()).sessions_on(now.date()):
        if session.at(now.date(), "start") <= now < session.at(now.date(), "end"):
            return session
    return None


def named_agent(day: dt.date, session_key: str) -> SessionAgent | None:
    return (SessionAgent.select().where((SessionAgent.day == day) & (SessionAgent.session_key == session_key)
                                        & SessionAgent.voided_at.is_null())
            .order_by(SessionAgent.id.desc()).first())


def name_agent(day: dt.date, session_key: str, agent: str, who: str, at: dt.datetime) -> SessionAgent:
    """P10: name (or change, with history) the proxy agent of one session; a staff member only."""
    agent = agent.strip()
    if not agent:
        raise AgentInvalid({"agent": "请填写代办员姓名"})
    if staff_by_name(agent) is None:
        raise AgentInvalid({"agent": f"“{agent}”不在干部名单中，代办员须是值班干部"})
    if duty_config(day).session(session_key) is None:
        raise AgentInvalid({"session": "没有这个班次"})
    with database.atomic():
        row = named_agent(day, session_key)
        if row is None:
            return audit.create(SessionAgent, who, at, day=day, session_key=session_key, agent=agent,
                                created_at=at, created_by=who)
        if row.agent == agent:
            return row
        return audit.update(row, who, at, reason="更换值班代办员", agent=agent)


def rostered_agent(day: dt.date, session_key: str) -> str:
    """Rotating mode: the first cadre the roster puts on that session (the rotation is the roster's)."""
    slot = (RosterSlot.select(RosterSlot, Staff).join(Staff)
            .where((RosterSlot.day == day) & (RosterSlot.session_key == session_key)
                   & RosterSlot.voided_at.is_null())
            .order_by(RosterSlot.id).first())
    return slot.staff.name if slot is not None else ""


def agent_for(day: dt.date, session_key: str) -> str:
    """P10: the session's agent: named for it, else by the duty setting (the designated cadre, or
    the roster's cadre when the agent rotates), else "" (the first responder carries it, P05)."""
    row = named_agent(day, session_key)
    if row is not None:
        return row.agent
    mode = get_setting(AGENT_MODE, day)
    if mode == DESIGNATED:
        name = str(get_setting(DESIGNATED_AGENT, day)).strip()
        return name if staff_by_name(name) is not None else ""
    if mode == ROTATING:
        return rostered_agent(day, session_key)
    return ""


def agent_on_duty(now: dt.datetime) -> str:
    """The proxy agent of the session running at ``now`` ("" between sessions or when none)."""
    session = session_at(now)
    return agent_for(now.date(), session.key) if session is not None else ""
