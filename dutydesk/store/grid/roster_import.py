"""Importing the village's 花名册 into the resident files (G02): match, plan, then write.

``plan_import`` reads the books only: for every good row of a ``domain.grid.roster_file.Roster``
it finds the resident it is (by ID number, then by name and phone, then a member of the head's
household by name) and works out what would change: a new resident, a blank field filled, a new
phone, a new household, a new member. The preview shows that plan; ``apply_import`` writes it
through the audit trail in one transaction. Existing values are never overwritten, only blanks
filled, so importing the same file twice changes nothing and never creates a duplicate.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from dutydesk.domain.grid.key_persons import KEY_PERSON_TAGS
from dutydesk.domain.grid.roster_file import Roster, RosterRow, RowProblem, read_roster
from dutydesk.domain.idcard import parse_id_number
from dutydesk.store import audit
from dutydesk.store.base import database
from dutydesk.store.grid.household import (
    CODE_PREFIX,
    Household,
    HouseholdDraft,
    HouseholdMember,
    add_member,
    create_household,
    next_code,
)
from dutydesk.store.settings import get_setting
from dutydesk.store.visits.residents import (
    Resident,
    ResidentData,
    ResidentPhone,
    active,
    add_phones,
    create_resident,
)

REASON = "导入花名册"


@dataclass
class RowPlan:
    """What importing one good row does."""

    row: RosterRow
    resident: Resident | None = None  # the existing resident this row is, or None: a new one
    matched_by: str = ""  # 身份证号码 / 姓名和电话 / 本户成员 / 户主姓名和住址 / 姓名和村民小组
    fill: dict = field(default_factory=dict)  # blank fields of the existing resident to fill
    new_phones: list[str] = field(default_factory=list)
    household: Household | None = None  # the head's existing household (heads and members)
    household_fill: dict = field(default_factory=dict)  # blank household fields / new tags (heads)
    joins: bool = False  # a member not yet in the head's household

    @property
    def changes(self) -> bool:
        return (self.resident is None or bool(self.fill or self.new_phones or self.joins or self.household_fill)
                or (self.row.is_head and self.household is None))

    @property
    def action(self) -> str:
        """What the preview says of the row."""
        if self.resident is None:
            what = "新建"
        elif self.changes:
            what = f"已有（按{self.matched_by}），补充信息"
        else:
            what = f"已有（按{self.matched_by}），无变化"
        if self.row.is_head and self.household is None:
            what += "；新建户"
        elif self.joins:
            what += f"；加入本户（{self.row.relation}）"
        return what


@dataclass
class ImportPlan:
    roster: Roster
    rows: list[RowPlan]
    problems: list[RowProblem]  # the roster's faulty rows and rows that clash with the books

    @property
    def new_residents(self) -> int:
        return sum(1 for p in self.rows if p.resident is None)

    @property
    def updated_residents(self) -> int:
        return sum(1 for p in self.rows if p.resident is not None and (p.fill or p.new_phones))

    @property
    def new_households(self) -> int:
        return sum(1 for p in self.rows if p.row.is_head and p.household is None)

    @property
    def new_members(self) -> int:
        return sum(1 for p in self.rows if not p.row.is_head and (p.joins or p.household is None))

    @property
    def unchanged(self) -> int:
        return sum(1 for p in self.rows if not p.changes)

    @property
    def to_write(self) -> int:
        return sum(1 for p in self.rows if p.changes)

    def summary(self) -> str:
        return (f"可导入{len(self.rows)}行，有误{len(self.problems)}行；将新建群众{self.new_residents}人、"
                f"补充已有群众{self.updated_residents}人、新建户{self.new_households}户、"
                f"加入家庭成员{self.new_members}人；{self.unchanged}行与现有记录相同，不作改动")


# -- matching -----------------------------------------------------------------------------------

def _by_id(number: str) -> Resident | None:
    if not number:
        return None
    return Resident.select().where(active() & (Resident.id_number == number)).order_by(Resident.id).first()


def _by_name_and_phone(row: RosterRow) -> Resident | None:
    if not row.phones:
        return None
    query = (Resident.select().join(ResidentPhone)
             .where(active() & (Resident.name == row.name) & ResidentPhone.phone.in_(row.phones))
             .order_by(Resident.id).distinct())
    # A record with another ID number is another person of the same name sharing a family phone.
    return next((r for r in query if not (row.id_number and r.id_number and r.id_number != row.id_number)), None)


def _headed(resident: Resident) -> Household | None:
    return (Household.select().where((Household.head == resident) & Household.voided_at.is_null())
            .order_by(Household.id).first())


def _member_named(household: Household, name: str) -> Resident | None:
    member = (HouseholdMember.select(HouseholdMember, Resident).join(Resident)
              .where((HouseholdMember.household == household) & HouseholdMember.voided_at.is_null()
                     & (Resident.name == name) & active()).first())
    return member.resident if member else None


def _head_by_name_and_place(row: RosterRow) -> Resident | None:
    """A head with neither ID nor phone: the same name heading a household at the same address
    (or in the same group when the roster gives no address)."""
    place = (Household.address == row.address) if row.address else (Household.village_group == row.village_group)
    if not (row.address or row.village_group):
        return None
    household = (Household.select(Household, Resident).join(Resident)
                 .where(Household.voided_at.is_null() & place & (Resident.name == row.name) & active())
                 .order_by(Household.id).first())
    return household.head if household else None


def _only_one_in_group(row: RosterRow) -> Resident | None:
    """A row with neither ID nor phone: the one resident of that name in the same group who has
    no ID number either (two of them, or none: a new record, as nothing says which)."""
    if not row.village_group:
        return None
    found = list(Resident.select().where(active() & (Resident.name == row.name) & Resident.id_number.is_null()
                                         & (Resident.village_group == row.village_group)).limit(2))
    return found[0] if len(found) == 1 else None


def _is_member(household: Household, resident: Resident) -> bool:
    return (HouseholdMember.select().where((HouseholdMember.household == household)
                                           & (HouseholdMember.resident == resident)
                                           & HouseholdMember.voided_at.is_null()).exists())


def _fill(resident: Resident, row: RosterRow) -> dict:
    """Blank fields of an existing resident the roster knows; nothing typed before is replaced."""
    fill: dict = {}
    if row.id_number and not resident.id_number:
        parsed = parse_id_number(row.id_number)
        fill.update(id_number=parsed.number, birth_date=parsed.birth_date, gender=parsed.gender)
    for name in ("village_group", "address"):
        if getattr(row, name) and not getattr(resident, name):
            fill[name] = getattr(row, name)
    tags = [t for t in row.tags + row.other_tags if t not in resident.tag_list]
    if tags:
        fill["tags"] = ",".join(resident.tag_list + tags)
    return fill


def _household_fill(household: Household, heads_row: RosterRow, tags: list[str]) -> dict:
    fill: dict = {}
    for name in ("village_group", "address"):
        if getattr(heads_row, name) and not getattr(household, name):
            fill[name] = getattr(heads_row, name)
    new = [t for t in tags if t not in household.tag_list]
    if new:
        fill["tags"] = ",".join(household.tag_list + new)
    return fill


def _household_tags(rows: list[RosterRow]) -> dict[int, list[str]]:
    """G02: a household's key-person tags are those of all its members in the roster."""
    tags: dict[int, list[str]] = {}
    for row in rows:
        found = tags.setdefault(row.head_row, [])
        found.extend(t for t in row.tags if t not in found)
    return tags


