"""V11 with G03/G05: the monthly 民情分析会 pack includes the household-visit findings (the month's
visits, what was found, the needs raised and whether they became matters) and the major 民情日记
entries, prepared with a controlled clock."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from dutydesk.reports import analysis_pack
from dutydesk.reports.household_findings import major_diary_entries, visit_findings
from dutydesk.reports.ledgers import Period
from dutydesk.store.grid.diary import DiaryDraft, add_entry, answer_entry, report_entry
from dutydesk.store.grid.household_visit import HouseholdVisitDraft, NeedDraft, record_household_visit
from tests.grid_helpers import make_village

NOV = Period.month(2026, 11)


def text_of(path) -> str:
    return "".join(p.extract_text() for p in PdfReader(str(path)).pages).replace(" ", "").replace("\n", "")


def _visit(desk, day, household, cadres, found, needs=()):
    record_household_visit(HouseholdVisitDraft(day, household.id, cadres, "走访", found, list(needs)),
                           desk.who, desk.now(), desk.calendar())


def _grid_month(desk):
    village = make_village(desk)
    _visit(desk, dt.date(2026, 10, 28), village.h2, [village.member.id], "十月走访，情况正常")  # not November
    _visit(desk, dt.date(2026, 11, 3), village.h1, [village.member.id, village.clerk.id],
           "屋顶漏雨，儿子电话13812345678",
           [NeedDraft("申请危房改造补助"), NeedDraft("想了解医保缴费", register=False)])
    _visit(desk, dt.date(2026, 11, 20), village.h2, [village.clerk.id], "老人身体尚好")
    major = add_entry(DiaryDraft(village.member.id, dt.date(2026, 11, 10), "村道塌方三户出行受阻", "已设警示",
                                 place="三组村道", major=True), desk.who, desk.now())
    report_entry(major, "镇党委", dt.datetime(2026, 11, 11, 9, 0), desk.who, desk.now())
    answer_entry(major, "镇里派人抢修", dt.datetime(2026, 11, 12, 9, 0), desk.who, desk.now())
    add_entry(DiaryDraft(village.clerk.id, dt.date(2026, 11, 21), "反映低保评议不公", place="村部", major=True),
              desk.who, desk.now())
    add_entry(DiaryDraft(village.clerk.id, dt.date(2026, 11, 22), "想修路灯", place="三组"), desk.who, desk.now())
    return village


def test_v11_g03_g05_pack_has_household_visit_findings_and_major_diary_entries(desk, clock, tmp_path):
    _grid_month(desk)
    clock.set(dt.datetime(2026, 12, 1, 9, 0))
    text = text_of(analysis_pack.write_pack(desk, NOV, tmp_path / "pack.pdf"))
    assert "四、入户走访发现" in text
    assert "本月入户走访2次，走访2户；提出诉求2项，其中登记为来访登记事项1项（已办结0项）" in text
    assert "十月走访" not in text  # only the month's visits
    assert "赵委员、李文书" in text and "屋顶漏雨" in text and "老人身体尚好" in text
    assert "申请危房改造补助（已登记2026-000001，" in text  # became a matter of 来访登记
    assert "想了解医保缴费（未登记）" in text
    assert "13812345678" not in text and "138****5678" in text  # V09: the pack is shared
    assert "五、民情日记重大事项" in text
    assert "本月记入民情日记的重大民情2件，尚未得到领导处理意见1件" in text
    assert "村道塌方三户出行受阻" in text and "11-11报镇党委" in text and "11-12：镇里派人抢修" in text
    assert "反映低保评议不公" in text and "未上报" in text
    assert "想修路灯" not in text  # an ordinary entry is not a major one
    assert "六、会议决定及跟进" in text


def test_v11_g03_registered_need_shows_how_far_its_matter_got(desk, clock):
    _grid_month(desk)
    section = visit_findings(desk, NOV)
    [header, first, second] = section.rows
    assert header[-1] == "提出的诉求及办理" and first[0] == "11-03" and second[-1] == "无"
    assert "已登记2026-000001，待处理" in first[-1]


def test_v11_month_without_visits_or_major_entries_adds_no_section(desk, clock, tmp_path):
    make_village(desk)
    assert visit_findings(desk, NOV) is None and major_diary_entries(desk, NOV) is None
    clock.set(dt.datetime(2026, 12, 1, 9, 0))
    text = text_of(analysis_pack.write_pack(desk, NOV, tmp_path / "pack.pdf"))
    assert "入户走访发现" not in text and "四、会议决定及跟进" in text
