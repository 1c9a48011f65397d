"""Sign-in and sign-out (签到/签退), who holds each slot, and who is on duty now (D05-D07).

The person who must sign for a slot is the rostered person, or their substitute once a director
approved the leave (D07). A substitute who does not sign in is absent, not the original; but a
substitute named only after the session began (事后补假) was never asked, so is never blamed.
Signing in needs the person's own PIN (``store.duty.sign_in_identity``); 代签 and a director's accepted
reason for a sign-in after the cutoff live in ``store.duty.sign_in_book``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, TextField

from dutydesk.domain import attendance as rules
from dutydesk.domain import sign_in_book as book
from dutydesk.domain.attendance import SlotFacts
from dutydesk.domain.duty_settings import SessionDef
from dutydesk.domain.sign_in_book import BookRules
from dutydesk.store import audit
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel, database
from dutydesk.store.day_range import day_bounds
from dutydesk.store.duty.duty_config import DutyConfigs, duty_config
from dutydesk.store.duty.inspections import DutyFinding, findings_between
from dutydesk.store.duty.leave import LeaveRequest, leave_for, leaves_between
from dutydesk.store.duty.roster import LATE_ROSTERED, live_slots
from dutydesk.store.duty.staff import Staff

DEFAULT_BOOK = BookRules()

# A sign-in is accepted from this long before a session starts (the book is on the desk).
SIGN_IN_OPENS = dt.timedelta(hours=2)


class SignIn(BaseModel, VoidableMixin):
    staff = ForeignKeyField(Staff)
    day = DateField()
    session_key = CharField()
    signed_in_at = DateTimeField()
    signed_out_at = DateTimeField(null=True)
    recorded_by = CharField()
    proof = CharField(default="")  # "pin": the person's own PIN; "proxy": 代签; "": before PINs were in use
    proxy_by = CharField(default="")  # the principal leader who authorised 代签
    proxy_reason = TextField(default="")
    excuse_type = CharField(default="")  # D05: reason a director accepted for signing after the cutoff
    excuse_note = TextField(default="")
    excused_by = CharField(null=True)
    excused_at = DateTimeField(null=True)

    @property
    def is_proxy(self) -> bool:
        return self.proof == "proxy"


class SignInError(ValueError):
    """A sign-in or sign-out that cannot be taken; the message is shown to the user."""


@dataclass(eq=False, repr=False)  # never compared or printed: less to compile at start (issue 17)
class DutyAssignment:
    """One rostered person's slot and who actually has to sit it."""

    day: dt.date
    session: SessionDef
    rostered: Staff
    leave: LeaveRequest | None  # leave covering this slot, approved or not
    sign_in: SignIn | None  # the holder's sign-in
    found_off_post: bool
    late_rostered: bool = False  # put on the roster after the session's cutoff (补排): no cutoff applies
    book: BookRules = DEFAULT_BOOK

    @property
    def leave_approved(self) -> bool:
        return self.leave is not None and self.leave.approved

    @property
    def late_leave(self) -> bool:
        """D07: leave asked for after this session began (事后补假)."""
        return self.leave is not None and self.leave.requested_at > self.session.at(self.day, "start")

    @property
    def substitute_asked(self) -> bool:
        """D07: the substitute takes the slot over only if asked before the session began."""
        return self.leave_approved and self.leave.substitute_id is not None and not self.late_leave

    @property
    def holder(self) -> Staff:
        """D07: the substitute once leave is approved in time; otherwise the rostered person."""
        if self.substitute_asked:
            return self.leave.substitute
        return self.rostered

    def facts(self) -> SlotFacts:
        row = self.sign_in
        return SlotFacts(
            self.day, self.session, self.holder.id,
            row.signed_in_at if row else None,
            row.signed_out_at if row else None,
            self.found_off_post,
            after_cutoff=self.book.after_cutoff,
            excused=row.excuse_type if row and row.excused_at is not None else "",
            cutoff_waived=self.late_rostered,
            early_minutes=self.book.early_minutes,
            not_early_is_late=self.book.not_early_is_late,
        )

    def status(self, now: dt.datetime) -> str:
        if self.leave_approved:
            return rules.OFFICIAL if self.leave.leave_type == "公出" else rules.ON_LEAVE
        return rules.status(self.facts(), now)

    def _sign_notes(self, now: dt.datetime) -> list[str]:
        """The book's remarks on the holder's sign-in: 代签, an accepted reason, not early (D05)."""
        facts, row, notes = self.facts(), self.sign_in, []
        if row is not None and row.is_proxy:
            notes.append(f"代签，{row.proxy_by}授权")
        if facts.excused:
            notes.append(f"{facts.excused}，{row.excused_by}认定")
        elif rules.is_absent(facts, now) and facts.sign_in is not None and not facts.found_off_post:
            notes.append("计缺勤")
        if rules.is_not_early(facts):
            notes.append(rules.NOT_EARLY)
        if self.late_rostered:
            notes.append("补排")
        return notes

    def status_text(self, now: dt.datetime) -> str:
        """What the Today tab shows, e.g. "请假（替班：李四 已签到）" or "未覆盖：请假待批"."""
        text = self.status(now)
        if self.leave_approved:
            if self.late_leave:
                text += "（事后补假）"
            if self.substitute_asked:
                sub = "，".join([rules.status(self.facts(), now), *self._sign_notes(now)])
                text += f"（替班：{self.leave.substitute.name} {sub}）"
            return text
        if text == rules.LATE and self.sign_in is None:
            text += "（未签到）"
        notes = self._sign_notes(now)
        if notes:
            text += f"（{'，'.join(notes)}）"
        if self.leave is not None:
            return f"{text}（请假待批，未覆盖）"
        return text


