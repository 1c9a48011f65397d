"""Monthly spot checks (G06, seed 001 第九条): the desk draws a few households from each cadre's
area, prints a quiz sheet, records the checker's answers and scores them against its own records;
the results are published (抽查结果公示) and kept.

What the records said is copied onto each drawn row when it is drawn, so the score does not move
if a household is corrected later, and the draw's seed is kept so the draw can be repeated.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import BooleanField, CharField, DateField, DateTimeField, ForeignKeyField, IntegerField

from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.grid import spot_check as rules
from dutydesk.domain.grid.key_persons import split_tags
from dutydesk.domain.text_input import normalize_text
from dutydesk.store import audit
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel, database
from dutydesk.store.duty.staff import Staff
from dutydesk.store.grid.area import Area, areas
from dutydesk.store.grid.household import Household, households, members
from dutydesk.store.grid.household_visit import HouseholdVisit
from dutydesk.store.settings import get_setting

# Field labels in the archive's record view (registered by ``store.grid.search``).
SPOT_CHECK_LABELS = {
    "month": "抽查月份", "seed": "抽取随机数", "drawn_on": "抽取日期", "checker": "抽查人", "checked_on": "抽查日期",
    "answered": "已作答", "answer_head": "回答户主", "answer_members": "回答人口", "answer_tags": "回答重点人员",
    "answer_last_visit": "回答最近走访", "head_ok": "户主答对", "members_ok": "人口答对", "tags_ok": "重点人员答对",
    "visit_ok": "走访答对", "expected_head": "户主", "expected_members": "家庭人口", "expected_tags": "重点人员",
    "expected_last_visit": "最近走访",
}


class SpotCheck(BaseModel, VoidableMixin):
    month = CharField()  # YYYY-MM
    staff = ForeignKeyField(Staff, backref="spot_checks")
    seed = IntegerField()
    drawn_on = DateField()
    checker = CharField(default="")
    checked_on = DateField(null=True)
    created_at = DateTimeField()
    created_by = CharField()


class SpotCheckItem(BaseModel):
    spot_check = ForeignKeyField(SpotCheck, backref="items")
    household = ForeignKeyField(Household, backref="spot_check_items")
    expected_head = CharField()
    expected_members = IntegerField()
    expected_tags = CharField(default="")
    expected_last_visit = DateField(null=True)
    answered = BooleanField(default=False)
    answer_head = CharField(default="")
    answer_members = IntegerField(null=True)
    answer_tags = CharField(default="")
    answer_last_visit = DateField(null=True)
    head_ok = BooleanField(default=False)
    members_ok = BooleanField(default=False)
    tags_ok = BooleanField(default=False)
    visit_ok = BooleanField(default=False)

    @property
    def right(self) -> int:
        return sum((self.head_ok, self.members_ok, self.tags_ok, self.visit_ok))

    @property
    def expected(self) -> rules.Facts:
        return rules.Facts(self.expected_head, self.expected_members, frozenset(split_tags(self.expected_tags)),
                           self.expected_last_visit)


class SpotCheckInvalid(FieldErrors):
    """Bad spot-check input: ``errors`` maps field name to a Chinese message."""


def month_key(day: dt.date) -> str:
    return f"{day:%Y-%m}"


def last_visit(household: Household, on: dt.date) -> dt.date | None:
    row = (HouseholdVisit.select(HouseholdVisit.day)
           .where((HouseholdVisit.household == household) & HouseholdVisit.voided_at.is_null()
                  & (HouseholdVisit.day <= on))
           .order_by(HouseholdVisit.day.desc()).first())
    return row.day if row else None


def _area_households(staff: Staff) -> list[Household]:
    return [h for a in areas() if a.owner_id == staff.id for h in households(a)]


def checks(month: str) -> list[SpotCheck]:
    return list(SpotCheck.select(SpotCheck, Staff).join(Staff)
                .where((SpotCheck.month == month) & SpotCheck.voided_at.is_null())
                .order_by(Staff.name, SpotCheck.id))


def draw_month(day: dt.date, who: str, at: dt.datetime, seed: int | None = None) -> list[SpotCheck]:
    """G06: draw this month's households for every cadre who owns an area and has households.

    Once a month: cadres already drawn this month are skipped. The seed (new unless given) is
    recorded on each check; each cadre's draw is salted with their id."""
    month = month_key(day)
    size = int(get_setting(rules.SAMPLE_SIZE, day))
    seed = rules.new_seed() if seed is None else seed
    done = {c.staff_id for c in checks(month)}
    owners = {a.owner_id: a.owner for a in areas()}
    made: list[SpotCheck] = []
    with database.atomic():
        for staff_id, staff in sorted(owners.items()):
            if staff_id in done:
                continue
            pool = {h.code: h for h in _area_households(staff)}
            if not pool:
                continue
            check = audit.create(SpotCheck, who, at, month=month, staff=staff_id, seed=seed, drawn_on=day,
                                 created_at=at, created_by=who)
            for code in rules.draw(list(pool), size, seed, str(staff_id)):
                h = pool[code]
                audit.create(SpotCheckItem, who, at, spot_check=check, household=h, expected_head=h.head.name,
                             expected_members=len(members(h)), expected_tags=h.tags,
                             expected_last_visit=last_visit(h, day))
            made.append(check)
    if not made and not done:
        raise SpotCheckInvalid({"month": "没有可抽查的片区：请先划分片区并录入住户"})
    if not made:
        raise SpotCheckInvalid({"month": f"{day.year}年{day.month}月已抽取过，每月抽查一次"})
    return made


