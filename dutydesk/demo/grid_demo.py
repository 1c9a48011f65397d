"""Demo step of 网格走访: areas owned by the cadres with covering partners, households made from
the demo residents, pairings, household visits over the demo period (some cadres behind their
quota), needs registered in 来访登记, 民情日记 entries with a major one overdue (G01-G05) and the
month's spot check, answered and scored (G06)."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

from dutydesk.demo.generate import DemoPlan
from dutydesk.demo.visits_demo import _insert, _next_id
from dutydesk.domain.grid.roles import MAIN, TOWNSHIP, cadre_kind, is_cadre
from dutydesk.store.base import database
from dutydesk.store.duty.staff import Staff
from dutydesk.store.grid.area import Area
from dutydesk.store.grid.diary import DiaryEntry
from dutydesk.store.grid.household import HEAD, Household, HouseholdMember
from dutydesk.store.grid.household_visit import (
    HouseholdVisit,
    HouseholdVisitCadre,
    HouseholdVisitDraft,
    NeedDraft,
    record_household_visit,
)
from dutydesk.store.grid.pairing import ASSISTANCE, MENTORING, Pairing
from dutydesk.store.grid.spot_check import Answer, SpotCheckInvalid, draw_month, items, record_answers
from dutydesk.store.visits.residents import Resident

WHO = "演示"
# Visits a month per cadre kind; the named cadres below fall behind on purpose.
MONTHLY = {MAIN: 12, TOWNSHIP: 0, "other": 6}
BEHIND = {"李秀英": 0.35, "赵敏": 0.3}
RELATIONS = ("配偶", "子", "女", "父母", "孙子女")
TAG_MAP = {"低保户": "低保户", "残疾人": "残疾人", "孤寡老人": "孤寡老人", "留守儿童": "留守儿童",
           "信访重点户": "信访户", "五保户": "五保户", "退役军人": "退役军人", "困难户": "大病"}
FOUND = ("家中一切正常，老人身体尚好", "反映村道路灯不亮", "子女在外务工，老人独居，已叮嘱邻居照看",
         "咨询城乡居民医保缴费标准，已当场解答", "屋后排水沟堵塞，雨天积水", "宣传森林防火和用电安全",
         "低保年审材料已备齐", "孩子上学交通不便", "反映邻里宅基地界线争议", "家中有人住院，经济紧张")
NEEDS = ("申请临时救助", "请求疏通排水沟", "申请危房改造补助", "咨询残疾人两项补贴申领")
HEARD = ("群众反映自来水水压不足", "三组道路硬化进度慢，群众有意见", "有村民反映低保评议不够公开",
         "外出务工人员返乡后希望就近就业", "留守老人希望村里组织义诊", "河道有人倾倒建筑垃圾")
DONE = ("已记录并向两委汇报", "已联系水厂核查", "已电话回复群众", "已告知办理渠道", "")


def _cadres() -> list[Staff]:
    return [s for s in Staff.select().where(Staff.voided_at.is_null()).order_by(Staff.id) if is_cadre(s.role)]


def _areas(cadres: list[Staff], groups: list[str], stamp: str) -> dict[str, int]:
    """One area per other cadre, partners crossing in twos (G01); returns group -> area id."""
    owners = [s for s in cadres if cadre_kind(s.role) not in (MAIN, TOWNSHIP)] or cadres[:1]
    first = _next_id(Area)
    rows, by_group = [], {}
    for i, owner in enumerate(owners):
        partner = owners[i ^ 1] if (i ^ 1) < len(owners) else None
        mine = groups[i::len(owners)]
        rows.append((first + i, f"第{i + 1}片区", owner.id, partner.id if partner else None, "、".join(mine), "",
                     stamp, WHO))
        by_group.update({g: first + i for g in mine})
    _insert(Area, ["id", "name", "owner_id", "partner_id", "scope", "note", "created_at", "created_by"], rows)
    return by_group


def _households(rng: random.Random, by_group: dict[str, int], stamp: str) -> list[tuple[int, int, str]]:
    """Households from the residents of each group; returns (id, area id, tags) per household."""
    residents = list(Resident.select(Resident.id, Resident.village_group, Resident.address, Resident.tags)
                     .where(Resident.voided_at.is_null() & Resident.merged_into.is_null())
                     .order_by(Resident.village_group, Resident.id).tuples())
    by_group_rows: dict[str, list[tuple]] = defaultdict(list)
    for row in residents:
        by_group_rows[row[1]].append(row)
    first, member_first = _next_id(Household), _next_id(HouseholdMember)
    households, members, made = [], [], []
    for group in sorted(by_group_rows):
        people = by_group_rows[group]
        while people:
            size = min(len(people), rng.choice((1, 2, 2, 3, 3, 4)))
            head, rest = people[0], people[1:size]
            people = people[size:]
            hid = first + len(households)
            tags = [TAG_MAP[t] for t in head[3].split(",") if t in TAG_MAP]
            if not tags and rng.random() < 0.08:
                tags = [rng.choice(("孤寡老人", "留守儿童", "大病", "受灾"))]
            households.append((hid, f"H{hid:04d}", by_group.get(group), head[0], group, head[2], ",".join(tags), "",
                               stamp, WHO))
            for person, relation in [(head, HEAD), *((p, rng.choice(RELATIONS)) for p in rest)]:
                members.append((member_first + len(members), hid, person[0], relation, stamp, WHO))
            made.append((hid, by_group.get(group), ",".join(tags)))
    _insert(Household, ["id", "code", "area_id", "head_id", "village_group", "address", "tags", "note",
                        "created_at", "created_by"], households)
    _insert(HouseholdMember, ["id", "household_id", "resident_id", "relation", "created_at", "created_by"], members)
    return made


def grid_step(plan: DemoPlan) -> None:
    desk = plan.desk
    rng = plan.rng("grid")
    cadres = _cadres()
    groups = sorted({g for (g,) in Resident.select(Resident.village_group).tuples() if g})
    if not cadres or not groups:
        return
    start, today = plan.start, desk.today()
    stamp = str(dt.datetime.combine(start, dt.time(8, 0)))
    with database.atomic():
        by_group = _areas(cadres, groups, stamp)
        made = _households(rng, by_group, stamp)
        pairs = _pairings(rng, cadres, made, start, stamp)
        _visits(plan, rng, cadres, made, pairs, stamp)
        _diary(plan, rng, cadres, made, stamp)
    # A few needs raised on recent visits go to 来访登记 the way staff enter them (G03).
    area_households = [h for h in made if h[1] is not None]
    for i, text in enumerate(NEEDS[:3]):
        hid = area_households[(i * 7) % len(area_households)][0] if area_households else made[0][0]
        owner = Area.get_by_id(Household.get_by_id(hid).area_id).owner_id if area_households else cadres[0].id
        day = max(start, today - dt.timedelta(days=1 + i))
        record_household_visit(HouseholdVisitDraft(day, hid, [owner], "走访", rng.choice(FOUND), [NeedDraft(text)]),
                               WHO, desk.now(), desk.calendar())
    _spot_check(plan, rng)
    plan.progress(f"网格走访 {len(made)} 户")


def _spot_check(plan: DemoPlan, rng: random.Random) -> None:
    """G06: this month's draw, answered by the checker; the cadres behind on visits know less."""
    desk = plan.desk
    today, now = desk.today(), desk.now()
    try:
        drawn = draw_month(today, WHO, now, seed=rng.randrange(1, 10**6))
    except SpotCheckInvalid:
        return
    for check in drawn:
        answers = {}
        for n, item in enumerate(items(check)):
            wrong = check.staff.name in BEHIND and n % 2 == 0
            answers[item.id] = Answer(item.expected_head, str(item.expected_members + (1 if wrong else 0)),
                                      "" if wrong else item.expected_tags.replace(",", "、"),
                                      item.expected_last_visit)
        record_answers(check, "镇组织办 周干事", today, answers, WHO, now)


