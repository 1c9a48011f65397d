"""Follow-up of a missing-materials or not-eligible notice (N07): the date to supply, the call.

A missing-materials notice (N03) carries a date by which the person brings what is missing. When
that date has passed without the matter being accepted, or when the person is not eligible (N04),
the desk phones the reason, records the call and closes the matter as 不予受理. Until then the
notice waits in 待跟进 from its date (``open_matters.PROVIDERS``). The notice itself is never
changed (N06): the date and the call live in their own audited row.
"""

from __future__ import annotations

import datetime as dt

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, TextField

from dutydesk.domain.catalogue import Outcome
from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.phone import normalize_phone
from dutydesk.domain.settings import declare
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store import audit, duty_log_feed, open_matters
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel, database
from dutydesk.store.duty_log_feed import DutyLogEntry
from dutydesk.store.notices.catalogue import CatalogueVersion
from dutydesk.store.notices.notice import NoticeRecord
from dutydesk.store.open_matters import OpenMatter
from dutydesk.store.settings import get_setting

SUPPLY_DAYS = declare("notice.supply_days", 7, "补齐材料期限（告知后工作日）", "N07")
NOT_ACCEPTED = "不予受理"
LOOK_BACK_DAYS = 366
FOLLOWED = (Outcome.MISSING.value, Outcome.NOT_ELIGIBLE.value)


class NoticeFollowUp(BaseModel, VoidableMixin):
    notice = ForeignKeyField(NoticeRecord, backref="follow_ups")
    supply_by = DateField(null=True)
    called_at = DateTimeField(null=True)
    called_by = CharField(default="")
    phone = CharField(default="")
    said = TextField(default="")
    outcome = CharField(default="")
    closed_at = DateTimeField(null=True)
    created_at = DateTimeField()
    created_by = CharField()


class FollowUpInvalid(FieldErrors):
    """Field -> Chinese message for the supply date or the call."""


def follow_up_of(notice: NoticeRecord) -> NoticeFollowUp | None:
    return (NoticeFollowUp.select().where((NoticeFollowUp.notice == notice) & NoticeFollowUp.voided_at.is_null())
            .order_by(NoticeFollowUp.id.desc()).first())


def default_supply_by(notice: NoticeRecord, calendar: WorkdayCalendar) -> dt.date:
    """N07: told day plus the setting's working days."""
    told = notice.told_at.date()
    return calendar.add_workdays(told, int(get_setting(SUPPLY_DAYS, told)))


def supply_by(notice: NoticeRecord, calendar: WorkdayCalendar) -> dt.date | None:
    """The date printed on a missing-materials notice (None for other outcomes)."""
    if notice.outcome != Outcome.MISSING.value:
        return None
    row = follow_up_of(notice)
    if row is not None and row.supply_by is not None:
        return row.supply_by
    return default_supply_by(notice, calendar)


def set_supply_by(notice: NoticeRecord, day: dt.date, who: str, at: dt.datetime) -> NoticeFollowUp:
    """Set (or move, with history) the date by which the missing materials are to be brought."""
    if notice.outcome != Outcome.MISSING.value:
        raise FollowUpInvalid({"supply_by": "只有材料不全的告知单才需要补齐期限"})
    if day < notice.told_at.date():
        raise FollowUpInvalid({"supply_by": "补齐期限不能早于告知日期"})
    with database.atomic():
        row = follow_up_of(notice)
        if row is None:
            return audit.create(NoticeFollowUp, who, at, notice=notice, supply_by=day, created_at=at, created_by=who)
        if row.closed_at is not None:
            raise FollowUpInvalid({"supply_by": "该告知已电话告知并办结，不能再改期限"})
        return audit.update(row, who, at, reason="修改补齐期限", supply_by=day)


def superseded(notice: NoticeRecord) -> bool:
    """The person came back and the matter went ahead (a later accepted or done notice for the same
    visit or person and item): nothing is left to follow up."""
    later = (NoticeRecord.select(NoticeRecord.id).join(CatalogueVersion)
             .where((NoticeRecord.id > notice.id) & NoticeRecord.voided_at.is_null()
                    & (CatalogueVersion.code == notice.item_version.code)
                    & NoticeRecord.outcome.in_([Outcome.DONE_NOW.value, Outcome.ACCEPT_PROXY.value])))
    if notice.visit_id is not None:
        later = later.where(NoticeRecord.visit == notice.visit_id)
    else:
        later = later.where(NoticeRecord.person_name == notice.person_name)
    return later.exists()


def due_on(notice: NoticeRecord, calendar: WorkdayCalendar) -> dt.date:
    """When the desk is to phone: the day after the supply date (N03), the told day (N04)."""
    if notice.outcome == Outcome.NOT_ELIGIBLE.value:
        return notice.told_at.date()
    return (supply_by(notice, calendar) or notice.told_at.date()) + dt.timedelta(days=1)


def waiting(today: dt.date, calendar: WorkdayCalendar) -> list[NoticeRecord]:
    """Notices whose call is due by ``today`` and not yet recorded, oldest first.

    Read with three queries whatever the number of notices (the status bar asks every minute)."""
    return [notice for notice, _due in waiting_with_due(today, calendar)]


