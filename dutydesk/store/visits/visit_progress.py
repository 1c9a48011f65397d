"""What happens to a registered matter afterwards: follow-ups, pauses, extensions, completion
and feedback (V03, V04, V05).

"谁受理、谁处置、谁反馈": a matter closes only with an outcome, and closing it without telling the
person needs a written reason. Each step is a row of its own plus an audited change of the
visit's status, so the history of a matter can always be read back.
"""

from __future__ import annotations

import datetime as dt

from dutydesk.domain import visit_rules as rules
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store import audit
from dutydesk.store.base import database
from dutydesk.store.settings import get_setting
from dutydesk.store.visits.visit import (
    Visit,
    VisitExtension,
    VisitFeedback,
    VisitFollowup,
    VisitPause,
    max_days_for,
)


def _require_open(visit: Visit) -> None:
    if visit.voided_at is not None:
        raise ValueError("该记录已作废")
    if visit.closed_at is not None:
        raise ValueError("该事项已关闭")


def add_followup(visit: Visit, text: str, who: str, at: dt.datetime) -> VisitFollowup:
    """Record a follow-up step; a pending matter becomes 办理中."""
    _require_open(visit)
    if not text.strip():
        raise ValueError("请填写跟进内容")
    with database.atomic():
        entry = audit.create(VisitFollowup, who, at, visit=visit, done_at=at, staff=who, text=text.strip(),
                             created_at=at, created_by=who)
        if visit.status == rules.PENDING:
            audit.update(visit, who, at, status=rules.IN_PROGRESS)
    return entry


def complete(visit: Visit, result: str, who: str, at: dt.datetime) -> Visit:
    """Mark a matter 已办结 with its outcome (V03): a matter never closes without one."""
    _require_open(visit)
    if not result.strip():
        raise ValueError("办结须填写办理结果")
    if visit.status in (rules.DONE, rules.FED_BACK):
        raise ValueError("该事项已办结")
    return audit.update(visit, who, at, status=rules.DONE, result=result.strip())


def record_feedback(visit: Visit, method: str, content: str, who: str, at: dt.datetime,
                    satisfaction: str = "") -> VisitFeedback:
    """Tell the person the result (V03); on a finished matter this makes it 已反馈.

    Feedback on a matter still in hand is an interim answer and leaves the status alone.
    """
    if visit.voided_at is not None:
        raise ValueError("该记录已作废")
    if method not in rules.FEEDBACK_METHODS:
        raise ValueError("请选择反馈方式：当面 / 电话 / 短信 / 书面")
    if not content.strip():
        raise ValueError("请填写反馈内容")
    if satisfaction and satisfaction not in rules.SATISFACTION:
        raise ValueError("满意度应为：满意 / 基本满意 / 不满意")
    with database.atomic():
        entry = audit.create(VisitFeedback, who, at, visit=visit, given_at=at, method=method,
                             content=content.strip(), satisfaction=satisfaction, staff=who,
                             created_at=at, created_by=who)
        changes: dict[str, object] = {}
        if visit.status == rules.DONE:
            changes["status"] = rules.FED_BACK
        if satisfaction:
            changes["satisfaction"] = satisfaction
        if changes:
            audit.update(visit, who, at, **changes)
    return entry


def close_without_feedback(visit: Visit, reason: str, who: str, at: dt.datetime) -> Visit:
    """Close a finished matter the person could not be told about; only with a reason (V03)."""
    _require_open(visit)
    if visit.status != rules.DONE:
        raise ValueError("事项须先办结（有办理结果）才能关闭")
    if not reason.strip():
        raise ValueError("未反馈即关闭，必须填写原因")
    return audit.update(visit, who, at, closed_at=at, close_reason=reason.strip())


def set_mediation_result(visit: Visit, result: str, who: str, at: dt.datetime) -> Visit:
    """V06: the outcome of mediating a dispute."""
    if result not in rules.MEDIATION_RESULTS:
        raise ValueError("调解结果应为：调解成功 / 未成功 / 移交")
    return audit.update(visit, who, at, mediation_result=result)


# -- deadlines (V04) ---------------------------------------------------------------------------
def start_pause(visit: Visit, cause: str, start: dt.date, who: str, at: dt.datetime,
                note: str = "") -> VisitPause:
    """Stop the clock: time caused by the person or waiting for approval does not count."""
    _require_open(visit)
    if cause not in rules.PAUSE_CAUSES:
        raise ValueError("暂停原因应为：群众原因 或 等待上级审批")
    if visit.deadline is None:
        raise ValueError("该事项没有承诺时限，无需暂停计时")
    if open_pause(visit) is not None:
        raise ValueError("该事项已在暂停计时中")
    return audit.create(VisitPause, who, at, visit=visit, cause=cause, start=start, note=note.strip(),
                        created_at=at, created_by=who)


def open_pause(visit: Visit) -> VisitPause | None:
    return (VisitPause.select()
            .where((VisitPause.visit == visit) & VisitPause.end.is_null() & VisitPause.voided_at.is_null())
            .first())


def end_pause(visit: Visit, end: dt.date, who: str, at: dt.datetime) -> VisitPause:
    pause = open_pause(visit)
    if pause is None:
        raise ValueError("该事项没有暂停计时")
    if end < pause.start:
        raise ValueError("恢复日期不能早于暂停日期")
    return audit.update(pause, who, at, end=end)


def pauses_of(visit: Visit) -> list[rules.Pause]:
    return [rules.Pause(p.start, p.end)
            for p in visit.pauses.where(VisitPause.voided_at.is_null()).order_by(VisitPause.start)]


def extend_deadline(visit: Visit, new_deadline: dt.date, reason: str, who: str, at: dt.datetime,
                    calendar: WorkdayCalendar) -> VisitExtension:
    """Extend a promised deadline: needs the reason told to the person, and at most the special
    maximum of working days counted from the day the matter was received (V04); a matter needing
    review (需审核) at most its own maximum (5 working days by default)."""
    _require_open(visit)
    if not reason.strip():
        raise ValueError("延期须填写原因（并告知群众）")
    if visit.deadline is None:
        raise ValueError("该事项没有承诺时限")
    if new_deadline <= visit.deadline:
        raise ValueError("新的办结日期应晚于原承诺日期")
    received = visit.received_at.date()
    limit = max_days_for(visit.deadline_kind, received)
    latest = calendar.add_workdays(received, limit)
    if new_deadline > latest:
        what = "需审核事项" if visit.deadline_kind == "review" else ""
        raise ValueError(f"{what}延期后最长为受理后{limit}个工作日（{latest:%Y年%m月%d日}）")
    with database.atomic():
        ext = audit.create(VisitExtension, who, at, visit=visit, reason=reason.strip(),
                           old_deadline=visit.deadline, new_deadline=new_deadline,
                           created_at=at, created_by=who)
        audit.update(visit, who, at, reason=reason.strip(), deadline=new_deadline)
    return ext


def urgency_of(visit: Visit, calendar: WorkdayCalendar, today: dt.date) -> str:
    """ok / due_soon / overdue / paused for an open matter (closed ones are always ok)."""
    if not visit.is_open or visit.status == rules.DONE or visit.deadline is None:
        return rules.URGENCY_OK
    soon = int(get_setting(rules.DUE_SOON_DAYS, today))
    return rules.urgency(calendar, visit.deadline, today, pauses_of(visit), soon)


def effective_deadline_of(visit: Visit, calendar: WorkdayCalendar, today: dt.date) -> dt.date | None:
    if visit.deadline is None:
        return None
    return rules.effective_deadline(calendar, visit.deadline, pauses_of(visit), today)