def _pairings(rng: random.Random, cadres: list[Staff], made, since: dt.date, stamp: str) -> dict[int, list[int]]:
    """G04: each cadre but one paired with a household in difficulty; two cadres mentor 2-4 households."""
    difficult = [h[0] for h in made if h[2]] or [h[0] for h in made]
    others = [h[0] for h in made if not h[2]] or [h[0] for h in made]
    rows, pairs = [], defaultdict(list)
    first = _next_id(Pairing)
    for i, staff in enumerate(cadres):
        if staff.name == "刘梓涵":
            continue  # not yet paired: the board shows it in red
        hid = difficult[i % len(difficult)]
        rows.append((first + len(rows), staff.id, hid, ASSISTANCE, str(since), None, "", stamp, WHO))
        pairs[staff.id].append(hid)
    for staff, count in zip([s for s in cadres if s.name in ("陈立新", "王海")], (4, 2), strict=False):
        for hid in rng.sample(others, min(count, len(others))):
            rows.append((first + len(rows), staff.id, hid, MENTORING, str(since), None, "", stamp, WHO))
    _insert(Pairing, ["id", "staff_id", "household_id", "kind", "since", "until", "note", "created_at",
                      "created_by"], rows)
    return pairs


def _visits(plan: DemoPlan, rng: random.Random, cadres: list[Staff], made, pairs, stamp: str) -> None:
    today = plan.desk.today()
    by_area: dict[int | None, list[int]] = defaultdict(list)
    for hid, area_id, _tags in made:
        by_area[area_id].append(hid)
    everyone = [h[0] for h in made]
    owned = {a.owner_id: a.id for a in Area.select()}
    visits, links = [], []
    first, link_first = _next_id(HouseholdVisit), _next_id(HouseholdVisitCadre)
    for staff in cadres:
        kind = cadre_kind(staff.role)
        mine = by_area.get(owned.get(staff.id), []) if kind not in (MAIN, TOWNSHIP) else everyone
        # Township cadres visit every household once a quarter: about a third of them a month.
        rate = max(1, len(everyone) // 3) if kind == TOWNSHIP else MONTHLY.get(kind, MONTHLY["other"])
        rate = rate * (1 - BEHIND.get(staff.name, 0.0))
        day = plan.start
        while day <= today and mine:
            month_share = rate / 30
            count = int(month_share) + (1 if rng.random() < month_share - int(month_share) else 0)
            for _ in range(count):
                visits.append((first + len(visits), str(day), rng.choice(mine), "走访", rng.choice(FOUND), stamp, WHO))
                links.append((link_first + len(links), visits[-1][0], staff.id))
            for hid in pairs.get(staff.id, []):  # the paired household, about monthly (G04)
                if day.day == 12 + staff.id % 10 and staff.name not in BEHIND:
                    visits.append((first + len(visits), str(day), hid, "结对帮扶", "送去米油，了解近况", stamp, WHO))
                    links.append((link_first + len(links), visits[-1][0], staff.id))
            day += dt.timedelta(days=1)
    _insert(HouseholdVisit, ["id", "day", "household_id", "kind", "found", "created_at", "created_by"], visits)
    _insert(HouseholdVisitCadre, ["id", "household_visit_id", "staff_id"], links)


def _diary(plan: DemoPlan, rng: random.Random, cadres: list[Staff], made, stamp: str) -> None:
    """Diary entries about weekly per cadre; one major entry answered, one awaiting the answer and
    one not reported in time (overdue in 待跟进, G05)."""
    today = plan.desk.today()
    rows = []
    first = _next_id(DiaryEntry)
    columns = ["id", "staff_id", "day", "place", "household_id", "heard", "done", "major", "reported_at",
               "reported_to", "answered_at", "answer", "created_at", "created_by"]
    for staff in cadres:
        day = plan.start + dt.timedelta(days=staff.id % 7)
        while day <= today - dt.timedelta(days=6):
            hid = rng.choice(made)[0] if rng.random() < 0.5 else None
            rows.append((first + len(rows), staff.id, str(day), "" if hid else "村部", hid, rng.choice(HEARD),
                         rng.choice(DONE), 0, None, "", None, "", stamp, WHO))
            day += dt.timedelta(days=7)
    lead = cadres[0]
    for back, reported, answered in ((20, 1, 3), (2, 1, None), (5, None, None)):
        day = max(plan.start, today - dt.timedelta(days=back))
        rep = str(dt.datetime.combine(day + dt.timedelta(days=reported), dt.time(10, 0))) if reported else None
        ans = str(dt.datetime.combine(day + dt.timedelta(days=answered), dt.time(16, 0))) if answered else None
        rows.append((first + len(rows), lead.id, str(day), "二组", None, "山体滑坡隐患，两户房屋后墙开裂",
                     "已劝离住户，设置警示", 1, rep, "镇党委" if rep else "", ans,
                     "镇国土所派人勘查并安置" if ans else "", stamp, WHO))
    _insert(DiaryEntry, columns, rows)
