"""The life of a 代办单 (P02, P03, P05, P09): which step may follow which, and what each records.

One register, one person responsible, one answer (P05): a case moves through fixed steps and
every step is recorded with who and when. A step cannot be skipped or recorded twice; a wrong
step is reversed with a reason (the record stays, A03) and the case returns to where it was.
This module is pure: the store replays the non-reversed steps through ``next_state``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum
from typing import Any

from dutydesk.domain.text_input import normalize_compact


class CaseState(str, Enum):
    ACCEPTED = "accepted"
    PUBLICIZED = "publicized"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    RETURNED = "returned"
    REFUSED = "refused"
    FETCHED = "fetched"
    NOTIFIED = "notified"
    COLLECTED = "collected"
    CLOSED = "closed"


STATE_LABELS = {
    CaseState.ACCEPTED: "已受理",
    CaseState.PUBLICIZED: "公示期满",
    CaseState.SUBMITTED: "已送交",
    CaseState.APPROVED: "上级已办结",
    CaseState.RETURNED: "退回补件",
    CaseState.REFUSED: "不予办理",
    CaseState.FETCHED: "已取回",
    CaseState.NOTIFIED: "已通知",
    CaseState.COLLECTED: "已领取",
    CaseState.CLOSED: "办结",
}


class StepKind(str, Enum):
    PUBLICIZE = "publicize"
    SUBMIT = "submit"
    APPROVE = "approve"
    RETURN = "return"
    REFUSE = "refuse"
    FETCH = "fetch"
    NOTIFY = "notify"
    COLLECT = "collect"
    CLOSE = "close"


STEP_LABELS = {
    StepKind.PUBLICIZE: "登记公示结果",
    StepKind.SUBMIT: "送交上级",
    StepKind.APPROVE: "上级已办结",
    StepKind.RETURN: "退回补件",
    StepKind.REFUSE: "不予办理",
    StepKind.FETCH: "取回结果",
    StepKind.NOTIFY: "通知群众",
    StepKind.COLLECT: "群众领取",
    StepKind.CLOSE: "办结",
}

TARGET = {
    StepKind.PUBLICIZE: CaseState.PUBLICIZED,
    StepKind.SUBMIT: CaseState.SUBMITTED,
    StepKind.APPROVE: CaseState.APPROVED,
    StepKind.RETURN: CaseState.RETURNED,
    StepKind.REFUSE: CaseState.REFUSED,
    StepKind.FETCH: CaseState.FETCHED,
    StepKind.NOTIFY: CaseState.NOTIFIED,
    StepKind.COLLECT: CaseState.COLLECTED,
    StepKind.CLOSE: CaseState.CLOSED,
}

# Which steps may follow each state. RETURNED -> SUBMITTED is the resubmission after the person
# brought what was missing; a refused matter still goes through fetch/notify so the person gets
# the reason and the materials back (P03: "if it cannot be done, the reason is explained").
_FOLLOWS: dict[CaseState, tuple[StepKind, ...]] = {
    CaseState.ACCEPTED: (StepKind.PUBLICIZE, StepKind.SUBMIT),
    CaseState.PUBLICIZED: (StepKind.SUBMIT, StepKind.REFUSE),
    CaseState.SUBMITTED: (StepKind.APPROVE, StepKind.RETURN, StepKind.REFUSE),
    CaseState.RETURNED: (StepKind.SUBMIT,),
    CaseState.APPROVED: (StepKind.FETCH,),
    CaseState.REFUSED: (StepKind.FETCH, StepKind.NOTIFY),
    CaseState.FETCHED: (StepKind.NOTIFY,),
    CaseState.NOTIFIED: (StepKind.COLLECT, StepKind.CLOSE),
    CaseState.COLLECTED: (StepKind.CLOSE,),
    CaseState.CLOSED: (),
}

OPEN_STATES = frozenset(s for s in CaseState if s is not CaseState.CLOSED)

# Fields each step must record (Chinese labels shown beside the inputs).
STEP_FIELDS: dict[StepKind, dict[str, str]] = {
    StepKind.PUBLICIZE: {"start": "公示开始日期", "end": "公示结束日期", "objection": "有无异议"},
    StepKind.SUBMIT: {"unit": "送交单位", "date": "送交日期", "carrier": "送交人"},
    StepKind.APPROVE: {"result": "办理结果"},
    StepKind.RETURN: {"reason": "退回原因", "missing": "需补材料", "told": "告知群众方式"},
    StepKind.REFUSE: {"reason": "不予办理原因"},
    StepKind.FETCH: {"note": "取回说明"},
    StepKind.NOTIFY: {"method": "通知方式", "at": "通知时间"},
    StepKind.COLLECT: {"signer": "领取人签名"},
    StepKind.CLOSE: {"note": "办结说明"},
}
OPTIONAL_FIELDS = {
    (StepKind.FETCH, "note"), (StepKind.CLOSE, "note"), (StepKind.APPROVE, "result"),
}
NOTIFY_METHODS = ("电话", "短信", "微信", "上门", "当面")

SLIP_PATTERN = re.compile(r"^([A-Z]{2})(\d{4})-(\d{6})$")


class StepError(ValueError):
    """A step that may not be recorded now; the message is shown to the user."""


@dataclass(frozen=True)
class CaseRules:
    """What of the case's item affects its steps: a required public-notice period (P09)."""

    public_notice_days: int = 0


