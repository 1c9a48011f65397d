"""值班记录簿 (D10): per day and session, who was on duty, sign-in/out, the handover, and what the
desk handled (visits, proxy matters, disputes, incidents, inspections) in that session.

Requests, results and handover notes are quoted word for word, so phone and ID numbers in them
are masked (V09) unless a director approved an unmasked export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from dutydesk.desk import Desk
from dutydesk.domain.labels import label
from dutydesk.reports.ledger.model import Chunk, Column, Ledger, Table
from dutydesk.reports.ledgers.registry import LedgerSpec, Period, ledger_for, privacy_footer, register
from dutydesk.store import duty_log_feed
from dutydesk.store.duty.attendance import assignments_between
from dutydesk.store.duty.handover import handovers_on, notes_on
from dutydesk.store.duty.inspections import findings_between
from dutydesk.store.duty_log_feed import DutyLogEntry
from dutydesk.store.privacy import ExportGrant, export_text_masker

COLUMNS = [
    Column("日期", 11, "date", pdf_width=54), Column("星期", 5, pdf_width=24), Column("班次", 16, pdf_width=50),
    Column("值班人员", 16, pdf_width=70), Column("签到", 7, "time", pdf_width=34),
    Column("签退", 7, "time", pdf_width=34), Column("考勤", 20, pdf_width=80),
    Column("交接班", 36, pdf_width=150), Column("当班记录（来访、代办、纠纷、突发事件、督查）", 60, pdf_width=278),
]
WEEKDAYS = "一二三四五六日"
ENTRIES_PER_ROW = 6


def _entries(day: dt.date) -> list[DutyLogEntry]:
    """The day's entries that are not attendance (those have their own columns)."""
    start = dt.datetime.combine(day, dt.time())
    entries = [DutyLogEntry(f.found_at, "督查", f"{label('finding_kind', f.kind)}：{f.staff.name}（{f.inspector}）",
                            f.detail) for f in findings_between(start, start + dt.timedelta(days=1))]
    entries += [DutyLogEntry(n.noted_at, n.kind, n.text, n.result) for n in notes_on(day)]
    entries += duty_log_feed.entries_for(day)
    return sorted(entries, key=lambda e: e.at)


def _entry_text(entry: DutyLogEntry) -> str:
    result = f"（{entry.result}）" if entry.result else ""
    return f"{entry.at:%H:%M} {entry.kind}：{entry.text}{result}"


def _parts(lines: list[str], size: int = ENTRIES_PER_ROW) -> list[str]:
    """Entries in groups per row: a printed row must fit on a page, and a day can be busy."""
    if not lines:
        return [""]
    return ["\n".join(lines[i:i + size]) for i in range(0, len(lines), size)]


def duty_chunks(period: Period, now: dt.datetime, days_per_chunk: int = 31,
                grant: ExportGrant | None = None) -> Iterator[Chunk]:
    """A month of days at a time: a year's log never sits in memory at once."""
    text: Callable[[str], str] = export_text_masker(grant)
    first = period.start
    while first <= period.end:
        last = min(period.end, first + dt.timedelta(days=days_per_chunk - 1))
        by_day: dict[dt.date, list] = {}
        for a in assignments_between(first, last):
            by_day.setdefault(a.day, []).append(a)
        rows = []
        day = first
        while day <= last:
            slots = by_day.get(day, [])
            entries = _entries(day)
            handovers = {h.session_key: h for h in handovers_on(day)}
            sessions = sorted({a.session.key: a.session for a in slots}.values(), key=lambda s: s.start)
            # Each entry goes to the session it happened in (or the latest one that had begun).
            per_session: dict[str, list[str]] = {s.key: [] for s in sessions}
            for entry in entries:
                started = [s for s in sessions if s.at(day, "start") <= entry.at] or sessions[:1]
                if started:
                    per_session[started[-1].key].append(text(_entry_text(entry)))
            weekday = WEEKDAYS[day.weekday()]
            if not slots and entries:
                for number, part in enumerate(_parts([text(_entry_text(e)) for e in entries])):
                    rows.append((day, weekday, "（续）" if number else "—", "—", None, None, "", "", part))
            seen_sessions: set[str] = set()
            for a in slots:
                key = a.session.key
                first_of_session = key not in seen_sessions
                seen_sessions.add(key)
                handover = ""
                h = handovers.get(key)
                if h is not None and first_of_session:
                    taken = f"；{h.acknowledged_by.name}已接班" if h.acknowledged_by_id else "；待接班"
                    handover = f"{h.from_staff.name}交班：{h.note}{taken}"
                    if h.open_matters:
                        handover += "；未办结：" + h.open_matters.replace("\n", "；")
                    handover = text(handover)
                holder = a.holder
                who = holder.name if holder.id == a.rostered.id else f"{holder.name}（替{a.rostered.name}）"
                sign = a.sign_in
                parts = _parts(per_session.get(key, [])) if first_of_session else [""]
                rows.append((
                    day, weekday, a.session.label(), who,
                    sign.signed_in_at if sign else None,
                    sign.signed_out_at if sign else None,
                    a.status_text(now), handover, parts[0],
                ))
                for part in parts[1:]:  # a busy session continues on rows of its own
                    rows.append((day, weekday, f"{a.session.name}（续）", "", None, None, "", "", part))
            day += dt.timedelta(days=1)
        if rows:
            yield rows
        first = last + dt.timedelta(days=1)


def build(desk: Desk, period: Period, grant: ExportGrant | None = None) -> Ledger:
    now = desk.now()
    table = Table(COLUMNS, lambda: duty_chunks(period, now, grant=grant))
    return ledger_for(desk, "值班记录簿", period, tables=[table], sheet_name="值班记录",
                      extra_footer=privacy_footer(grant))


SPEC = register(LedgerSpec("duty", "值班记录簿", False, build, "D10", personal=True))
