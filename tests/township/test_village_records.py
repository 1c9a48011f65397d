"""Issue 16 point 6: a village's own records at the township, read-only and masked as on the desk
(``township.village_records``: the display rows the 村级记录 view shows)."""

from __future__ import annotations

import re
import sqlite3

import pytest

from dutydesk.domain.personal_numbers import digits_of
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.reports.ledgers.registry import Period
from dutydesk.township.bundle_tables import TABLES
from dutydesk.township.village_month import VillageMonth
from dutydesk.township.village_records import (
    all_cells,
    catalogue_names,
    masked_phone,
    step_text,
    village_records,
    visit_ref,
)
from tests.plain_text import offending
from tests.township.demo_villages import demo_villages, months

CALENDAR = WorkdayCalendar()
# Numbers as people type them: plain, spaced, dashed, +86, full-width, an ID read out in groups.
RAW = ("13912345678", "139 1234 5678", "+86 138-1234-5678", "１３７１２３４５６７８", "110105 19900307 123X",
       "0571-63281234", "330104198001011234")


def visit(id: int, **kw) -> dict:
    return {"id": id, "received_at": "2026-11-02 09:00:00", "channel": "来访", "category": "求助",
            "person_name": "张三", "contact": "13912345678", "request": "咨询", "responder_name": "李文书",
            "outcome": "转办", "status": "in_progress", "deadline": "2026-11-05", "closed_at": None,
            "result": "", "satisfaction": "", "voided_at": None} | kw


def unmasked_month() -> VillageMonth:
    """A month handed off unmasked (a director approved it): full numbers everywhere."""
    visits = [visit(123, request=f"家里电话{RAW[1]}，儿子{RAW[2]}，身份证{RAW[4]}", result=f"已电话{RAW[5]}联系"),
              visit(124, status="fed_back", contact=RAW[3], outcome="即办", deadline=None),
              visit(125, voided_at="2026-11-03 10:00:00"),
              visit(126, status="done", closed_at="2026-11-20 10:00:00", close_reason="联系不上"),
              visit(127, deadline="2026-11-27")]
    return VillageMonth("350425100201", "桃源村", "2026-11", {
        "visit": visits,
        "visit_followup": [{"id": 1, "visit_id": 123, "done_at": "2026-11-03 09:00:00", "staff": "李文书",
                            "text": f"已联系{RAW[0]}", "voided_at": None}],
        "visit_feedback": [{"id": 1, "visit_id": 124, "given_at": "2026-11-02 10:00:00", "method": "电话",
                            "content": f"回电{RAW[6]}", "satisfaction": "满意", "staff": "李文书", "voided_at": None}],
        "visit_pause": [{"id": 1, "visit_id": 127, "cause": "person", "start": "2026-11-03", "end": None,
                         "note": f"等补材料，电话{RAW[0]}", "created_by": "李文书", "voided_at": None}],
        "proxy_case": [{"id": 7, "slip_no": "DB2026-000007", "visit_id": 123, "person_name": "张三",
                        "person_phone": RAW[0], "item_code": "SB-01", "state": "submitted", "agent": "王代办",
                        "promised_date": "2026-11-12", "accepted_at": "2026-11-02 10:00:00", "closed_at": None,
                        "voided_at": None}],
        "proxy_step": [{"id": 1, "case_id": 7, "kind": "submit", "staff": "王代办", "done_at": "2026-11-03 09:00:00",
                        "details": '{"unit": "镇社保所", "date": "2026-11-03", "carrier": "王代办"}',
                        "voided_at": None},
                       {"id": 2, "case_id": 7, "kind": "handover", "staff": "王代办",
                        "done_at": "2026-11-04 09:00:00", "voided_at": None,
                        "details": f'{{"from": "王代办", "to": "李代办", "note": "群众电话{RAW[0]}"}}'}],
        "roster_slot": [{"id": 1, "day": "2026-11-02", "session_key": "am", "staff_id": 1, "voided_at": None}],
        "sign_in": [{"id": 1, "day": "2026-11-02", "session_key": "am", "staff_id": 1,
                     "signed_in_at": "2026-11-02 08:20:00", "signed_out_at": "2026-11-02 12:00:00",
                     "voided_at": None}],
        "household_visit": [{"id": 1, "day": "2026-11-04", "household_id": 3, "kind": "走访",
                             "found": f"户主身份证{RAW[6]}", "voided_at": None}],
        "household_visit_cadre": [{"id": 1, "household_visit_id": 1, "staff_id": 1}],
        "household_visit_need": [{"id": 1, "household_visit_id": 1, "text": f"低保咨询，回电{RAW[3]}",
                                  "voided_at": None}],
    }, [{"staff_id": 1, "name": "张建国", "role": "书记", "month": "2026-11", "scheduled": 9, "worked": 8,
         "absent": 1, "leave": {"病假": 1}, "penalty": 50, "flag": "诫勉谈话"}])


def cells(month: VillageMonth) -> list[str]:
    return list(all_cells(village_records(month, CALENDAR, catalogue_names())))


def table(month: VillageMonth, title: str):
    return next(t for t in village_records(month, CALENDAR, catalogue_names()) if t.title == title)


def test_v09_no_number_of_an_unmasked_bundle_shows_in_full_however_it_was_typed():
    """V09: the view masks every phone and ID number, in phone columns and inside free text."""
    shown = cells(unmasked_month())
    for number in RAW:
        assert not any(digits_of(number) in digits_of(c) for c in shown), number
    visits = table(unmasked_month(), "来访登记")
    first = dict(zip(visits.headers, visits.rows[0], strict=True))
    assert first["联系电话"] == "139****5678"
    assert first["诉求内容"] == "家里电话139 **** 5678，儿子+86 138-****-5678，身份证110105 ******** 123X"