def allowed_steps(state: CaseState, rules: CaseRules = CaseRules(), objection: bool = False) -> list[StepKind]:
    """The steps that may be recorded next, in the order the desk usually takes them."""
    steps = list(_FOLLOWS[state])
    if state is CaseState.ACCEPTED:
        # P09: an item with a public-notice period cannot be submitted before the notice ends;
        # one without it has no notice step.
        steps = [StepKind.PUBLICIZE] if rules.public_notice_days > 0 else [StepKind.SUBMIT]
    if state is CaseState.PUBLICIZED and objection:
        steps = [StepKind.REFUSE]  # an objection stops the matter until it is resolved anew
    if state is CaseState.PUBLICIZED and not objection:
        steps = [StepKind.SUBMIT]
    return steps


def next_state(state: CaseState, kind: StepKind, rules: CaseRules = CaseRules(), objection: bool = False) -> CaseState:
    """The state after ``kind``; raises StepError naming what is expected instead."""
    allowed = allowed_steps(state, rules, objection)
    if kind not in allowed:
        if TARGET[kind] is state:
            raise StepError(f"“{STEP_LABELS[kind]}”已经登记过，不能重复登记")
        if not allowed:
            raise StepError(f"本代办已{STATE_LABELS[state]}，不能再登记“{STEP_LABELS[kind]}”")
        expected = "或".join(f"“{STEP_LABELS[k]}”" for k in allowed)
        raise StepError(f"当前状态为“{STATE_LABELS[state]}”，下一步应为{expected}，不能登记“{STEP_LABELS[kind]}”")
    return TARGET[kind]


def validate_step(kind: StepKind, details: dict[str, Any], rules: CaseRules, today: dt.date) -> dict[str, str]:
    """Return {field: Chinese message} for each missing or wrong detail of a step."""
    errors: dict[str, str] = {}
    for key, label in STEP_FIELDS[kind].items():
        if (kind, key) in OPTIONAL_FIELDS or key == "objection":
            continue
        value = details.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            errors[key] = f"请填写{label}"
    if kind is StepKind.PUBLICIZE and not errors:
        start, end = details["start"], details["end"]
        if end < start:
            errors["end"] = "公示结束日期不能早于开始日期"
        elif (end - start).days + 1 < rules.public_notice_days:
            errors["end"] = f"公示期不少于{rules.public_notice_days}天"
        elif end > today:
            errors["end"] = "公示期尚未结束，期满后再登记"
    if kind is StepKind.NOTIFY and "method" not in errors and details["method"] not in NOTIFY_METHODS:
        errors["method"] = "通知方式应为" + "、".join(NOTIFY_METHODS) + "之一"
    return errors


@dataclass(frozen=True)
class Verification:
    """P11: where a case's investigation stands (investigator named with a due date, findings)."""

    needed: bool = False
    site_survey: bool = False
    investigator: str = ""
    findings: str = ""
    survey_findings: str = ""


def verification_refusal(v: Verification) -> str:
    """P11: why a case may not be sent up yet ('' when it may): a case that needs verification
    has a named investigator and a due date, and findings (with the site survey's) recorded."""
    if not v.needed:
        return ""
    if not v.investigator:
        return "该事项须调查核实：请先指定调查人和完成日期，再送交上级"
    if not v.findings.strip():
        return f"调查人{v.investigator}尚未登记调查核实结果，不能送交上级"
    if v.site_survey and not v.survey_findings.strip():
        return "该事项须现场勘查：请先登记现场勘查情况，再送交上级"
    return ""


def replay(kinds: list[tuple[StepKind, bool]], rules: CaseRules = CaseRules()) -> CaseState:
    """The state after the recorded (non-reversed) steps; ``(kind, objection)`` pairs."""
    state = CaseState.ACCEPTED
    objection = False
    for kind, step_objection in kinds:
        state = next_state(state, kind, rules, objection)
        if kind is StepKind.PUBLICIZE:
            objection = step_objection
    return state


def format_slip_no(prefix: str, year: int, serial: int) -> str:
    """``DB2026-000123``: prefix, year, six-digit serial unique per center and year."""
    return f"{prefix}{year:04d}-{serial:06d}"


def normalize_slip_no(text: str) -> str | None:
    """The slip number in what a scanner or a person typed, or None (lowercase and spaces allowed)."""
    candidate = normalize_compact(text).upper()  # V09: a scanner in 全角 mode sends ＤＢ２０２６…
    return candidate if SLIP_PATTERN.match(candidate) else None


def due_status(promised: dt.date, today: dt.date, workdays_left: int, due_soon_days: int) -> str:
    """'overdue' past the promised date, 'due_soon' within ``due_soon_days`` working days, else 'ok'."""
    if today > promised:
        return "overdue"
    if workdays_left <= due_soon_days:
        return "due_soon"
    return "ok"


# V04: "time waiting for a higher level's approval does not count against the deadline". A proxy
# matter waits from the day it is carried to the township until the township answers.
APPROVAL_WAIT_STARTS = frozenset({StepKind.SUBMIT})
APPROVAL_WAIT_ENDS = frozenset({StepKind.APPROVE, StepKind.RETURN, StepKind.REFUSE})


def approval_wait_change(kind: StepKind) -> str | None:
    """``"start"``, ``"end"`` or None: what a step does to the visit's approval wait (V04)."""
    if kind in APPROVAL_WAIT_STARTS:
        return "start"
    if kind in APPROVAL_WAIT_ENDS:
        return "end"
    return None
