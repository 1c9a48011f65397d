"""Rebuilding the archive search index set-based (A01): ``reindex_all`` must give exactly the
documents the audit trail's per-record indexing gives, touch only what changed, and keep the
newest-first order across record types."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.store.search_index import SOURCES, SearchFilter, search
from dutydesk.store.search_rebuild import reindex_all
from dutydesk.store.visits.resident_merge import merge_residents
from dutydesk.store.visits.residents import Resident, ResidentData, add_phones, create_resident
from dutydesk.store.visits.visit import Visit, correct_visit, register_visit, void_visit
from dutydesk.store.visits.visit_progress import add_followup, record_feedback
from tests.store.conftest import draft

COLUMNS = "ref_table, ref_id, kind, title, body, keys, day, staff, voided"


def _docs(desk) -> list[tuple]:
    return list(desk.db.execute_sql(f"SELECT {COLUMNS} FROM search_doc ORDER BY ref_table, ref_id"))


def _wipe_index(desk) -> None:
    desk.db.execute_sql("DELETE FROM search_doc")
    desk.db.execute_sql("INSERT INTO search_fts_tri (search_fts_tri) VALUES ('delete-all')")
    desk.db.execute_sql("INSERT INTO search_fts_bi (search_fts_bi) VALUES ('delete-all')")


@pytest.fixture
def books(desk, clock):
    """Residents and visits written through the audit trail, so each is indexed by ``document``."""
    who = desk.who
    zhang = create_resident(ResidentData("张三丰", id_number="11010519491231002X", phones=["13812345678"],
                                         village_group="三组", tags=["低保户", "独居老人"], note="腿脚不便"),
                            who, desk.now())
    add_phones(zhang, ["0571-63281111"], who, desk.now())
    dup = create_resident(ResidentData("张三丰", phones=["13812345678"]), who, desk.now(), allow_shared_phone=True)
    merge_residents(zhang, dup, who, desk.now())
    create_resident(ResidentData("Lily王"), who, desk.now())
    first = register_visit(draft(person_name="张三丰", request="咨询低保续办材料", outcome="转办", result="",
                                 deadline_kind="review", transfer_to="镇民政办", transfer_contact="0571-63280000"),
                           who, desk.now(), desk.calendar())
    add_followup(first, "已电话联系镇民政办", who, desk.now())
    record_feedback(first, "电话", "已告知办理结果", who, desk.now())
    clock.set(dt.datetime(2025, 3, 5, 10, 0))
    second = register_visit(draft(person_name="李四", category="矛盾纠纷", request="宅基地边界争执", contact="",
                                  dispute_parties="李四与邻居", received_at=clock.now()),
                            who, clock.now(), desk.calendar())
    clock.set(dt.datetime(2026, 11, 24, 9, 0))
    correct_visit(second, who, desk.now(), "补充", dispute_parties="李四与王五")
    void_visit(register_visit(draft(person_name="赵六"), who, desk.now(), desk.calendar()), who, desk.now(), "重复")
    return desk


def test_a01_bulk_sql_gives_exactly_the_python_documents(books):
    assert {"resident", "visit"} <= {s.table for s in SOURCES.values() if s.bulk_sql}
    by_audit_trail = _docs(books)
    assert any(r[0] == "visit" and "已电话联系镇民政办" in r[4] and "已告知办理结果" in r[4] for r in by_audit_trail)
    _wipe_index(books)
    assert reindex_all() == len(by_audit_trail)
    assert _docs(books) == by_audit_trail
    # ... and the FTS tables answer as before (2-, 3-character terms, digits, initials).
    assert [h.title for h in search("镇民政")] == ["张三丰 来访 政策咨询"]
    assert {h.title for h in search("zsf")} == {"张三丰 来访 政策咨询", "张三丰"}
    assert [h.title for h in search("1111")] == ["张三丰"]
    assert [h.title for h in search("王五")] == ["李四 来访 矛盾纠纷"]
    assert [h.title for h in search("lilyw")] == ["Lily王"]


def test_rebuild_touches_only_changed_documents(books, desk):
    reindex_all()
    before = _docs(books)
    ids = dict(((r[0], r[1]), r[2]) for r in desk.db.execute_sql("SELECT ref_table, ref_id, id FROM search_doc"))
    # Changed behind the audit trail's back (a bulk import): the rebuild picks it up.
    Visit.update(request="宅基地翻建审批").where(Visit.person_name == "李四").execute()
    Resident.insert(name="孙七", name_initials="sq", created_at=desk.now(), created_by="演示").execute()
    assert reindex_all() == len(before) + 1
    assert [h.title for h in search("翻建")] == ["李四 来访 矛盾纠纷"]
    assert search("边界争执") == []  # the old text is forgotten, not just shadowed
    assert [h.title for h in search("孙七")] == ["孙七"]
    kept = dict(((r[0], r[1]), r[2]) for r in desk.db.execute_sql("SELECT ref_table, ref_id, id FROM search_doc"))
    assert all(kept[key] == doc_id for key, doc_id in ids.items())  # existing documents keep their rowid
    # A resident merged away loses its document.
    sun = Resident.get(Resident.name == "孙七")
    Resident.update(merged_into=Resident.get(Resident.name == "张三丰")).where(Resident.id == sun.id).execute()
    reindex_all()
    assert search("孙七") == []


def test_rebuild_files_documents_oldest_first_across_types(desk, clock):
    _wipe_index(desk)
    Visit.insert(received_at=dt.datetime(2026, 1, 2, 9), channel="来访", category="其他", person_name="甲",
                 request="旧来访", responder_name="李文书", outcome="即办", status="fed_back",
                 created_at=desk.now(), created_by="演示").execute()
    Resident.insert(name="乙", name_initials="y", created_at=dt.datetime(2026, 6, 1, 8),
                    created_by="演示").execute()
    reindex_all()
    assert [h.title for h in search("", SearchFilter())][:2] == ["乙", "甲 来访 其他"]
