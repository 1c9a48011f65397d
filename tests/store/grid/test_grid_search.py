"""Households, household visits and diary entries are found in 档案查询, with a 保管期限 (A02)."""

import datetime as dt

from dutydesk.domain.retention import DEFAULT_RETENTION, LONG_TERM, PERMANENT
from dutydesk.store.archive.record_view import record_fields
from dutydesk.store.grid.diary import DiaryDraft, add_entry
from dutydesk.store.grid.household_visit import HouseholdVisitDraft, NeedDraft, record_household_visit
from dutydesk.store.search_index import SearchFilter, search
from dutydesk.store.search_rebuild import reindex_all


def test_g02_g03_g05_grid_records_are_searchable_with_chinese_fields(desk, village):
    record_household_visit(HouseholdVisitDraft(dt.date(2026, 11, 24), village.h1.id, [village.member.id], "走访",
                                               "屋顶漏雨", [NeedDraft("危房改造", register=False)]),
                           desk.who, desk.now(), desk.calendar())
    add_entry(DiaryDraft(village.member.id, dt.date(2026, 11, 24), "河道倾倒垃圾", place="三组"), desk.who, desk.now())
    [visit] = search("屋顶漏雨", SearchFilter(kinds=("household_visit",)))
    assert visit.title == "入户走访 张三户 走访" and visit.staff == "赵委员"
    assert search("危房改造", SearchFilter(kinds=("household_visit",)))  # the need, a child row
    assert [h.kind for h in search("河道倾倒垃圾")] == ["diary"]
    [household] = search("H0001", SearchFilter(kinds=("household",)))
    labels = [label for label, _value in record_fields(household)]
    assert "户编码" in labels and "户主" in labels and not any(label.isascii() for label in labels)
    reindex_all()
    assert search("屋顶漏雨", SearchFilter(kinds=("household_visit",)))


def test_a02_grid_kinds_have_a_retention_class():
    assert DEFAULT_RETENTION["household"] == PERMANENT
    assert DEFAULT_RETENTION["household_visit"] == DEFAULT_RETENTION["diary"] == LONG_TERM
