"""The center's profile (``store.center``): read once per change of the books (issue 17), so the
start asks the books once, yet every change is seen at once and no caller can alter another's copy."""

from __future__ import annotations

import dataclasses

from dutydesk.store.center import CenterRecord, load_center, save_center


def test_the_profile_is_read_once_until_the_books_change(desk):
    first = load_center()
    queries = []
    connection = desk.db.connection()
    connection.set_trace_callback(lambda sql: queries.append(sql) if "center_profile" in sql else None)
    try:
        again = load_center()
        assert queries == [] and again == first and again is not first
        again.name = "别处的中心"  # a caller's copy is its own
        assert load_center() == first
        save_center(dataclasses.replace(first, name="青石村党群服务中心（新）"), "管理员", desk.now())
        assert load_center().name == "青石村党群服务中心（新）" and queries  # the change is read at once
        CenterRecord.update(township="新镇").execute()  # any write to the books, audited or not
        assert load_center().township == "新镇"
    finally:
        connection.set_trace_callback(None)