def plan_import(roster: Roster) -> ImportPlan:
    """What importing ``roster`` would change, reading the books only (G02)."""
    plans: dict[int, RowPlan] = {}
    problems = list(roster.problems)
    claimed: dict[int, int] = {}  # resident id -> the row that is them
    tags = _household_tags(roster.rows)
    # Heads first: a member is matched within their head's household.
    for row in sorted(roster.rows, key=lambda r: (not r.is_head, r.row)):
        head_plan = plans.get(row.head_row) if not row.is_head else None
        if not row.is_head and head_plan is None:
            problems.append(RowProblem(row.row, row.name, f"户主（第{row.head_row}行）未能导入，本行暂不导入"))
            continue
        plan = RowPlan(row)
        resident, plan.matched_by = _by_id(row.id_number), "身份证号码"
        if resident is None:
            resident, plan.matched_by = _by_name_and_phone(row), "姓名和电话"
        if resident is None and not row.is_head and head_plan.household is not None and not row.id_number:
            resident, plan.matched_by = _member_named(head_plan.household, row.name), "本户成员"
        if resident is None and row.is_head and not row.id_number and not row.phones:
            resident, plan.matched_by = _head_by_name_and_place(row), "户主姓名和住址"
        if resident is None and not row.id_number and not row.phones:
            resident, plan.matched_by = _only_one_in_group(row), "姓名和村民小组"
        if resident is not None and resident.id in claimed:
            problems.append(RowProblem(row.row, row.name, f"与第{claimed[resident.id]}行是同一人"))
            continue
        if resident is None:
            plan.matched_by = ""
        else:
            claimed[resident.id] = row.row
            plan.resident = resident
            plan.fill = _fill(resident, row)
            plan.new_phones = [p for p in row.phones if p not in resident.phones()]
        if row.is_head:
            plan.household = _headed(resident) if resident is not None else None
            if plan.household is not None:
                plan.household_fill = _household_fill(plan.household, row, tags.get(row.row, []))
        else:
            plan.household = head_plan.household
            plan.joins = resident is None or plan.household is None or not _is_member(plan.household, resident)
        plans[row.row] = plan
    problems.sort(key=lambda p: p.row)
    return ImportPlan(roster, [plans[r.row] for r in roster.rows if r.row in plans], problems)


