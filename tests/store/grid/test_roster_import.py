"""Importing the village's 花名册 (G02): residents matched by ID, then name and phone, never
duplicated; households from 户主 + 与户主关系; everything audited, in one transaction."""

from __future__ import annotations

import pytest

from dutydesk.store.audit import AuditEntry
from dutydesk.store.grid import roster_import
from dutydesk.store.grid.household import Household, households, members
from dutydesk.store.grid.roster_import import ImportCancelled, apply_import, read_and_plan
from dutydesk.store.visits.residents import Resident, ResidentData, create_resident
from tests.roster_helpers import LI_18, WANG_ID, ZHE_ID, write_roster


def _import(desk, path, **kwargs):
    plan = read_and_plan(path, desk.today())
    return plan, apply_import(plan.roster, desk.who, desk.now(), **kwargs)


def _people() -> dict[str, Resident]:
    return {r.name: r for r in Resident.select()}


def test_g02_import_builds_residents_and_households_from_the_good_rows(desk, tmp_path):
    plan, result = _import(desk, write_roster(tmp_path / "r.xlsx"))
    assert [p.row for p in plan.problems] == [7, 8, 9, 10, 11]
    assert result.text == "新建群众5人，补充已有群众0人，新建户2户，加入家庭成员3人"
    people = _people()
    assert sorted(people) == sorted(["王𠀀", "李堃", "王喆", "钱十", "钱小十"])
    assert people["李堃"].id_number == LI_18 and people["李堃"].gender == "女"  # 15 digits upgraded
    assert people["王𠀀"].phones() == ["13812340001"]
    assert people["王喆"].tag_list == ["留守儿童", "读书"]
    wang, qian = sorted(households(), key=lambda h: h.code)
    assert (wang.code, wang.head.name, wang.village_group, wang.address) == ("H0001", "王𠀀", "一组", "青石村一组1号")
    assert wang.tag_list == ["低保户", "留守儿童"]
    assert [(m.resident.name, m.relation) for m in members(wang)] == [("王𠀀", "户主"), ("李堃", "配偶"),
                                                                       ("王喆", "子")]
    assert qian.tag_list == ["残疾人", "五保户"]
    assert [(m.resident.name, m.relation) for m in members(qian)] == [("钱十", "户主"), ("钱小十", "孙子女")]


def test_g02_importing_the_same_file_twice_changes_nothing(desk, tmp_path):
    path = write_roster(tmp_path / "r.xlsx")
    _import(desk, path)
    entries = AuditEntry.select().count()
    plan, result = _import(desk, path)
    assert plan.to_write == 0 and plan.unchanged == 5
    assert result.text == "新建群众0人，补充已有群众0人，新建户0户，加入家庭成员0人"
    assert AuditEntry.select().count() == entries
    assert Resident.select().count() == 5 and Household.select().count() == 2
    assert {p.matched_by for p in plan.rows} == {"身份证号码", "姓名和电话", "本户成员"}


def test_g02_existing_resident_matched_by_name_and_phone_gets_only_blanks_filled(desk, tmp_path):
    qian = create_resident(ResidentData("钱十", phones=["13900001111"], address="老宅"), desk.who, desk.now())
    plan, result = _import(desk, write_roster(tmp_path / "r.xlsx"))
    row = next(p for p in plan.rows if p.row.row == 12)
    assert row.resident.id == qian.id and row.matched_by == "姓名和电话"
    assert row.action == "已有（按姓名和电话），补充信息；新建户"
    assert result.updated_residents == 1 and result.new_residents == 4
    qian = Resident.get_by_id(qian.id)
    assert Resident.select().where(Resident.name == "钱十").count() == 1
    assert qian.phones() == ["13900001111"]
    assert (qian.village_group, qian.address) == ("三组", "老宅")  # what was typed before is kept
    changes = AuditEntry.select().where((AuditEntry.table_name == "resident") & (AuditEntry.record_id == qian.id)
                                        & (AuditEntry.action == "update"))
    assert {(e.field, e.reason) for e in changes} == {("village_group", "导入花名册"), ("tags", "导入花名册")}


def test_g02_matched_by_id_number_first_even_under_another_spelling(desk, tmp_path):
    wang = create_resident(ResidentData("王𠀀", id_number=WANG_ID), desk.who, desk.now())
    plan, _ = _import(desk, write_roster(tmp_path / "r.xlsx"))
    assert next(p for p in plan.rows if p.row.row == 4).resident.id == wang.id
    assert Resident.select().where(Resident.id_number == WANG_ID).count() == 1
    assert Resident.get_by_id(wang.id).phones() == ["13812340001"]


def test_g02_same_name_and_phone_but_another_id_is_another_person(desk, tmp_path):
    # A father and son of the same name sharing the family phone.
    other = create_resident(ResidentData("王𠀀", id_number=ZHE_ID, phones=["13812340001"]), desk.who, desk.now())
    plan, _ = _import(desk, write_roster(tmp_path / "r.xlsx", [
        [1, "王𠀀", "王𠀀", "户主", WANG_ID, "13812340001", "一组", "青石村一组1号", ""]]))
    assert plan.rows[0].resident is None
    assert Resident.select().where(Resident.name == "王𠀀").count() == 2
    assert Resident.get_by_id(other.id).id_number == ZHE_ID


def test_g02_a_member_joins_an_existing_household_of_the_books(desk, village, tmp_path):
    rows = [[1, "张三", "张三", "户主", "11010519491231002X", "", "三组", "", ""],
            [2, "张三", "刘梅", "配偶", "", "", "三组", "", ""]]
    plan, result = _import(desk, write_roster(tmp_path / "r.xlsx", rows))
    assert [p.matched_by for p in plan.rows] == ["身份证号码", "姓名和村民小组"] and result.new_members == 1
    assert [(m.resident.name, m.relation) for m in members(village.h1)][:2] == [("张三", "户主"), ("刘梅", "配偶")]
    assert Household.select().count() == 2  # no second household for 张三
    assert Resident.select().where(Resident.name == "刘梅").count() == 1


def test_g02_new_households_go_to_the_chosen_area(desk, village, tmp_path):
    _import(desk, write_roster(tmp_path / "r.xlsx"), area_id=village.area.id)
    assert {h.head.name for h in households(village.area)} >= {"王𠀀", "钱十"}


def test_g02_import_is_one_transaction(desk, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(roster_import, "add_member", broken)
    with pytest.raises(RuntimeError):
        _import(desk, write_roster(tmp_path / "r.xlsx"))
    assert Resident.select().count() == 0 and Household.select().count() == 0


def test_g02_cancelled_import_writes_nothing(desk, tmp_path):
    plan = read_and_plan(write_roster(tmp_path / "r.xlsx"), desk.today())
    with pytest.raises(ImportCancelled):
        apply_import(plan.roster, desk.who, desk.now(), cancelled=lambda: Resident.select().count() > 1)
    assert Resident.select().count() == 0


def test_g02_import_is_written_through_the_audit_trail(desk, tmp_path):
    before = AuditEntry.select().count()
    _import(desk, write_roster(tmp_path / "r.xlsx"))
    created = AuditEntry.select().where((AuditEntry.action == "create") & (AuditEntry.id > before))
    assert {e.table_name for e in created} >= {"resident", "resident_phone", "household", "household_member"}
    assert {e.account for e in created} == {desk.who}
