"""The Chinese words staff and residents see for every code stored in the books.

The books keep short English codes (``in_progress``, ``proxy``, ``submit``) so that a label can be
reworded without rewriting records; nothing a user reads may show one. Each code family has one
table here (the owning module keeps its constant names and points at the same dict), and every
screen, history line, search result, export and printed form goes through ``label`` or
``value_label``: a change history line reads "状态：待处理 → 办理中", never "pending → in_progress".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from importlib import import_module

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


def _table(module: str, name: str) -> Callable[[], Mapping[str, str]]:
    """The label table ``name`` of ``dutydesk.domain.<module>``, imported when first read."""
    return lambda: getattr(import_module(f"dutydesk.domain.{module}"), name)


def _values(module: str, name: str) -> Callable[[], Mapping[str, str]]:
    """An enum-keyed label table of ``dutydesk.domain.<module>`` by its stored values."""
    return lambda: {key.value: text for key, text in _table(module, name)().items()}


def _deadline_kinds() -> Mapping[str, str]:
    return {key: name for key, (name, _setting) in _table("visit_rules", "DEADLINE_KINDS")().items()}


def _step_kinds() -> Mapping[str, str]:
    return {**_values("proxy_case", "STEP_LABELS")(), **HANDOVER_STEP}


def _sessions() -> Mapping[str, str]:
    return {**{s["key"]: s["name"] for s in _table("duty_settings", "SESSIONS")().default}, "night": "驻夜"}


class Families(Mapping[str, Mapping[str, str]]):
    """Each family's table, read from its owning module the first time it is asked for: the owners
    (catalogue, proxy cases, accountability, …) stay off the window's start path (issue 17)."""

    def __init__(self, sources: dict[str, Mapping[str, str] | Callable[[], Mapping[str, str]]]) -> None:
        self._sources = sources
        self._tables: dict[str, Mapping[str, str]] = {}

    def __getitem__(self, family: str) -> Mapping[str, str]:
        table = self._tables.get(family)
        if table is None:
            source = self._sources[family]
            table = self._tables[family] = source() if callable(source) else source
        return table

    def __iter__(self) -> Iterator[str]:
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)


FAMILIES: Mapping[str, Mapping[str, str]] = Families({
    "visit_status": _table("visit_rules", "STATUS_LABELS"),
    "urgency": _table("visit_rules", "URGENCY_LABELS"),
    "deadline_kind": _deadline_kinds,
    "pause_cause": _table("visit_rules", "PAUSE_CAUSES"),
    "case_state": _values("proxy_case", "STATE_LABELS"),
    "step_kind": _step_kinds,
    "notice_outcome": _values("catalogue", "OUTCOME_LABELS"),
    "retention": _table("retention", "RETENTION_LABELS"),
    "approver": _table("retention", "APPROVER_LABELS"),
    "account_role": ACCOUNT_ROLES,
    "finding_kind": FINDING_KINDS,
    "audit_action": AUDIT_ACTIONS,
    "matter_kind": MATTER_KINDS,
    "center_kind": _table("center", "CENTER_KINDS"),
    "day_mode": _table("duty_settings", "DAY_MODES"),
    "count_mode": _table("liability", "COUNT_MODES"),
    "rotation_mode": _table("staff", "ROTATION_MODES"),
    "session": _sessions,
    "appointment_state": _table("appointment", "STATE_LABELS"),
    "letter_state": _table("inquiry_letter", "STATE_LABELS"),
    "breach_kind": _table("accountability", "BREACH_LABELS"),
    "township_decision": TOWNSHIP_DECISIONS,
    "package_item_kind": PACKAGE_ITEM_KINDS,
})

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
