"""The archive's record view and change history speak Chinese: codes as labels, visit numbers in
full, materials spelled out (issue 13)."""

from __future__ import annotations

from dutydesk.store.archive.audit_query import describe, record_history
from dutydesk.store.archive.record_view import display_value, record_fields, record_number, table_label
from dutydesk.store.search_index import doc_for
from dutydesk.store.visits import visit_progress as progress
from dutydesk.store.visits.visit import register_visit
from tests.store.conftest import draft


def _transfer(desk):
    return register_visit(draft(category="代办", outcome="代办", result="", deadline_kind="complex"),
                          desk.who, desk.now(), desk.calendar())


def test_a03_record_view_shows_labels_and_the_full_visit_number(desk):
    visit = _transfer(desk)
    fields = dict(record_fields(doc_for("visit", visit.id)))
    assert fields["编号"] == visit.ref and fields["编号"].startswith("2026-0")
    assert fields["状态"] == "待处理"
    assert fields["时限类别"] == "复杂事项"


def test_a03_history_reads_status_change_in_chinese(desk, clock):
    visit = _transfer(desk)
    clock.advance(hours=1)
    progress.add_followup(visit, "已电话联系民政办", desk.who, desk.now())
    lines = [describe(e) for e in record_history("visit", visit.id)]
    assert any("状态：待处理 → 办理中" in line for line in lines), lines
    assert not any("in_progress" in line or "status" in line for line in lines)


def test_materials_are_spelled_out_not_json():
    value = '[{"material": {"name": "户口簿", "form": "原件", "copies": 1, "note": ""}, "pages": 2}]'
    assert display_value("notice_record", "received", value) == "户口簿（原件1份，2页）"
    missing = '[{"name": "结婚证", "form": "复印件", "copies": 2, "note": ""}]'
    assert display_value("notice_record", "missing", missing) == "结婚证（复印件2份）"


def test_a03_audit_rows_name_tables_and_visit_numbers_as_staff_know_them(desk):
    visit = _transfer(desk)
    assert table_label("visit") == "来访记录" and table_label("proxy_case") == "代办事项"
    assert record_number("visit", visit.id) == visit.ref
    assert record_number("account", 7) == "7"
