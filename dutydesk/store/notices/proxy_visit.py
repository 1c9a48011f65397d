"""A proxy case opened from a visit moves that visit along (V03, V04).

The visit is the person's matter, the proxy case is how the desk carries it out. Accepting the
case is a follow-up of the visit (a pending matter becomes 办理中), and the days the case waits at
the township for approval stop the visit's deadline clock: V04 says time waiting for a higher
level's approval does not count against it. Reversing a step undoes what it did to the visit.
Every change is an ordinary audited write inside the proxy step's own transaction.
"""

from __future__ import annotations

import datetime as dt

from dutydesk.domain.proxy_case import StepKind, approval_wait_change
from dutydesk.store import audit
from dutydesk.store.visits import visit_progress
from dutydesk.store.visits.visit import Visit, VisitPause

APPROVAL = "approval"  # visit_rules.PAUSE_CAUSES key: 等待上级审批


def _open_visit(visit_id: int | None) -> Visit | None:
    if visit_id is None:
        return None
    visit = Visit.get_or_none(Visit.id == visit_id)
    if visit is None or visit.voided_at is not None or visit.closed_at is not None:
        return None
    return visit


def case_accepted(visit_id: int | None, slip_no: str, agent: str, promised: dt.date, who: str,
                  at: dt.datetime, promised_days: int | None = None) -> None:
    """The visit follows the slip: one promised date for the person (V04, P05).

    The visit promised a date from its deadline kind before anyone knew the item; the slip's date
    comes from the item's time limit. The person holds the slip, so the visit's deadline becomes
    the slip's, an audited change whose old value stays in the history (A03).
    """
    visit = _open_visit(visit_id)
    if visit is not None:
        visit_progress.add_followup(
            visit, f"已受理代办，代办单号{slip_no}，代办员{agent}，承诺{promised:%Y-%m-%d}前办结", who, at)
        if visit.deadline is not None and visit.deadline != promised:
            changes: dict[str, object] = {"deadline": promised}
            if promised_days is not None:
                changes["deadline_days"] = promised_days
            audit.update(visit, who, at, reason=f"承诺日期与代办单{slip_no}一致", **changes)


def step_recorded(visit_id: int | None, slip_no: str, kind: StepKind, who: str, at: dt.datetime) -> None:
    visit = _open_visit(visit_id)
    change = approval_wait_change(kind)
    if visit is None or change is None or visit.deadline is None:
        return
    paused = visit_progress.open_pause(visit)
    if change == "start" and paused is None:
        visit_progress.start_pause(visit, APPROVAL, at.date(), who, at,
                                   note=f"代办单{slip_no}已送交上级，等待审批期间不计入办理时限")
    elif change == "end" and paused is not None and paused.cause == APPROVAL:
        visit_progress.end_pause(visit, at.date(), who, at)


def step_reversed(visit_id: int | None, kind: StepKind, step_day: dt.date, reason: str, who: str,
                  at: dt.datetime) -> None:
    """Undo the wait a reversed step started (void it) or ended (open it again)."""
    visit = _open_visit(visit_id)
    change = approval_wait_change(kind)
    if visit is None or change is None:
        return
    if change == "start":
        pause = visit_progress.open_pause(visit)
        if pause is not None and pause.cause == APPROVAL and pause.start == step_day:
            audit.void(pause, who, at, f"撤销代办步骤：{reason}")
    else:
        ended = (VisitPause.visit == visit) & (VisitPause.cause == APPROVAL) & (VisitPause.end == step_day)
        pause = (VisitPause.select().where(ended & VisitPause.voided_at.is_null())
                 .order_by(VisitPause.id.desc()).first())
        if pause is not None and visit_progress.open_pause(visit) is None:
            audit.update(pause, who, at, reason=f"撤销代办步骤：{reason}", end=None)
