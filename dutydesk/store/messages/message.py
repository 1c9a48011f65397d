"""The message book (留言转告登记簿, V10): messages left at the desk for a cadre, a resident or a
unit, and how each was passed on.

An undelivered message is an open matter: it goes into every handover note (D09) at once, and
into 待跟进 once it has waited the setting's number of hours (``open_matters.TIMED_PROVIDERS``, which
are asked with the current time). Delivering it is an audited update; a wrong one is voided.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import CharField, DateTimeField, TextField

from dutydesk.domain import message as rules
from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.personal_numbers import mask_personal_numbers
from dutydesk.domain.phone import PhoneError, parse_phone
from dutydesk.domain.text_input import normalize_text
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store import audit, duty_log_feed, open_matters
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel, database
from dutydesk.store.duty_log_feed import DutyLogEntry
from dutydesk.store.open_matters import OpenMatter
from dutydesk.store.settings import get_setting


class Message(BaseModel, VoidableMixin):
    received_at = DateTimeField()
    channel = CharField()  # rules.CHANNELS
    from_name = CharField()
    from_contact = CharField(default="")
    for_kind = CharField()  # rules.FOR_KINDS
    for_name = CharField()
    content = TextField()
    taken_by = CharField()
    delivered_at = DateTimeField(null=True)
    delivered_by = CharField(default="")
    delivery_method = CharField(default="")
    delivery_note = TextField(default="")
    created_at = DateTimeField()
    created_by = CharField()

    @property
    def ref(self) -> str:
        return f"留言{self.received_at:%Y}-{self.id:05d}"

    @property
    def state_label(self) -> str:
        if self.voided_at is not None:
            return "已作废"
        return "已转达" if self.delivered_at is not None else "未转达"


class MessageInvalid(FieldErrors):
    """A message that cannot be saved; field -> Chinese message."""


@dataclass
class MessageDraft:
    from_name: str
    for_kind: str
    for_name: str
    content: str
    from_contact: str = ""
    channel: str = "来访"


def leave_message(draft: MessageDraft, who: str, at: dt.datetime) -> Message:
    """V10: write a message down (from whom, for whom, content, contact)."""
    values = {k: normalize_text(getattr(draft, k), multiline=k == "content")
              for k in ("from_name", "for_kind", "for_name", "content", "from_contact", "channel")}
    errors: dict[str, str] = {}
    if not values["from_name"]:
        errors["from_name"] = "请填写留言人"
    if values["for_kind"] not in rules.FOR_KINDS:
        errors["for_kind"] = "请选择转告对象类别：干部 / 群众 / 单位"
    if not values["for_name"]:
        errors["for_name"] = "请填写转告给谁"
    if not values["content"]:
        errors["content"] = "请填写留言内容"
    if values["channel"] not in rules.CHANNELS:
        errors["channel"] = "请选择留言方式：来访 / 来电 / 其他"
    if values["from_contact"]:
        try:
            values["from_contact"] = parse_phone(values["from_contact"])
        except PhoneError as exc:
            errors["from_contact"] = str(exc)
    if errors:
        raise MessageInvalid(errors)
    return audit.create(Message, who, at, received_at=at, taken_by=who, created_at=at, created_by=who, **values)


def deliver(message: Message, delivered_by: str, method: str, note: str, who: str, at: dt.datetime) -> Message:
    """V10: the message was passed on — by whom and how."""
    errors: dict[str, str] = {}
    if message.voided_at is not None:
        errors["message"] = "该留言已作废"
    elif message.delivered_at is not None:
        errors["message"] = "该留言已转达"
    if not normalize_text(delivered_by):
        errors["delivered_by"] = "请填写转达人"
    if method not in rules.DELIVERY_METHODS:
        errors["delivery_method"] = "请选择转达方式：当面 / 电话 / 短信 / 微信 / 书面"
    if errors:
        raise MessageInvalid(errors)
    with database.atomic():
        return audit.update(message, who, at, delivered_at=at, delivered_by=normalize_text(delivered_by),
                            delivery_method=method, delivery_note=normalize_text(note, multiline=True))


def void_message(message: Message, reason: str, who: str, at: dt.datetime) -> Message:
    if not reason.strip():
        raise MessageInvalid({"reason": "作废须填写原因"})
    return audit.void(message, who, at, reason)


def undelivered() -> list[Message]:
    return list(Message.select().where(Message.delivered_at.is_null() & Message.voided_at.is_null())
                .order_by(Message.received_at, Message.id))


def recent_messages(limit: int = 200) -> list[Message]:
    """Undelivered ones first, then the newest delivered (what the 留言 page lists)."""
    waiting = undelivered()
    done = list(Message.select().where(Message.delivered_at.is_null(False) & Message.voided_at.is_null())
                .order_by(Message.received_at.desc()).limit(max(0, limit - len(waiting))))
    return waiting + done


def messages_between(start: dt.datetime, end: dt.datetime) -> list[Message]:
    return list(Message.select().where((Message.received_at >= start) & (Message.received_at < end))
                .order_by(Message.received_at, Message.id))


def message_by_id(message_id: int) -> Message | None:
    return Message.get_or_none(Message.id == message_id)


def _summary(m: Message, now: dt.datetime) -> str:
    content = mask_personal_numbers(" ".join(m.content.split()))
    content = content if len(content) <= 20 else content[:19] + "…"
    return f"留言：{m.from_name}→{m.for_name}（{m.for_kind}）｜{content}｜{rules.waited_text(m.received_at, now)}"


def message_matters(now: dt.datetime, calendar: WorkdayCalendar) -> list[OpenMatter]:
    """D09, V10: every undelivered message is handed over; one waiting the setting's hours is overdue
    (and so shows in 待跟进)."""
    hours = int(get_setting(rules.FOLLOWUP_HOURS, now.date()))
    return [OpenMatter("message", m.ref, _summary(m, now), (m.received_at + dt.timedelta(hours=hours)).date(),
                       "overdue" if rules.waiting_too_long(m.received_at, now, hours) else "ok", m.id)
            for m in undelivered()]


def message_log(day: dt.date) -> list[DutyLogEntry]:
    """D10: the day's messages in the duty log, with how each was passed on."""
    start = dt.datetime.combine(day, dt.time.min)
    rows = [m for m in messages_between(start, start + dt.timedelta(days=1)) if m.voided_at is None]
    return [DutyLogEntry(m.received_at, "留言转告",
                         f"{m.from_name}留言给{m.for_name}（{m.for_kind}）：{mask_personal_numbers(m.content)}",
                         f"已{m.delivery_method}转达（{m.delivered_by}）" if m.delivered_at else "未转达")
            for m in rows]


if message_log not in duty_log_feed.PROVIDERS:
    duty_log_feed.PROVIDERS.append(message_log)
if message_matters not in open_matters.TIMED_PROVIDERS:
    open_matters.TIMED_PROVIDERS.append(message_matters)