def waiting_with_due(today: dt.date, calendar: WorkdayCalendar) -> list[tuple[NoticeRecord, dt.date]]:
    """``waiting`` with each notice's ``due_on`` day, from the same three queries (issue 17: the
    open matters at start no longer read each notice's follow-up and setting again)."""
    closed = NoticeFollowUp.select(NoticeFollowUp.notice).where(
        NoticeFollowUp.voided_at.is_null() & NoticeFollowUp.closed_at.is_null(False))
    start = dt.datetime.combine(today + dt.timedelta(days=1), dt.time.min)
    oldest = start - dt.timedelta(days=LOOK_BACK_DAYS)  # older ones were followed up long ago
    candidates = list(NoticeRecord.select(NoticeRecord, CatalogueVersion).join(CatalogueVersion).where(
        NoticeRecord.voided_at.is_null() & NoticeRecord.outcome.in_(FOLLOWED)
        & NoticeRecord.id.not_in(closed) & (NoticeRecord.told_at < start) & (NoticeRecord.told_at >= oldest))
        .order_by(NoticeRecord.id))
    if not candidates:
        return []
    dates = {f.notice_id: f.supply_by for f in NoticeFollowUp.select(NoticeFollowUp.notice, NoticeFollowUp.supply_by)
             .where(NoticeFollowUp.voided_at.is_null() & NoticeFollowUp.notice.in_([n.id for n in candidates]))
             .order_by(NoticeFollowUp.id)}  # the newest wins, as in follow_up_of
    went_ahead: dict[tuple, int] = {}  # (visit or person, item code) -> the newest accepted notice's id
    for nid, visit_id, person, code in (
            NoticeRecord.select(NoticeRecord.id, NoticeRecord.visit, NoticeRecord.person_name, CatalogueVersion.code)
            .join(CatalogueVersion)
            .where(NoticeRecord.voided_at.is_null() & (NoticeRecord.told_at >= oldest)
                   & NoticeRecord.outcome.in_([Outcome.DONE_NOW.value, Outcome.ACCEPT_PROXY.value])).tuples()):
        for key in ((("visit", visit_id), code), (("person", person), code)):
            went_ahead[key] = max(went_ahead.get(key, 0), nid)
    out = []
    by_day: dict[dt.date, dt.date] = {}  # told day -> default supply date (one setting read per day)
    for n in candidates:
        if n.outcome == Outcome.NOT_ELIGIBLE.value:
            due = n.told_at.date()
        else:
            told = n.told_at.date()
            if told not in by_day:
                by_day[told] = default_supply_by(n, calendar)
            due = (dates.get(n.id) or by_day[told]) + dt.timedelta(days=1)
        who = ("visit", n.visit_id) if n.visit_id is not None else ("person", n.person_name)
        if due <= today and went_ahead.get((who, n.item_version.code), 0) <= n.id:
            out.append((n, due))
    return out


def record_call(notice: NoticeRecord, phone: str, said: str, who: str, at: dt.datetime,
                calendar: WorkdayCalendar) -> NoticeFollowUp:
    """N07: the desk phoned the reason; the matter closes as 不予受理 with the call kept."""
    errors: dict[str, str] = {}
    if notice.outcome not in FOLLOWED or notice.voided_at is not None:
        errors["notice"] = "该告知单不需要电话跟进"
    elif notice.outcome == Outcome.MISSING.value:
        limit = supply_by(notice, calendar)
        if limit is not None and at.date() <= limit:
            errors["notice"] = f"补齐材料期限（{limit:%Y年%m月%d日}）未到，不能按不予受理办结"
    if not said.strip():
        errors["said"] = "请填写电话中告知的原因"
    if not phone.strip():
        errors["phone"] = "请填写所拨电话"
    if errors:
        raise FollowUpInvalid(errors)
    with database.atomic():
        row = follow_up_of(notice)
        fields = dict(called_at=at, called_by=who, phone=normalize_phone(phone), said=said.strip(),
                      outcome=NOT_ACCEPTED, closed_at=at)
        if row is None:
            return audit.create(NoticeFollowUp, who, at, notice=notice, supply_by=supply_by(notice, calendar),
                                created_at=at, created_by=who, **fields)
        if row.closed_at is not None:
            raise FollowUpInvalid({"notice": "该告知已电话告知并按不予受理办结"})
        return audit.update(row, who, at, reason="电话告知，不予受理", **fields)


def follow_up_matters(today: dt.date, calendar: WorkdayCalendar) -> list[OpenMatter]:
    """N07: each notice to phone about, in 待跟进 from its date."""
    matters = []
    for notice, due in waiting_with_due(today, calendar):
        why = "不符合条件" if notice.outcome == Outcome.NOT_ELIGIBLE.value else "补齐材料期限已过"
        summary = f"告知跟进｜{notice.person_name}｜{notice.item_version.name}｜{why}，请电话告知并办结"
        matters.append(OpenMatter("notice", notice.ref, summary, due,
                                  "overdue" if due < today else "due_soon", notice.id))
    return matters


def follow_up_log(day: dt.date) -> list[DutyLogEntry]:
    """D10: the day's calls closing a notice as 不予受理, in the duty log."""
    start = dt.datetime.combine(day, dt.time.min)
    rows = (NoticeFollowUp.select().where(NoticeFollowUp.voided_at.is_null() & (NoticeFollowUp.called_at >= start)
                                          & (NoticeFollowUp.called_at < start + dt.timedelta(days=1)))
            .order_by(NoticeFollowUp.called_at))
    return [DutyLogEntry(r.called_at, "告知跟进",
                         f"电话告知{r.notice.person_name}（{r.notice.item_version.name}，{r.notice.ref}）：{r.said}",
                         r.outcome) for r in rows]


open_matters.PROVIDERS.append(follow_up_matters)
duty_log_feed.PROVIDERS.append(follow_up_log)
