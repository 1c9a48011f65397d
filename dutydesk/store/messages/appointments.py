"""Appointments (预约, V14): a resident books a day and time for a service.

A booking shows on that day's 今日值班 and 来访登记 pages; when the person comes it becomes a visit
(``visit_draft_for`` prefills the registration form, ``mark_arrived`` links the saved visit); a
booking nobody came for is marked 未到. Every change is audited; a booking is cancelled, never deleted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import CharField, DateTimeField, ForeignKeyField, TextField

from dutydesk.domain import appointment as rules
from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.phone import PhoneError, parse_phone
from dutydesk.domain.text_input import normalize_text
from dutydesk.store import audit
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel
from dutydesk.store.settings import get_setting
from dutydesk.store.visits.residents import Resident
from dutydesk.store.visits.visit import Visit


class Appointment(BaseModel, VoidableMixin):
    slot_at = DateTimeField()
    person_name = CharField()
    contact = CharField(default="")
    resident = ForeignKeyField(Resident, null=True, backref="appointments")
    service = TextField()
    booked_via = CharField()  # rules.BOOKED_VIA
    state = CharField()  # rules.STATE_LABELS keys
    visit = ForeignKeyField(Visit, null=True, backref="appointments")
    marked_at = DateTimeField(null=True)
    marked_by = CharField(default="")
    created_at = DateTimeField()
    created_by = CharField()

    @property
    def state_label(self) -> str:
        return "已作废" if self.voided_at is not None else rules.STATE_LABELS.get(self.state, self.state)


class AppointmentInvalid(FieldErrors):
    """Field -> Chinese message."""


@dataclass
class AppointmentDraft:
    slot_at: dt.datetime
    person_name: str
    service: str
    contact: str = ""
    booked_via: str = "电话"
    resident_id: int | None = None


def book(draft: AppointmentDraft, who: str, at: dt.datetime) -> Appointment:
    """V14: book a day and time for a service (not in the past)."""
    name, service = normalize_text(draft.person_name), normalize_text(draft.service, multiline=True)
    contact = normalize_text(draft.contact)
    errors: dict[str, str] = {}
    if not name:
        errors["person_name"] = "请填写预约人姓名"
    if not service:
        errors["service"] = "请填写预约办理的事项"
    if draft.slot_at < at.replace(second=0, microsecond=0):
        errors["slot_at"] = "预约时间不能早于现在"
    if draft.booked_via not in rules.BOOKED_VIA:
        errors["booked_via"] = "请选择预约方式：电话 / 当面 / 其他"
    if contact:
        try:
            contact = parse_phone(contact)
        except PhoneError as exc:
            errors["contact"] = str(exc)
    if errors:
        raise AppointmentInvalid(errors)
    return audit.create(Appointment, who, at, slot_at=draft.slot_at, person_name=name, contact=contact,
                        resident=draft.resident_id, service=service, booked_via=draft.booked_via,
                        state=rules.BOOKED, created_at=at, created_by=who)


def _require_booked(appointment: Appointment) -> None:
    if appointment.voided_at is not None:
        raise AppointmentInvalid({"state": "该预约已作废"})
    if appointment.state != rules.BOOKED:
        raise AppointmentInvalid({"state": f"该预约已{appointment.state_label}"})


def mark_arrived(appointment: Appointment, visit: Visit, who: str, at: dt.datetime) -> Appointment:
    """V14: the person came; the booking is linked to the visit registered for it."""
    _require_booked(appointment)
    return audit.update(appointment, who, at, state=rules.ARRIVED, visit=visit, marked_at=at, marked_by=who)


def mark_missed(appointment: Appointment, who: str, at: dt.datetime) -> Appointment:
    """V14: nobody came, once the booked time has passed by the setting's minutes."""
    _require_booked(appointment)
    minutes = int(get_setting(rules.MISSED_AFTER_MINUTES, appointment.slot_at.date()))
    problem = rules.missed_error(appointment.slot_at, at, minutes)
    if problem:
        raise AppointmentInvalid({"state": problem})
    return audit.update(appointment, who, at, state=rules.MISSED, marked_at=at, marked_by=who)


def cancel(appointment: Appointment, reason: str, who: str, at: dt.datetime) -> Appointment:
    _require_booked(appointment)
    if not reason.strip():
        raise AppointmentInvalid({"reason": "取消预约须填写原因"})
    return audit.update(appointment, who, at, reason=reason.strip(), state=rules.CANCELLED, marked_at=at,
                        marked_by=who)


def appointments_on(day: dt.date) -> list[Appointment]:
    """That day's live bookings in time order (what 今日值班 and 来访登记 show)."""
    start = dt.datetime.combine(day, dt.time.min)
    return list(Appointment.select()
                .where((Appointment.slot_at >= start) & (Appointment.slot_at < start + dt.timedelta(days=1))
                       & Appointment.voided_at.is_null() & (Appointment.state != rules.CANCELLED))
                .order_by(Appointment.slot_at, Appointment.id))


def upcoming(from_day: dt.date, limit: int = 200) -> list[Appointment]:
    start = dt.datetime.combine(from_day, dt.time.min)
    return list(Appointment.select().where((Appointment.slot_at >= start) & Appointment.voided_at.is_null())
                .order_by(Appointment.slot_at, Appointment.id).limit(limit))


def appointment_by_id(appointment_id: int) -> Appointment | None:
    return Appointment.get_or_none(Appointment.id == appointment_id)


def line_text(appointment: Appointment) -> str:
    """One line as the day's pages show it: time, person, service, state."""
    service = " ".join(appointment.service.split())
    return f"{appointment.slot_at:%H:%M} {appointment.person_name}｜{service}｜{appointment.state_label}"


def visit_fields_for(appointment: Appointment) -> dict[str, object]:
    """What the registration form is prefilled with when the person comes (V14)."""
    return {"person_name": appointment.person_name, "contact": appointment.contact,
            "resident_id": appointment.resident_id, "request": appointment.service, "channel": "来访"}
