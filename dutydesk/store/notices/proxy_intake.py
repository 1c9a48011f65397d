"""A 代办 in one pass: what the checklist proposes when a visit reaches it (N01, P02, P05).

The visit already says what the person asked for and who received them, so the checklist opens
on the suggested service item and names the proxy agent without the staff typing either again.
The agent is a person who carries the matter (P05): the visit's first responder, else the staff
member on duty, else the logged-in operator; never the administrator account, which is nobody.
"""

from __future__ import annotations

import datetime as dt

from dutydesk.domain.item_suggestion import suggest_item
from dutydesk.store.accounts.account import Account
from dutydesk.store.duty.staff import staff_by_name
from dutydesk.store.notices import catalogue
from dutydesk.store.notices.catalogue import CatalogueVersion
from dutydesk.store.notices.session_agent import agent_on_duty
from dutydesk.store.visits.first_responder import on_duty_names
from dutydesk.store.visits.visit import Visit


def suggested_version(visit: Visit) -> CatalogueVersion | None:
    """The current catalogue version of the item the visit most likely asks for (None: none fits)."""
    versions = catalogue.current_versions()
    item = suggest_item((v.item for v in versions), visit.category, visit.request)
    if item is None:
        return None
    return next(v for v in versions if v.code == item.code)


def is_person(name: str) -> bool:
    """A name that can carry a matter: a staff member, or any account but the administrator's."""
    name = name.strip()
    if not name:
        return False
    if staff_by_name(name) is not None:
        return True
    account = Account.get_or_none(Account.name == name)
    return account is None or account.role != "admin"


def default_agent(responder: str, account_name: str, now: dt.datetime) -> str:
    """P10 then P05: the session's proxy agent on duty (代办员值班制), else the visit's first
    responder, else who is on duty, else the logged-in operator; "" when only the administrator
    account is there (the staff must then name the agent)."""
    for name in (agent_on_duty(now), responder, *on_duty_names(now), account_name):
        if is_person(name or ""):
            return name.strip()
    return ""
