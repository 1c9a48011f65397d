"""Households, household visits and diary entries in the archive search (档案查询), and the
Chinese labels of their fields in the archive's record view."""

from __future__ import annotations

from dutydesk.domain.grid.spot_check import QUESTIONS
from dutydesk.store.archive import record_view
from dutydesk.store.grid.diary import DiaryEntry
from dutydesk.store.grid.household import Household, HouseholdMember
from dutydesk.store.grid.household_visit import HouseholdVisit, HouseholdVisitCadre, HouseholdVisitNeed
from dutydesk.store.grid.spot_check import SPOT_CHECK_LABELS, SpotCheck, SpotCheckItem, items
from dutydesk.store.search_index import SearchDoc, register, register_dependent
from dutydesk.store.visits.residents import name_initials


def _join(*parts: object) -> str:
    return " ".join(str(p) for p in parts if p)


def _household(h: Household) -> SearchDoc:
    people = [m.resident.name for m in h.member_rows if m.voided_at is None] if h.id else []
    return SearchDoc(title=_join(h.code, f"{h.head.name}户"),
                     text=_join(h.village_group, h.address, h.tags.replace(",", " "), " ".join(people), h.note),
                     day=h.created_at.date(), staff=h.created_by,
                     keys=_join(h.code, name_initials(h.head.name), *(name_initials(p) for p in people)))


def _household_visit(v: HouseholdVisit) -> SearchDoc:
    cadres = v.cadre_names if v.id else ""
    needs = " ".join(n.text for n in v.need_rows if n.voided_at is None) if v.id else ""
    return SearchDoc(title=_join("入户走访", f"{v.household.head.name}户", v.kind),
                     text=_join(v.found, needs, v.household.address), day=v.day, staff=cadres,
                     keys=_join(v.household.code, name_initials(v.household.head.name)))


def _diary(e: DiaryEntry) -> SearchDoc:
    return SearchDoc(title=_join("民情日记", e.staff.name, "重大民情" if e.major else ""),
                     text=_join(e.where, e.heard, e.done, e.reported_to, e.answer), day=e.day,
                     staff=e.staff.name, keys=name_initials(e.staff.name))


def _spot_check(c: SpotCheck) -> SearchDoc:
    rows = items(c) if c.id else []
    answered = [i for i in rows if i.answered]
    score = f"答对{sum(i.right for i in answered)}/{len(answered) * len(QUESTIONS)}" if answered else "未抽查"
    year, month = c.month.split("-")
    return SearchDoc(title=_join("网格抽查", c.staff.name, f"{year}年{int(month)}月"),
                     text=_join(" ".join(i.household.label for i in rows), c.checker, score),
                     day=c.drawn_on, staff=c.staff.name, keys=name_initials(c.staff.name))


register(Household, "household", "户档案", _household, day=lambda h: h.created_at.date())
register(HouseholdVisit, "household_visit", "入户走访", _household_visit, day=lambda v: v.day)
register(DiaryEntry, "diary", "民情日记", _diary, day=lambda e: e.day)
register(SpotCheck, "spot_check", "网格抽查", _spot_check, day=lambda c: c.drawn_on)
register_dependent(HouseholdMember, lambda m: m.household)
register_dependent(HouseholdVisitCadre, lambda c: c.household_visit)
register_dependent(HouseholdVisitNeed, lambda n: n.household_visit)
register_dependent(SpotCheckItem, lambda i: i.spot_check)

for _field, _label in {
    "code": "户编码", "area": "片区", "head": "户主", "household": "户", "relation": "与户主关系",
    "found": "走访情况", "matter": "来访登记事项", "place": "地点", "heard": "了解到的民情", "done": "处理情况",
    "major": "重大民情", "reported_at": "上报时间", "reported_to": "上报对象", "answered_at": "答复时间",
    "answer": "处理意见", "owner": "责任人", "partner": "交叉负责人", "scope": "范围", "since": "开始日期",
    "until": "结束日期", **SPOT_CHECK_LABELS,
}.items():
    record_view.LABELS.setdefault(_field, _label)
record_view.TABLE_LABELS.setdefault(("spot_check", "staff"), "被抽查干部")
record_view.TABLE_NAMES.setdefault("spot_check", "网格抽查")
record_view.TABLE_NAMES.setdefault("spot_check_item", "抽查户")
