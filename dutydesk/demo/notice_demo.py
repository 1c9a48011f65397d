"""Demo one-time notices and proxy cases: the default catalogue, then cases taken from the demo's
代办 visits at every step of their life (old ones closed, recent ones under way, a few overdue,
one returned for more materials, one refused, one voided), written through the real store
functions so their audit trail and slip numbers look exactly like the desk's own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from dutydesk.demo.generate import DemoPlan
from dutydesk.domain.catalogue import ServiceItem, Tick
from dutydesk.domain.placeholders import in_text
from dutydesk.domain.proxy_case import StepKind
from dutydesk.store.base import database
from dutydesk.store.notices import catalogue, proxy_cases
from dutydesk.store.notices import notice as notices
from dutydesk.store.notices.catalogue import CatalogueVersion
from dutydesk.store.visits.visit import Visit

MAX_CASES = 60
MAX_NOTICES = 40
# Which items the demo's 代办 requests become, by a word in the request.
ITEM_BY_WORD = {"医保": "YB-01", "独生子女": "JS-02", "残疾人证": "CJ-01", "建房": "NY-02", "养老": "SB-01"}
FALLBACK_ITEMS = ("SB-01", "YB-01", "SJ-01", "HJ-01", "NY-01", "DJ-01", "JS-04")


def _item_for(request: str, rng) -> str:
    for word, code in ITEM_BY_WORD.items():
        if word in request:
            return code
    return rng.choice(FALLBACK_ITEMS)


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, 0))


def fill_window_phones(at: dt.datetime) -> None:
    """The demo center has filled in its township windows' phones, as a real one must before
    printing (the default catalogue leaves them as （请填写窗口电话））."""
    for number, version in enumerate(catalogue.current_versions(), start=1):
        filled = with_window_phone(version.item, number)
        if filled != version.item:
            catalogue.save_item(filled, "演示", at, note="填写窗口电话")


def with_window_phone(item: ServiceItem, number: int) -> ServiceItem:
    """``item`` with a demo phone where the template left （请填写窗口电话）."""
    if not in_text(item.unit.phone):
        return item
    return replace(item, unit=replace(item.unit, phone=f"0571-6328{1000 + number:04d}"))


def notice_step(plan: DemoPlan) -> None:
    """Catalogue, proxy cases from 代办 visits, and one-time notices from consultations."""
    desk = plan.desk
    rng = plan.rng("notice")
    now = desk.now()
    calendar = desk.calendar()
    catalogue.seed_default_catalogue("演示", now - dt.timedelta(days=plan.days + 1))
    fill_window_phones(now - dt.timedelta(days=plan.days))
    versions = {v.code: v for v in catalogue.current_versions()}
    since = now - dt.timedelta(days=min(plan.days, 45))
    proxy_visits = list(Visit.select().where((Visit.outcome == "代办") & (Visit.received_at >= since)
                                             & Visit.voided_at.is_null()).order_by(Visit.id))
    count = min(MAX_CASES, max(8, int(MAX_CASES * plan.scale)))
    chosen = rng.sample(proxy_visits, min(count, len(proxy_visits))) if proxy_visits else []
    for index, visit in enumerate(sorted(chosen, key=lambda v: v.id)):
        version = versions[_item_for(visit.request, rng)]
        with database.atomic():
            _case_from_visit(plan, rng, visit, version, index, calendar)
    plan.progress(f"代办单 {len(chosen)} 张")

    asked = list(Visit.select().where((Visit.category == "政策咨询") & (Visit.received_at >= since)
                                      & Visit.voided_at.is_null()).order_by(Visit.id).limit(MAX_NOTICES))
    with database.atomic():
        for visit in asked[: max(5, int(MAX_NOTICES * min(plan.scale, 1.0)))]:
            version = versions[rng.choice(FALLBACK_ITEMS)]
            ticks = [Tick(m, rng.random() < 0.5, rng.randint(1, 3)) for m in version.item.materials]
            entry = notices.ChecklistEntry(version, visit.person_name, ticks, visit.contact, visit_id=visit.id,
                                           resident_id=visit.resident_id)
            notices.record_notice(entry, visit.responder_name, visit.received_at + dt.timedelta(minutes=10))


def _case_from_visit(plan: DemoPlan, rng, visit: Visit, version: CatalogueVersion, index: int, calendar) -> None:
    item = version.item
    agent = visit.responder_name
    accepted = visit.received_at + dt.timedelta(minutes=15)
    ticks = [Tick(m, True, rng.randint(1, 4)) for m in item.materials]
    entry = notices.ChecklistEntry(version, visit.person_name, ticks, visit.contact, visit_id=visit.id,
                                   resident_id=visit.resident_id)
    fee = item.fee.amount
    _notice, case = proxy_cases.accept_from_checklist(entry, agent, fee, agent, accepted, calendar)
    if index == 3:
        proxy_cases.void_case(case, "登记时选错了事项，已重新开单", agent, accepted + dt.timedelta(minutes=5))
        return
    now = plan.desk.now()
    day = accepted.date()
    if index == 1:
        other = "陈立新" if agent != "陈立新" else "张建国"
        proxy_cases.hand_over(case, other, "本人外出培训一周，材料已交接，请继续跟进", agent,
                              accepted + dt.timedelta(hours=1))
        agent = other

    def step(kind: StepKind, details: dict, gap: int = 1) -> bool:
        nonlocal day
        day = calendar.add_workdays(day, gap)
        at = _at(day, rng.choice((9, 10, 14, 15, 16)))
        if at > now:
            return False
        proxy_cases.record_step(case, kind, details, agent, at)
        return True

    if item.public_notice_days:
        start = calendar.add_workdays(day, 1)
        end = start + dt.timedelta(days=item.public_notice_days - 1)
        day = end
        if not step(StepKind.PUBLICIZE, {"start": start, "end": end, "objection": False}, 1):
            return
    if item.investigated:  # P11: investigated (and surveyed) before it may be sent up
        from dutydesk.demo.rule_books_demo import investigate

        investigated = investigate(case, agent, day, now, calendar)
        if investigated is None:
            return
        day = investigated
    carried = {"unit": item.unit.name, "date": None, "carrier": agent}
    carried["date"] = calendar.add_workdays(day, 1)
    if not step(StepKind.SUBMIT, carried):
        return
    if index == 5:
        if not step(StepKind.RETURN, {"reason": "表格缺本人签字", "missing": "申请表本人签字",
                                      "told": "电话"}, 2):
            return
        carried["date"] = calendar.add_workdays(day, 2)
        if not step(StepKind.SUBMIT, carried, 2):
            return
    if index == 7:
        if step(StepKind.REFUSE, {"reason": "经核查不符合条件"}, 3):
            step(StepKind.NOTIFY, {"method": "电话", "at": f"{day:%Y-%m-%d} 15:00"})
        return
    if not step(StepKind.APPROVE, {"result": "已办结"}, rng.randint(1, max(1, item.time_limit_days or 1))):
        return
    for kind, details in (
        (StepKind.FETCH, {"note": ""}),
        (StepKind.NOTIFY, {"method": rng.choice(("电话", "短信", "微信")), "at": "当日"}),
        (StepKind.COLLECT, {"signer": case.person_name}),
        (StepKind.CLOSE, {"note": ""}),
    ):
        if not step(kind, details):
            return
