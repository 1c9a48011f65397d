"""Archive search (A01): the index follows every audited write in the same transaction and
answers two-character, longer, digit and pinyin-initial queries with filters."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.store import audit
from dutydesk.store.search_index import (
    QueryError,
    SearchDocRow,
    SearchFilter,
    bigrams,
    search,
)
from dutydesk.store.search_rebuild import reindex_all
from dutydesk.store.visits.residents import ResidentData, create_resident
from dutydesk.store.visits.visit import correct_visit, register_visit, void_visit
from tests.store.conftest import draft


def _titles(query: str, flt: SearchFilter | None = None) -> list[str]:
    return [h.title for h in search(query, flt or SearchFilter())]


@pytest.fixture
def books(desk, clock):
    create_resident(ResidentData("张三丰", id_number="11010519491231002X", phones=["13812345678"],
                                 village_group="三组", tags=["低保户"]), desk.who, desk.now())
    register_visit(draft(person_name="张三丰", request="咨询低保续办材料", contact="13812345678"),
                   desk.who, desk.now(), desk.calendar())
    clock.set(dt.datetime(2025, 3, 5, 10, 0))
    register_visit(draft(person_name="李四", request="宅基地建房审批", contact="13900001111",
                         responder_name="王书记", received_at=clock.now()),
                   desk.who, clock.now(), desk.calendar())
    clock.set(dt.datetime(2026, 11, 24, 9, 0))
    return desk


def test_bigrams_of_every_run():
    assert bigrams("低保续办", "zs 13") == "低保 保续 续办 zs 13"


def test_a01_two_character_query_finds_visit_and_resident(books):
    assert _titles("低保") == ["张三丰 来访 政策咨询", "张三丰"]


def test_longer_queries_use_trigrams(books):
    assert _titles("低保续办材料") == ["张三丰 来访 政策咨询"]
    assert _titles("宅基地") == ["李四 来访 政策咨询"]
    assert _titles("不存在的词") == []


def test_phone_digits_id_and_pinyin_initials(books):
    assert len(_titles("5678")) == 2  # the resident's phone and the visit's contact
    assert _titles("1231002x") == ["张三丰"]  # ID digits, case-insensitive X
    assert _titles("zsf") == ["张三丰 来访 政策咨询", "张三丰"]
    assert _titles("ls") == ["李四 来访 政策咨询"]


def test_several_terms_must_all_match(books):
    assert _titles("张三丰 低保") == ["张三丰 来访 政策咨询", "张三丰"]
    assert _titles("李四 低保") == []


def test_one_character_query_is_explained():
    with pytest.raises(QueryError, match="至少两个字"):
        search("低")


def test_filters_type_date_staff(books):
    assert _titles("", SearchFilter(kinds=("resident",))) == ["张三丰"]
    year_2025 = SearchFilter(start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31))
    assert _titles("", year_2025) == ["李四 来访 政策咨询"]
    assert _titles("", SearchFilter(staff="王书记")) == ["李四 来访 政策咨询"]
    assert _titles("咨询", SearchFilter(kinds=("visit",), staff="李文书")) == ["张三丰 来访 政策咨询"]


def test_a03_index_follows_corrections_and_voids(books, desk):
    from dutydesk.store.visits.visit import Visit

    visit = Visit.get(Visit.person_name == "李四")
    correct_visit(visit, desk.who, desk.now(), "听错了", request="宅基地翻建审批")
    assert _titles("翻建") == ["李四 来访 政策咨询"]
    assert _titles("建房") == []  # the old text is no longer indexed
    void_visit(visit, desk.who, desk.now(), "重复登记")
    [hit] = search("翻建")
    assert hit.voided
    assert search("翻建", SearchFilter(include_voided=False)) == []


def test_index_write_rolls_back_with_the_record(books, desk):
    from dutydesk.store.visits.visit import Visit

    before = SearchDocRow.select().count()
    with pytest.raises(RuntimeError), desk.db.atomic():
        register_visit(draft(person_name="王五", request="回滚测试"), desk.who, desk.now(), desk.calendar())
        raise RuntimeError("simulated failure after the write")
    assert SearchDocRow.select().count() == before
    assert _titles("回滚测试") == [] and not Visit.select().where(Visit.person_name == "王五").exists()


def test_child_rows_reindex_their_parent(books, desk):
    from dutydesk.store.visits.residents import Resident, add_phones

    resident = Resident.get(Resident.name == "张三丰")
    add_phones(resident, ["13700009999"], desk.who, desk.now())
    assert _titles("0009999") == ["张三丰"]


def test_reindex_all_covers_bulk_inserted_rows(desk):
    from dutydesk.store.visits.residents import Resident

    Resident.insert(name="赵六", name_initials="zl", created_at=desk.now(), created_by="演示").execute()
    assert _titles("赵六") == []
    reindex_all()
    assert _titles("赵六") == ["赵六"]
    audit.update(Resident.get(Resident.name == "赵六"), desk.who, desk.now(), note="独居老人")
    assert _titles("独居") == ["赵六"]


def test_a01_next_page_after_the_last_shown_equals_paging_by_offset(desk):
    """Issue 17: the archive's results page on from the last document shown (``before``), which
    reads no earlier rows; the pages are exactly those of offset paging, for every kind of query."""
    for i in range(12):
        register_visit(draft(person_name=f"王低保{i:02d}", request=f"咨询低保续办材料第{i}次"),
                       desk.who, desk.now(), desk.calendar())
    for query in ("低保", "低保续办", "低保 续办"):  # bigram, trigram, both
        flt = SearchFilter()
        whole = [h.doc_id for h in search(query, flt, 0, 100)]
        assert len(whole) >= 12
        pages, before = [], None
        while True:
            page = search(query, flt, 0, 5, before=before)
            if not page:
                break
            pages += [h.doc_id for h in page]
            before = page[-1].doc_id
        assert pages == whole
        assert [h.doc_id for h in search(query, flt, 5, 5)] == [h.doc_id for h in search(query, flt, 0, 5,
                                                                                              before=whole[4])]
