"""The grid's five ledgers over the real books, each in both formats (G01-G03, G05, G06, V09)."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.reports.ledger import write_ledger
from dutydesk.reports.ledgers import LEDGERS, Period
from dutydesk.store.grid.diary import DiaryDraft, add_entry
from dutydesk.store.grid.household_visit import HouseholdVisitDraft, NeedDraft, record_household_visit
from dutydesk.store.grid.pairing import ASSISTANCE, pair
from dutydesk.store.grid.spot_check import Answer, draw_month, items, record_answers
from dutydesk.store.privacy import ExportGrant
from tests.grid_helpers import make_village
from tests.reports.ledgers.test_declarations import data_rows, pdf_text

NOV = Period.month(2026, 11)
KEYS = ["grid", "household_visits", "diary", "visit_quota", "spot_checks"]


@pytest.fixture
def village(desk):
    return make_village(desk)


def both(desk, key, tmp_path, grant=None):
    ledger = LEDGERS[key].make(desk, NOV, grant)
    xlsx = write_ledger(ledger, tmp_path / f"{key}.xlsx", "xlsx")
    pdf = write_ledger(LEDGERS[key].make(desk, NOV, grant), tmp_path / f"{key}.pdf", "pdf")
    return xlsx, pdf_text(pdf)


def test_grid_ledgers_are_registered_after_the_township_five():
    keys = list(LEDGERS)
    assert keys[:5] == ["duty", "visits", "proxy", "attendance", "monthly"]
    assert [k for k in keys if k in KEYS] == KEYS
    assert [LEDGERS[k].monthly for k in KEYS] == [False, False, False, True, True]
    assert LEDGERS["grid"].personal  # cadres' phones


def test_g01_v09_grid_responsibility_table_with_masked_phones(desk, village, tmp_path):
    pair(village.member, village.h1, ASSISTANCE, dt.date(2026, 11, 2), desk.who, desk.now())
    xlsx, text = both(desk, "grid", tmp_path)
    [row] = data_rows(xlsx, "网格责任表", "片区")
    assert row[:3] == ("三组片区", "三组", "赵委员") and row[4] == "李文书"
    assert row[3] != "13900000002" and row[3].startswith("139") and row[3].endswith("0002")
    assert row[6:] == (2, 1, 1, 1)  # households, with key persons, in difficulty, paired
    assert "网格责任表" in text and "三组片区" in text and "13900000002" not in text
    grant = ExportGrant("李文书", "王书记", "镇里核对", "网格责任表")
    xlsx, text = both(desk, "grid", tmp_path, grant)
    assert data_rows(xlsx, "网格责任表", "片区")[0][3] == "13900000002" and "13900000002" in text


def test_g03_household_visit_ledger_lists_the_months_visits(desk, village, tmp_path):
    record_household_visit(HouseholdVisitDraft(dt.date(2026, 11, 20), village.h1.id, [village.member.id],
                                               found="屋顶漏雨", needs=[NeedDraft("申请危房改造")]),
                           desk.who, desk.now(), desk.calendar())
    record_household_visit(HouseholdVisitDraft(dt.date(2026, 10, 20), village.h2.id, [village.member.id],
                                               found="十月的走访"), desk.who, desk.now(), desk.calendar())
    xlsx, text = both(desk, "household_visits", tmp_path)
    [row] = data_rows(xlsx, "入户走访", "日期")
    assert row[1:] == (village.h1.code, "张三", "青石村三组12号", "三组片区", "走访", "赵委员", "屋顶漏雨",
                       "申请危房改造")
    assert "屋顶漏雨" in text and "申请危房改造" in text and "十月的走访" not in text


def test_g05_diary_ledger_with_the_major_entry(desk, village, tmp_path):
    add_entry(DiaryDraft(village.member.id, dt.date(2026, 11, 23), "后山滑坡隐患，联系13812345678", "已劝离",
                         place="二组", major=True), desk.who, desk.now())
    xlsx, text = both(desk, "diary", tmp_path)
    [row] = data_rows(xlsx, "民情日记", "日期")
    assert row[1:6] == ("赵委员", "二组", "后山滑坡隐患，联系138****5678", "已劝离", "是")
    assert "重大民情1件" in text and "13812345678" not in text


def test_g03_visit_quota_ledger_per_cadre_required_and_done(desk, village, tmp_path):
    for day in (3, 10):
        record_household_visit(HouseholdVisitDraft(dt.date(2026, 11, day), village.h1.id, [village.secretary.id],
                                                   found="走访"), desk.who, desk.now(), desk.calendar())
    xlsx, text = both(desk, "visit_quota", tmp_path)
    rows = data_rows(xlsx, "走访完成情况", "干部")
    monthly = next(r for r in rows if r[0] == "王书记" and r[2].startswith("每月入户走访"))
    assert monthly[4:6] == (10, 1)  # ten households a month required, one household visited
    assert monthly[8] in ("进度落后", "严重滞后")
    assert {r[0] for r in rows} >= {"王书记", "赵委员", "李文书"}
    assert "走访完成情况统计" in text and "每月入户走访不少于10户" in text


def test_g06_spot_check_ledger_with_rates_and_each_answer(desk, village, tmp_path):
    [check] = draw_month(dt.date(2026, 11, 24), desk.who, desk.now(), seed=3)
    rows = {i.household.code: i for i in items(check)}
    record_answers(check, "周干事", dt.date(2026, 11, 24),
                   {rows[village.h1.code].id: Answer("张三", "1", "低保户", None),
                    rows[village.h2.code].id: Answer("王五", "1", "", None)}, desk.who, desk.now())
    xlsx, text = both(desk, "spot_checks", tmp_path)
    [result] = data_rows(xlsx, "抽查结果", "名次")
    assert result[1:4] == ("赵委员", "三组片区", "周干事") and result[5:8] == (2, 7, 8)
    assert result[9] == "曝光台"
    assert "抽查结果公示" in text and "李四（答：王五，错）" in text and "87.5%" in text


def test_g03_visit_quota_of_a_month_not_yet_begun_is_empty(desk, village, tmp_path):
    """The year archive asks for all twelve months: December is not counted with November's figures."""
    ledger = LEDGERS["visit_quota"].make(desk, Period.month(2026, 12))
    xlsx = write_ledger(ledger, tmp_path / "dec.xlsx", "xlsx")
    assert data_rows(xlsx, "走访完成情况", "干部") == []
    assert list(ledger.notes) == ["本月尚未开始。"]