def items(check: SpotCheck) -> list[SpotCheckItem]:
    return list(SpotCheckItem.select(SpotCheckItem, Household).join(Household)
                .where(SpotCheckItem.spot_check == check).order_by(Household.code))


@dataclass
class Answer:
    """What the cadre answered for one household, as the checker wrote it down."""

    head: str
    members: str  # as typed: a number
    tags: str  # 、-separated; empty or 无 for none
    last_visit: dt.date | None  # None: the cadre says it was never visited


def _members(text: str) -> int:
    text = normalize_text(text).rstrip("人口")
    if not text.isdigit():
        raise SpotCheckInvalid({"members": "家庭人口请填数字"})
    return int(text)


def record_answers(check: SpotCheck, checker: str, day: dt.date, answers: dict[int, Answer], who: str,
                   at: dt.datetime) -> SpotCheck:
    """Record and score the answers (item id -> Answer) in one transaction (G06)."""
    checker = normalize_text(checker)
    if not checker:
        raise SpotCheckInvalid({"checker": "请填写抽查人"})
    if day > at.date() or day < check.drawn_on:
        raise SpotCheckInvalid({"checked_on": "抽查日期应在抽取之后、不晚于今天"})
    visit_days = int(get_setting(rules.VISIT_DAYS, day))
    by_id = {i.id: i for i in items(check)}
    with database.atomic():
        for item_id, answer in answers.items():
            item = by_id[item_id]
            tags = [t for t in split_tags(normalize_text(answer.tags)) if t != "无"]
            given = rules.Facts(normalize_text(answer.head), _members(answer.members), frozenset(tags),
                                answer.last_visit)
            ok = rules.score(item.expected, given, visit_days)
            audit.update(item, who, at, answered=True, answer_head=given.head, answer_members=given.members,
                         answer_tags=",".join(tags), answer_last_visit=answer.last_visit, head_ok=ok[0],
                         members_ok=ok[1], tags_ok=ok[2], visit_ok=ok[3])
        audit.update(check, who, at, checker=checker, checked_on=day)
    return SpotCheck.get_by_id(check.id)


@dataclass(frozen=True)
class Result:
    """One cadre's result of the month: households checked, questions right of asked, 知晓率."""

    check: SpotCheck
    areas: str
    households: int
    right: int
    asked: int
    rating: str

    @property
    def rate(self) -> float:
        return self.right / self.asked if self.asked else 0.0


def results(month: str) -> list[Result]:
    """The month's scored checks, best known first (for the 抽查结果公示)."""
    out = []
    for check in checks(month):
        if check.checked_on is None:
            continue
        rows = [i for i in items(check) if i.answered]
        asked = len(rows) * len(rules.QUESTIONS)
        right = sum(i.right for i in rows)
        names = "、".join(a.name for a in Area.select().where((Area.owner == check.staff_id)
                                                              & Area.voided_at.is_null()).order_by(Area.name))
        target = float(get_setting(rules.TARGET, check.checked_on))
        out.append(Result(check, names, len(rows), right, asked, rules.rating(right, asked, target)))
    return sorted(out, key=lambda r: (-r.rate, r.check.staff.name))


def void_check(check: SpotCheck, who: str, at: dt.datetime, reason: str) -> SpotCheck:
    """A draw made by mistake is voided with a reason (kept in the books, A03)."""
    if not normalize_text(reason):
        raise SpotCheckInvalid({"reason": "请填写作废原因"})
    return audit.void(check, who, at, normalize_text(reason))
