"""The Chinese words staff and residents see for every code stored in the books.

The books keep short English codes (``in_progress``, ``proxy``, ``submit``) so that a label can be
reworded without rewriting records; nothing a user reads may show one. Each code family has one
table here (the owning module keeps its constant names and points at the same dict), and every
screen, history line, search result, export and printed form goes through ``label`` or
``value_label``: a change history line reads "状态：待处理 → 办理中", never "pending → in_progress".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from dutydesk.domain.accountability import BREACH_LABELS
from dutydesk.domain.appointment import STATE_LABELS as APPOINTMENT_STATES
from dutydesk.domain.catalogue import OUTCOME_LABELS
from dutydesk.domain.center import CENTER_KINDS
from dutydesk.domain.duty_settings import DAY_MODES, SESSIONS
from dutydesk.domain.inquiry_letter import STATE_LABELS as LETTER_STATES
from dutydesk.domain.liability import COUNT_MODES
from dutydesk.domain.proxy_case import STATE_LABELS, STEP_LABELS
from dutydesk.domain.retention import APPROVER_LABELS, RETENTION_LABELS
from dutydesk.domain.staff import ROTATION_MODES
from dutydesk.domain.visit_rules import DEADLINE_KINDS, PAUSE_CAUSES, STATUS_LABELS, URGENCY_LABELS

ACCOUNT_ROLES = {"operator": "值班员", "director": "主任", "admin": "管理员"}
FINDING_KINDS = {"inspection": "督查发现脱岗", "complaint": "群众投诉查实"}
AUDIT_ACTIONS = {"create": "新建", "update": "修改", "void": "作废", "correct": "更正"}
# What an open matter is (OpenMatter.kind) and the 代办 step that hands a case to another agent.
MATTER_KINDS = {"visit": "来访", "proxy": "代办", "notice": "告知", "message": "留言"}
HANDOVER_STEP = {"handover": "移交"}
# The township's decision on a village month and what a township package changed (store.township_inbox).
TOWNSHIP_DECISIONS = {"returned": "镇级退回", "approved": "镇级已审核"}
PACKAGE_ITEM_KINDS = {"catalogue": "办事指南目录", "holidays": "节假日", "setting": "设置", "decision": "审核结果",
                      "proxy_result": "代办结果"}

FAMILIES: dict[str, Mapping[str, str]] = {
    "visit_status": STATUS_LABELS,
    "urgency": URGENCY_LABELS,
    "deadline_kind": {key: name for key, (name, _setting) in DEADLINE_KINDS.items()},
    "pause_cause": PAUSE_CAUSES,
    "case_state": {state.value: text for state, text in STATE_LABELS.items()},
    "step_kind": {**{kind.value: text for kind, text in STEP_LABELS.items()}, **HANDOVER_STEP},
    "notice_outcome": {outcome.value: text for outcome, text in OUTCOME_LABELS.items()},
    "retention": RETENTION_LABELS,
    "approver": APPROVER_LABELS,
    "account_role": ACCOUNT_ROLES,
    "finding_kind": FINDING_KINDS,
    "audit_action": AUDIT_ACTIONS,
    "matter_kind": MATTER_KINDS,
    "center_kind": CENTER_KINDS,
    "day_mode": DAY_MODES,
    "count_mode": COUNT_MODES,
    "rotation_mode": ROTATION_MODES,
    "session": {**{s["key"]: s["name"] for s in SESSIONS.default}, "night": "驻夜"},
    "appointment_state": APPOINTMENT_STATES,
    "letter_state": LETTER_STATES,
    "breach_kind": BREACH_LABELS,
    "township_decision": TOWNSHIP_DECISIONS,
    "package_item_kind": PACKAGE_ITEM_KINDS,
}

# Which stored column holds which family, by table (``*`` for any table).
COLUMN_FAMILIES: dict[tuple[str, str], str] = {
    ("visit", "status"): "visit_status",
    ("visit", "deadline_kind"): "deadline_kind",
    ("visit_pause", "cause"): "pause_cause",
    ("proxy_case", "state"): "case_state",
    ("proxy_step", "kind"): "step_kind",
    ("notice_record", "outcome"): "notice_outcome",
    ("duty_finding", "kind"): "finding_kind",
    ("account", "role"): "account_role",
    ("*", "session_key"): "session",
    ("appointment", "state"): "appointment_state",
    ("inquiry_letter", "state"): "letter_state",
    ("accountability_record", "rule"): "breach_kind",
    ("township_decision", "decision"): "township_decision",
    ("township_package_item", "kind"): "package_item_kind",
}


def label(family: str, code: object) -> str:
    """The Chinese for ``code`` in ``family``; text that is not a code of it is returned as is."""
    text = getattr(code, "value", code)
    if text is None:
        return ""
    return FAMILIES[family].get(str(text), str(text))


def family_of(table: str, column: str) -> str | None:
    return COLUMN_FAMILIES.get((table, column)) or COLUMN_FAMILIES.get(("*", column))


def value_label(table: str, column: str, value: object) -> str:
    """A stored value as staff read it: codes as their label, ISO timestamps as 2026-11-10 10:00."""
    if value is None:
        return ""
    family = family_of(table, column)
    if family is not None:
        return label(family, value)
    text = str(value)
    if text in ("True", "False"):  # a yes/no column as the audit trail stores it
        return "是" if text == "True" else "否"
    if len(text) >= 16 and text[4:5] == "-" and text[10:11] in ("T", " ") and text[13:14] == ":":
        try:
            return dt.datetime.fromisoformat(text).strftime("%Y-%m-%d %H:%M")
        except ValueError:
            return text
    return text


def all_codes() -> set[str]:
    """Every code of every family whose label differs from it (for tests scanning screens)."""
    return {code for table in FAMILIES.values() for code, text in table.items() if code != text}
