"""The duty log (值班记录簿, D10): a day's sign-ins, handovers, inspections, notes and other features' entries."""

from __future__ import annotations

import datetime as dt

from dutydesk.domain.labels import label
from dutydesk.store import duty_log_feed
from dutydesk.store.duty.attendance import assignments_on
from dutydesk.store.duty.handover import handovers_on, notes_on
from dutydesk.store.duty.inspections import findings_between
from dutydesk.store.duty_log_feed import DutyLogEntry


def duty_log(day: dt.date, now: dt.datetime) -> list[DutyLogEntry]:
    """Everything the desk did that day, in time order."""
    entries: list[DutyLogEntry] = []
    for a in assignments_on(day):
        holder = a.holder
        if a.leave is not None and a.leave_approved:
            sub = f"，{a.leave.substitute.name}替班" if a.substitute_asked else ""
            sub += "，事后补假" if a.late_leave else ""
            entries.append(DutyLogEntry(a.session.at(day, "start"), "请假",
                                        f"{a.rostered.name}{a.leave.leave_type}（{a.session.name}）{sub}"))
        if a.sign_in is not None:
            proxy = f"，代签：{a.sign_in.proxy_by}授权，{a.sign_in.proxy_reason}" if a.sign_in.is_proxy else ""
            entries.append(DutyLogEntry(a.sign_in.signed_in_at, "签到",
                                        f"{holder.name}签到（{a.session.name}{proxy}）", a.status(now)))
            if a.sign_in.signed_out_at is not None:
                entries.append(DutyLogEntry(a.sign_in.signed_out_at, "签退",
                                            f"{holder.name}签退（{a.session.name}）"))
        elif now >= a.session.at(day, "end") and not (a.leave_approved and a.late_leave):
            entries.append(DutyLogEntry(a.session.at(day, "end"), "缺勤", f"{holder.name}未签到（{a.session.name}）"))
    for h in handovers_on(day):
        taken = f"{h.acknowledged_by.name}已接班" if h.acknowledged_by_id else "待接班"
        text = f"{h.from_staff.name}交班：{h.note}"
        if h.open_matters:
            text += "；未办结事项：" + h.open_matters.replace("\n", "；")
        entries.append(DutyLogEntry(h.written_at, "交接班", text, taken))
    start = dt.datetime.combine(day, dt.time())
    for f in findings_between(start, start + dt.timedelta(days=1)):
        what = label("finding_kind", f.kind)
        entries.append(DutyLogEntry(f.found_at, "督查", f"{what}：{f.staff.name}（{f.inspector}）", f.detail))
    for n in notes_on(day):
        entries.append(DutyLogEntry(n.noted_at, n.kind, n.text, n.result))
    entries.extend(duty_log_feed.entries_for(day))
    return sorted(entries, key=lambda e: e.at)