def test_v09_a_phone_the_bundle_already_masked_shows_as_the_desk_shows_it():
    assert masked_phone("139****5678") == masked_phone("13912345678") == "139****5678"
    assert masked_phone("") == ""


def test_v01_v04_visits_as_the_desks_register_lists_them():
    """V01/V04: 编号 in full, Chinese status, the promised date moved on by a pause, overdue marked."""
    rows = {row[0]: dict(zip(table(unmasked_month(), "来访登记").headers, row, strict=True))
            for row in table(unmasked_month(), "来访登记").rows}
    assert list(rows) == ["2026-000123", "2026-000124", "2026-000125", "2026-000126", "2026-000127"]
    assert rows["2026-000123"]["状态"] == "办理中·已超期" and rows["2026-000123"]["承诺期限"] == "2026-11-05"
    assert rows["2026-000124"]["状态"] == "已反馈"
    assert rows["2026-000125"]["状态"] == "已作废"
    assert rows["2026-000126"]["状态"] == "已关闭（未反馈）"
    assert rows["2026-000127"]["状态"] == "办理中·暂停计时"
    assert rows["2026-000127"]["承诺期限"] > "2026-11-27"  # paused from 11-03: the clock stopped
    assert rows["2026-000123"]["来访时间"] == "2026-11-02 09:00"
    assert visit_ref({"id": 2682, "received_at": "2026-11-10 09:00:00"}) == "2026-002682"


def test_p01_proxy_cases_and_steps_read_as_on_the_desk():
    case = dict(zip(table(unmasked_month(), "代办").headers, table(unmasked_month(), "代办").rows[0], strict=True))
    assert case["代办单号"] == "DB2026-000007" and case["来访编号"] == "2026-000123"
    assert case["办理事项"] == "城乡居民养老保险参保登记" and case["状态"] == "已送交"
    steps = [row[3] for row in table(unmasked_month(), "代办环节").rows]
    assert steps[0] == "送交上级（送交单位：镇社保所；送交日期：2026-11-03；送交人：王代办）"
    assert steps[1] == "移交：王代办 → 李代办（群众电话139****5678）"
    assert step_text("unknown_kind", "not json") == "unknown_kind"  # never crashes on a later kind


def test_d05_d14_duty_sessions_and_the_tally_name_the_staff():
    duty = table(unmasked_month(), "值班").rows
    assert duty == [("2026-11-02", "上午", "张建国", "2026-11-02 08:20", "2026-11-02 12:00", "")]
    tally = table(unmasked_month(), "考勤统计")
    row = dict(zip(tally.headers, tally.rows[0], strict=True))
    picked = (row["姓名"], row["缺勤"], row["病假"], row["处罚（元）"], row["处理意见"])
    assert picked == ("张建国", "1", "1", "50", "诫勉谈话")


def test_g02_household_visits_only_where_the_village_keeps_them():
    visits = table(unmasked_month(), "入户走访").rows
    assert visits[0][:3] == ("2026-11-04", "走访", "张建国") and "****" in visits[0][4]
    bare = VillageMonth("350425100202", "青石村", "2026-11", {"visit": [visit(1)]})
    assert "入户走访" not in [t.title for t in village_records(bare, CALENDAR)]


def test_no_code_status_or_rule_id_is_shown():
    assert offending(cells(unmasked_month())) == []


# --- the demo villages -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def villages():
    return demo_villages()


def _numbers(village) -> set[str]:
    """Every phone and ID number in the village's own books."""
    queries = ("SELECT contact FROM visit", "SELECT outside_phone FROM visit", "SELECT person_phone FROM proxy_case",
               "SELECT phone FROM resident_phone", "SELECT id_number FROM resident",
               "SELECT mobile FROM staff_phone", "SELECT mobile FROM staff")
    with village.db() as con:
        found = {str(v) for q in queries for (v,) in con.execute(q) if v}
    return {digits_of(n) for n in found if len(digits_of(n)) >= 11}


def _raw_month(village, period: Period) -> VillageMonth:
    """The month as an unmasked hand-off carries it: the books' own rows."""
    month = village.months[period.slug]
    tables = {}
    with village.db() as con:
        con.row_factory = sqlite3.Row
        for spec in TABLES:
            sql = f"SELECT * FROM {spec.table} WHERE {spec.month_sql} ORDER BY id"
            tables[spec.table] = [dict(r) for r in con.execute(sql, (period.start.isoformat(), period.end.isoformat()))]
    return VillageMonth(month.code, month.name, month.period, tables, month.tally, month.status)


def test_v09_no_full_phone_or_id_of_the_demo_villages_in_any_cell(villages):
    this, _last = months()
    for village in villages:
        numbers = _numbers(village)
        assert numbers, "the demo village keeps phone numbers"
        for month in (village.months[this.slug], _raw_month(village, this)):
            shown = [digits_of(c) for c in cells(month)]
            leaked = {n for n in numbers if any(n in c for c in shown)}
            assert not leaked, (village.name, leaked)


def test_demo_villages_records_are_all_chinese_and_complete(villages):
    this, _last = months()
    for village in villages:
        month = village.months[this.slug]
        shown = cells(month)
        assert offending(shown) == []
        assert not [c for c in shown if re.fullmatch(r"[a-z_]{3,}", c)]  # no bare code of any family
        visits = table(month, "来访登记").rows
        assert len(visits) == len(month.rows("visit")) > 0
