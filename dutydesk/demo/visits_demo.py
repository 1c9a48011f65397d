"""Demo residents and visits over ``plan.days``: a believable village register, and at
``--scale`` a million-visit file for the lookup benchmark.

Rows go in with ``executemany`` in batches inside transactions, using the models' own column
lists (so the demo cannot drift from the schema); building a million peewee model objects would
take many minutes, this takes well under one.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Iterable, Sequence
from functools import lru_cache

from dutydesk.demo.generate import DemoPlan
from dutydesk.demo.people import make_person
from dutydesk.domain import visit_rules as rules
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store.base import database
from dutydesk.store.visits.residents import TAGS, Resident, ResidentPhone, name_initials
from dutydesk.store.visits.visit import Visit, VisitFeedback

RESIDENTS_PER_SCALE = 800
VISITS_PER_WORKDAY = 30
VISITS_PER_RESTDAY = 6
BATCH = 20_000
# Staff on the demo roster (duty_demo.STAFF): forms print the person's name, never an account's.
RESPONDERS = ("张建国", "陈立新", "李秀英", "赵敏", "刘梓涵")

REQUESTS = {
    "政策咨询": ("咨询城乡居民养老保险缴费档次", "咨询低保申请条件", "咨询新农合报销比例", "咨询高龄补贴领取"),
    "代办": ("代办城乡居民医保参保", "代办独生子女证", "代办残疾人证换证", "代办建房审批材料"),
    "求助": ("家中老人行动不便，请求帮助申请护理补贴", "孩子上学有困难，请求帮扶", "房屋漏雨请求修缮帮助"),
    "矛盾纠纷": ("与邻居因宅基地边界发生争执", "土地流转租金纠纷", "赡养老人问题家庭纠纷"),
    "投诉举报": ("反映村道路灯不亮", "反映垃圾清运不及时", "举报违规占用耕地"),
    "意见建议": ("建议增设健身器材", "建议延长便民服务时间", "建议修缮村口桥梁"),
    "突发事件": ("暴雨导致山体滑坡，道路中断", "村民家中失火"),
    "其他": ("查询快递代收点", "开具居住证明"),
}
CATEGORY_WEIGHTS = (30, 20, 10, 8, 10, 8, 1, 13)
OUTCOME_WEIGHTS = {"即办": 55, "代办": 20, "转办": 12, "上报": 5, "不属职责": 8}
FEEDBACK_BY_CHANNEL = {"来访": "当面", "来电": "电话", "来信": "书面", "网络": "短信"}


def _columns(model) -> list[str]:
    return [f.column_name for f in model._meta.sorted_fields if f.name != "id"]


def _insert(model, columns: Sequence[str], rows: Iterable[tuple]) -> None:
    sql = (f'INSERT INTO "{model._meta.table_name}" ({", ".join(columns)}) '
           f'VALUES ({", ".join("?" * len(columns))})')
    cursor = database.cursor()
    batch: list[tuple] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            cursor.executemany(sql, batch)
            batch.clear()
    if batch:
        cursor.executemany(sql, batch)


def _next_id(model) -> int:
    return (model.select(model.id).order_by(model.id.desc()).scalar() or 0) + 1


def residents_step(plan: DemoPlan) -> None:
    """Residents with ID numbers, phones (some shared in a family), groups and tags."""
    rng = plan.rng("residents")
    count = max(20, int(RESIDENTS_PER_SCALE * plan.scale))
    today = plan.desk.today()
    first = _next_id(Resident)
    initials = lru_cache(maxsize=None)(name_initials)
    people = [make_person(rng, today) for _ in range(count)]
    res_cols = ["id", "name", "name_initials", "gender", "id_number", "birth_date", "village_group",
                "address", "tags", "note", "created_at", "created_by"]
    stamp = str(dt.datetime.combine(plan.start, dt.time(8, 0)))

    def resident_rows():
        for i, p in enumerate(people):
            tags = rng.choice(TAGS) if rng.random() < 0.12 else ""
            yield (first + i, p.name, initials(p.name), p.gender, p.id_number, str(p.birth_date),
                   p.village_group, f"青石村{p.village_group}{rng.randrange(1, 80)}号", tags, "", stamp, "演示")

    def phone_rows():
        for i, p in enumerate(people):
            yield (first + i, p.mobile, stamp)
            if rng.random() < 0.1:
                yield (first + i, f"0571-6{rng.randrange(10**6):06d}" + str(rng.randrange(10)), stamp)

    with database.atomic():
        _insert(Resident, res_cols, resident_rows())
        _insert(ResidentPhone, ["resident_id", "phone", "created_at"], phone_rows())
    plan.progress(f"群众 {count} 人")


def visits_step(plan: DemoPlan) -> None:
    """Visits over ``plan.days`` (volume × ``plan.scale``); old matters closed, recent ones open."""
    rng = plan.rng("visits")
    desk = plan.desk
    today = desk.today()
    calendar = desk.calendar()
    residents = list(Resident.select(Resident.id, Resident.name).tuples())
    phones = dict(ResidentPhone.select(ResidentPhone.resident, ResidentPhone.phone).tuples())
    if not residents:
        return
    # A few residents come again and again, as at a real desk.
    regulars = residents[: max(1, len(residents) // 20)]
    deadline_of = lru_cache(maxsize=None)(calendar.add_workdays)
    categories = list(REQUESTS)
    outcomes = list(OUTCOME_WEIGHTS)
    first = _next_id(Visit)
    visit_cols = ["id", *_columns(Visit)]
    feedback_rows: list[tuple] = []
    total = [0]

    def visit_rows():
        vid = first
        for offset in range(plan.days, -1, -1):
            day = today - dt.timedelta(days=offset)
            base = VISITS_PER_WORKDAY if calendar.is_workday(day) else VISITS_PER_RESTDAY
            n = int(base * plan.scale * rng.uniform(0.6, 1.4))
            for _ in range(n):
                yield _visit_row(rng, vid, day, today, desk.now(), calendar, deadline_of, regulars, residents, phones,
                                 categories, outcomes, feedback_rows)
                vid += 1
                total[0] += 1

    # Commit per chunk so a million rows never sit in one giant transaction.
    rows = visit_rows()
    while True:
        chunk = [row for _, row in zip(range(BATCH * 5), rows, strict=False)]
        if not chunk:
            break
        with database.atomic():
            _insert(Visit, visit_cols, chunk)
            _insert(VisitFeedback, _columns(VisitFeedback), feedback_rows)
            feedback_rows.clear()
        plan.progress(f"来访 {total[0]} 条")


def _visit_row(rng: random.Random, vid: int, day: dt.date, today: dt.date, now: dt.datetime,
               calendar: WorkdayCalendar,
               deadline_of, regulars, residents, phones, categories, outcomes, feedback_rows) -> tuple:
    rid, name = rng.choice(regulars) if rng.random() < 0.25 else rng.choice(residents)
    category = rng.choices(categories, cum_weights=_CATEGORY_CUM)[0]
    outcome = "代办" if category == "代办" else rng.choices(outcomes, cum_weights=_OUTCOME_CUM)[0]
    channel = rng.choices(rules.CHANNELS, cum_weights=_CHANNEL_CUM)[0]
    opening = dt.datetime.combine(day, dt.time(8, 30))
    span = 540 if day < today else max(1, min(540, int((now - opening).total_seconds() // 60)))
    received = opening + dt.timedelta(minutes=rng.randrange(0, span))
    responder = rng.choice(RESPONDERS)
    values = dict.fromkeys(("result", "transfer_to", "transfer_contact", "escalate_level", "outside_unit",
                            "outside_address", "outside_phone", "deadline_kind", "close_reason",
                            "satisfaction", "dispute_parties", "mediation_result", "incident_reported_to"), "")
    deadline = None
    deadline_days = None
    closed_at = None
    answered_at = received + dt.timedelta(minutes=20)
    incident_at = None
    if category == "矛盾纠纷":
        values["dispute_parties"] = f"{name}与邻居"
        values["mediation_result"] = rng.choice(rules.MEDIATION_RESULTS)
    if category == "突发事件":
        incident_at = str(received + dt.timedelta(minutes=10))
        values["incident_reported_to"] = rng.choice(rules.INCIDENT_RECIPIENTS)
    if outcome == "即办":
        values["result"] = "已当场办理并告知"
        status = rules.FED_BACK
    elif outcome == "不属职责":
        values.update(outside_unit="县人社局", outside_address="县府路8号", outside_phone="0571-63000000")
        status = rules.FED_BACK
    else:
        if outcome == "转办":
            values.update(transfer_to="镇民政办", transfer_contact="0571-63280000")
        elif outcome == "上报":
            values["escalate_level"] = rng.choice(rules.ESCALATION_LEVELS)
        kind = rng.choice(("review", "review", "written", "complex"))
        deadline_days = {"review": 2, "written": 7, "complex": 10}[kind]
        values["deadline_kind"] = kind
        deadline = deadline_of(day, deadline_days)
        age = (today - day).days
        # Most matters are answered within their working days, a few late, so the monthly
        # statistics (average working days, on-time rate) have something true to show.
        took = rng.randint(1, deadline_days) if rng.random() < 0.92 else deadline_days + rng.randint(1, 3)
        answered_day = deadline_of(day, took)
        if answered_day < today and (age > 21 or rng.random() < 0.97):
            values["result"] = "已办结"
            status = rules.FED_BACK
            values["satisfaction"] = rng.choices(rules.SATISFACTION, (85, 12, 3))[0]
            answered_at = dt.datetime.combine(answered_day, dt.time(9, 0)) + dt.timedelta(minutes=rng.randrange(420))
        else:
            status = rng.choice((rules.PENDING, rules.IN_PROGRESS, rules.IN_PROGRESS))
    if status == rules.FED_BACK:
        answer = values["result"] or f"已告知到{values['outside_unit']}办理"
        fb = dict(visit_id=vid, given_at=str(answered_at),
                  method=FEEDBACK_BY_CHANNEL[channel], content=answer, satisfaction=values["satisfaction"],
                  staff=responder, created_at=str(received), created_by="演示",
                  voided_at=None, voided_by=None, void_reason=None)
        feedback_rows.append(tuple(fb[c] for c in _FEEDBACK_COLUMNS))
    row = dict(
        received_at=str(received), channel=channel, category=category, resident_id=rid, person_name=name,
        contact=phones.get(rid, ""), request=rng.choice(REQUESTS[category]), responder_name=responder,
        responder_account="演示", outcome=outcome, deadline_days=deadline_days,
        deadline=str(deadline) if deadline else None, status=status, closed_at=closed_at,
        incident_reported_at=incident_at, incident_occurred_at=None, created_at=str(received), created_by="演示",
        voided_at=None, voided_by=None, void_reason=None, **values,
    )
    return (vid, *(row[c] for c in _VISIT_COLUMNS))


_VISIT_COLUMNS = _columns(Visit)
_CATEGORY_CUM = list(itertools.accumulate(CATEGORY_WEIGHTS))
_OUTCOME_CUM = list(itertools.accumulate(OUTCOME_WEIGHTS.values()))
_CHANNEL_CUM = list(itertools.accumulate((70, 22, 3, 5, 0)))  # 入户走访 comes from grid_demo
_FEEDBACK_COLUMNS = _columns(VisitFeedback)
