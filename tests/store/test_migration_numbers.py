"""V09: m0012 gives phones and ID numbers already in the books their canonical form, through the
audit trail (A03), leaving closed years alone (A04) and keeping the search index in step."""

from __future__ import annotations

import datetime as dt

from dutydesk.store import features  # noqa: F401  (registers the search sources)
from dutydesk.store.audit import AuditEntry
from dutydesk.store.base import connect
from dutydesk.store.migrations import migrate
from dutydesk.store.search_index import SearchFilter, search
from dutydesk.store.search_rebuild import reindex_all
from dutydesk.store.visits.resident_lookup import find_residents

M0012 = "m0012_normalise_numbers"
FULL_WIDTH_ID = "１１０１０５１９４９１２３１００２ｘ"


def _resident(db, name: str, id_number: str | None, phones: list[str], created: str = "2026-03-02 10:00:00") -> int:
    cursor = db.execute_sql(
        "INSERT INTO resident (name, name_initials, id_number, village_group, address, tags, note, "
        "created_at, created_by) VALUES (?, 'ww', ?, '', '', '', '', ?, '旧版')", (name, id_number, created))
    rid = cursor.lastrowid
    for phone in phones:
        db.execute_sql("INSERT INTO resident_phone (resident_id, phone, created_at) VALUES (?, ?, ?)",
                       (rid, phone, created))
    return rid


def _audit(db, table: str) -> list[tuple]:
    return db.execute_sql(
        "SELECT account, record_id, action, field, old_value, new_value FROM audit_entry "
        "WHERE table_name = ? ORDER BY id", (table,)).fetchall()


def test_v09_old_file_at_m0011_is_normalised_with_audit_entries(tmp_path):
    db = connect(tmp_path / "old.sqlite3")
    migrate(db, upto="m0011_visit_lookup_index")
    rid = _resident(db, "王五", FULL_WIDTH_ID, ["＋８６ １３８ ００１３ ８０００", "13900001111", "057163280000"])
    clean = _resident(db, "李四", "11010519491231002X", ["13812345678"])

    assert M0012 in migrate(db)

    assert db.execute_sql("SELECT id_number FROM resident WHERE id = ?", (rid,)).fetchone() == (
        "11010519491231002X",)
    phones = [r[0] for r in db.execute_sql("SELECT phone FROM resident_phone ORDER BY id")]
    assert phones == ["13800138000", "13900001111", "0571-63280000", "13812345678"]
    assert _audit(db, "resident") == [("系统", rid, "update", "id_number", FULL_WIDTH_ID, "11010519491231002X")]
    phone_audit = _audit(db, "resident_phone")
    assert [(a[3], a[4], a[5]) for a in phone_audit] == [
        ("phone", "＋８６ １３８ ００１３ ８０００", "13800138000"), ("phone", "057163280000", "0571-63280000")]
    assert all(a[0] == "系统" for a in phone_audit)
    reasons = {r[0] for r in db.execute_sql("SELECT reason FROM audit_entry")}
    assert len(reasons) == 1 and "标准格式" in reasons.pop()  # a Chinese reason for the audit viewer
    assert clean not in {a[1] for a in _audit(db, "resident")}
    db.close()


def _skip_m0012(desk) -> None:
    """Make the desk's file look like one written before m0012 existed."""
    desk.db.execute_sql("DELETE FROM schema_migration WHERE name = ?", (M0012,))


def test_v09_current_file_is_normalised_and_found_by_canonical_digits(desk):
    rid = _resident(desk.db, "王五", FULL_WIDTH_ID, ["１３８００１３８０００"])
    visit_cols = ("channel, category, person_name, contact, request, responder_name, outcome, status, "
                  "received_at, created_at, created_by")
    desk.db.execute_sql(
        f"INSERT INTO visit ({visit_cols}) VALUES ('来访', '政策咨询', '王五', '+86 138 0013 8000', "
        "'咨询低保', '李文书', '即办', 'fed_back', '2026-03-02 10:00:00', '2026-03-02 10:00:00', '旧版')")
    reindex_all()  # the index as the old version built it, from the full-width values
    assert search("13800138", SearchFilter()) == []
    _skip_m0012(desk)

    assert migrate(desk.db) == [M0012]

    assert [h.title for h in search("13800138", SearchFilter())] == ["王五 来访 政策咨询", "王五"]
    assert [h.title for h in search("1231002x", SearchFilter())] == ["王五"]
    assert [r.id for r in find_residents("138001")] == [rid]
    visit_change = AuditEntry.get((AuditEntry.table_name == "visit") & (AuditEntry.field == "contact"))
    assert (visit_change.account, visit_change.old_value, visit_change.new_value) == (
        "系统", "+86 138 0013 8000", "13800138000")
    # The index agrees with a rebuild from the records: nothing stale was left in it.
    before = desk.db.execute_sql("SELECT ref_table, ref_id, keys FROM search_doc ORDER BY id").fetchall()
    reindex_all()
    assert desk.db.execute_sql("SELECT ref_table, ref_id, keys FROM search_doc ORDER BY id").fetchall() == before


def test_v09_records_filed_in_a_closed_year_are_left_alone(desk):
    """A04: a closed year stays as it was filed."""
    old = _resident(desk.db, "王五", FULL_WIDTH_ID, [], created="2024-05-06 10:00:00")
    new = _resident(desk.db, "赵六", "１１０１０５４９１２３１００２", [])
    reindex_all()
    desk.db.execute_sql("INSERT INTO year_closure (year, closed_at, closed_by, archive_path, files) "
                        "VALUES (2024, ?, '王书记', '', '[]')", (str(dt.datetime(2025, 1, 5, 9, 0)),))
    _skip_m0012(desk)

    migrate(desk.db)

    numbers = dict(desk.db.execute_sql("SELECT id, id_number FROM resident").fetchall())
    assert numbers == {old: FULL_WIDTH_ID, new: "11010519491231002X"}