def read_and_plan(path: Path, today: dt.date) -> ImportPlan:
    """Read a roster file and plan its import (the preview), with the key-person tags in force."""
    return plan_import(read_roster(path, today, list(get_setting(KEY_PERSON_TAGS, today))))


# -- writing ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ImportResult:
    new_residents: int
    updated_residents: int
    new_households: int
    new_members: int

    @property
    def text(self) -> str:
        return (f"新建群众{self.new_residents}人，补充已有群众{self.updated_residents}人，"
                f"新建户{self.new_households}户，加入家庭成员{self.new_members}人")


def _code_numbers(on: dt.date) -> Callable[[], str]:
    """Household codes for the new households: counted on from the next free one, without
    scanning every code again for each household."""
    prefix = str(get_setting(CODE_PREFIX, on))
    first = next_code(on)
    number = [int(re.sub(r"\D", "", first) or 1)]

    def take() -> str:
        code = f"{prefix}{number[0]:04d}"
        number[0] += 1
        return code

    return take


class ImportCancelled(Exception):
    """取消 pressed during the import: the transaction is rolled back, nothing is written."""


def apply_import(roster: Roster, who: str, at: dt.datetime, area_id: int | None = None,
                 report: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """G02: write the good rows in one transaction through the audit trail. The plan is made again
    inside the transaction, so what is written matches the books as they are; new households go
    to ``area_id`` (existing ones keep their area)."""
    with database.atomic():
        plan = plan_import(roster)
        codes = _code_numbers(at.date())
        tags = _household_tags(roster.rows)
        households: dict[int, Household] = {}  # head row -> household
        residents: dict[int, Resident] = {}
        ordered = sorted(plan.rows, key=lambda p: (not p.row.is_head, p.row.row))
        for done, item in enumerate(ordered):
            if cancelled is not None and cancelled():
                raise ImportCancelled("已取消导入，没有写入任何记录")
            if report is not None and done % 20 == 0:
                report(done, len(ordered))
            residents[item.row.row] = _write_resident(item, who, at)
            if item.row.is_head:
                households[item.row.row] = _write_household(item, residents[item.row.row], tags, area_id,
                                                            codes, who, at)
            elif item.joins:
                household = item.household or households[item.row.head_row]
                add_member(household, residents[item.row.row].id, item.row.relation, who, at)
    return ImportResult(plan.new_residents, plan.updated_residents, plan.new_households, plan.new_members)


def _write_resident(item: RowPlan, who: str, at: dt.datetime) -> Resident:
    row = item.row
    if item.resident is None:
        data = ResidentData(row.name, row.id_number, list(row.phones), village_group=row.village_group,
                            address=row.address, tags=row.tags + row.other_tags)
        # Families share a phone: a shared one is no reason to refuse the roster's next person.
        return create_resident(data, who, at, allow_shared_phone=True)
    if item.fill:
        audit.update(item.resident, who, at, reason=REASON, **item.fill)
    add_phones(item.resident, item.new_phones, who, at)
    return item.resident


def _write_household(item: RowPlan, head: Resident, tags: dict[int, list[str]], area_id: int | None,
                     codes: Callable[[], str], who: str, at: dt.datetime) -> Household:
    row = item.row
    if item.household is not None:
        if item.household_fill:
            audit.update(item.household, who, at, reason=REASON, **item.household_fill)
        return item.household
    draft = HouseholdDraft(head.id, area_id, row.village_group, row.address, tags.get(row.row, []), code=codes())
    return create_household(draft, who, at)