def sign_ins_between(start: dt.date, end: dt.date) -> dict[tuple[int, dt.date, str], SignIn]:
    rows = SignIn.select().where(SignIn.day.between(start, end) & SignIn.voided_at.is_null())
    return {(r.staff_id, r.day, r.session_key): r for r in rows}


def _off_post(findings: list[DutyFinding], staff_id: int, day: dt.date, session: SessionDef,
              sign_in: SignIn | None) -> bool:
    """D06: signed in and then found off post during the session is absent."""
    if sign_in is None:
        return False
    start, end = session.at(day, "start"), session.at(day, "end")
    return any(f.kind == "inspection" and f.staff_id == staff_id and start <= f.found_at < end for f in findings)


def assignments_between(start: dt.date, end: dt.date) -> list[DutyAssignment]:
    """Every rostered slot of the range with its leave, holder's sign-in and D06 finding."""
    leaves = leaves_between(start, end)
    signs = sign_ins_between(start, end)
    findings = findings_between(*day_bounds(start, end))
    batch = DutyConfigs()
    configs: dict[dt.date, dict[str, SessionDef]] = {}
    books: dict[dt.date, BookRules] = {}
    result = []
    for slot in live_slots(start, end):
        sessions = configs.setdefault(slot.day, {s.key: s for s in batch.on(slot.day).sessions})
        session = sessions.get(slot.session_key)
        if session is None:
            continue  # a session removed from the settings later; its roster stays in the books
        if slot.day not in books:
            books[slot.day] = BookRules.from_settings(batch.value(book.AFTER_CUTOFF, slot.day),
                                        batch.on(slot.day).early_arrival_minutes,
                                        batch.value(book.NOT_EARLY_IS_LATE, slot.day))
        leave = leave_for(slot.staff_id, slot.day, slot.session_key, leaves)
        a = DutyAssignment(slot.day, session, slot.staff, leave, None, False,
                           slot.source == LATE_ROSTERED, books[slot.day])
        holder_id = a.holder.id
        a.sign_in = signs.get((holder_id, slot.day, slot.session_key))
        a.found_off_post = _off_post(findings, holder_id, slot.day, session, a.sign_in)
        result.append(a)
    result.sort(key=lambda a: (a.day, a.session.start, a.rostered.id))
    return result


def assignments_on(day: dt.date) -> list[DutyAssignment]:
    return assignments_between(day, day)


def slot_to_sign(staff: Staff, now: dt.datetime) -> DutyAssignment:
    mine = [a for a in assignments_on(now.date()) if a.holder.id == staff.id and a.sign_in is None
            and a.session.at(now.date(), "start") - SIGN_IN_OPENS <= now < a.session.at(now.date(), "end")]
    if not mine:
        raise SignInError(f"{staff.name}现在没有需要签到的班次")
    return mine[0]


def sign_in(staff: Staff, who: str, now: dt.datetime, pin: str | None = None) -> SignIn:
    """D05: sign in in person with one's own PIN; the time is the clock's, never typed.

    Raises ``sign_in_identity.IdentityRefused`` for a missing or wrong PIN."""
    from dutydesk.store.duty.sign_in_identity import verify_identity  # not on the first screen's path

    slot = slot_to_sign(staff, now)
    proof = verify_identity(staff, pin, now)
    return audit.create(SignIn, who, now, staff=staff, day=now.date(), session_key=slot.session.key,
                        signed_in_at=now, recorded_by=who, proof=proof)


def open_sign_in(staff: Staff, day: dt.date) -> SignIn | None:
    return (SignIn.select().where((SignIn.staff == staff) & (SignIn.day == day) & SignIn.signed_out_at.is_null()
                                  & SignIn.voided_at.is_null()).order_by(SignIn.signed_in_at).first())


def open_sign_in_staff(day: dt.date) -> set[int]:
    """The staff (ids) with a sign-in on ``day`` not signed out yet: ``open_sign_in`` for everyone
    in one read (the whereabouts board, issue 17)."""
    query = (SignIn.select(SignIn.staff).where((SignIn.day == day) & SignIn.signed_out_at.is_null()
                                               & SignIn.voided_at.is_null()).tuples())
    return {staff_id for (staff_id,) in query}


def sign_out(staff: Staff, handover_note: str, open_matters_text: str, who: str, now: dt.datetime) -> SignIn:
    """Sign out and write the handover note (D09) in one transaction."""
    from dutydesk.store.duty.handover import write_handover

    row = open_sign_in(staff, now.date())
    if row is None:
        raise SignInError(f"{staff.name}今天没有未签退的签到")
    if not handover_note.strip():
        raise SignInError("请填写交接班事项（没有可写“无”）")
    with database.atomic():
        audit.update(row, who, now, signed_out_at=now)
        write_handover(row.day, row.session_key, staff, handover_note, open_matters_text, who, now)
    return row


def on_duty_now(now: dt.datetime) -> list[str]:
    """Names of staff signed in and on duty at ``now`` (the default first responder for visits)."""
    sessions = {s.key: s for s in duty_config(now.date()).sessions}
    names = []
    query = (SignIn.select(SignIn, Staff).join(Staff)
             .where((SignIn.day == now.date()) & SignIn.voided_at.is_null() & (SignIn.signed_in_at <= now))
             .order_by(SignIn.signed_in_at))
    for row in query:
        session = sessions.get(row.session_key)
        if session is None or now >= session.at(row.day, "end"):
            continue
        if row.signed_out_at is not None and row.signed_out_at <= now:
            continue
        if row.staff.name not in names:
            names.append(row.staff.name)
    return names
