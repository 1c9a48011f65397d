"""A01/A04/V09: the registers of the rest of the rule books are found in 档案查询, filed by their day,
classified for retention (A02), and open in the record view and its history in Chinese only."""

from __future__ import annotations

import datetime as dt
import re

from dutydesk.domain.accountability import SuspectedBreach
from dutydesk.domain.retention import DEFAULT_RETENTION, LONG_TERM, SHORT_TERM
from dutydesk.store.archive.audit_query import describe, record_history
from dutydesk.store.archive.record_view import record_fields, table_label
from dutydesk.store.grid.spot_check import Answer, draw_month, items, record_answers
from dutydesk.store.messages import appointments, inquiry_letters
from dutydesk.store.messages import message as messages
from dutydesk.store.search_index import SearchFilter, filing_day, search
from dutydesk.store.search_rebuild import reindex_all
from dutydesk.store.visits.accountability import record_outcome
from dutydesk.store.visits.analysis_meeting import DecisionDraft, live_decisions, mark_done, record_meeting
from dutydesk.store.visits.leadership_requests import ask_leadership
from dutydesk.store.visits.sent_up import record_sent_up
from dutydesk.store.visits.visit import register_visit
from tests.approvers import approver
from tests.grid_helpers import make_village
from tests.store.conftest import draft

# kind -> a word only that kind's record holds
KINDS = {"message": "路灯不亮", "inquiry_letter": "邻公函", "appointment": "高龄津贴", "sent_up": "镇自然资源所",
         "leadership_request": "土地承包合同", "accountability": "经济处罚", "analysis_meeting": "集中反映",
         "meeting_decision": "供电所", "spot_check": "镇网格办"}
CODE = re.compile(r"[A-Za-z_]{3,}")  # a code name (status, field) where Chinese should be


def make_records(desk) -> dict:
    """One record of each kind, every one mentioning 三组 (one query finds them all)."""
    now, who, cal = desk.now(), desk.who, desk.calendar()
    village = make_village(desk)
    director = approver()
    message = messages.leave_message(messages.MessageDraft(
        "赵大爷", "干部", "王书记", "三组路灯不亮，请回电13812345678", "13812345678", "来电"), who, now)
    messages.deliver(message, "李文书", "电话", "已转告", who, now)
    letter = inquiry_letters.register_letter(inquiry_letters.LetterDraft(
        desk.today(), "邻县公安局", "核实三组张三户籍", "邻公函〔2026〕12号", "0571-63280002"), who, now)
    inquiry_letters.draft_reply(letter, "经核实，张三户籍在本村三组。", who, now)
    appointments.book(appointments.AppointmentDraft(now + dt.timedelta(hours=1), "钱阿姨", "三组高龄津贴申请",
                                                    "13912345678"), who, now)
    up = register_visit(draft(outcome="上报", escalate_level="镇", result="", deadline_kind="review",
                              request="三组宅基地审批"), who, now, cal)
    record_sent_up(up, desk.today(), "镇", "镇自然资源所", 20, "电话", who, now, cal)
    asked = register_visit(draft(outcome="上报", escalate_level="镇", result="", deadline_kind="review",
                                 request="三组土地流转纠纷"), who, now, cal)
    ask_leadership(asked, "村两委领导", "涉及多个科室", "先到镇农业办登记，带土地承包合同", who, now)
    breach = SuspectedBreach("V02:visit:99", "V02", "李文书", desk.today(),
                             "三组赵大爷的请求记为不属职责，未写明承办单位")
    record_outcome(breach, "经济处罚", "50", "群众投诉", director, who, now)
    meeting = record_meeting(2026, 11, desk.today(), "王书记", "两委成员", "三组路灯问题集中反映",
                             [DecisionDraft("联系供电所修复三组路灯", "赵文书", dt.date(2026, 12, 4))], who, now)
    mark_done(live_decisions(meeting)[0], "已修复", "赵文书", now)
    [check] = draw_month(desk.today(), who, now, seed=42)
    answers = {i.id: Answer(i.expected_head, str(i.expected_members), "无", None) for i in items(check)}
    record_answers(check, "镇网格办刘干事", desk.today(), answers, who, now)
    return {"village": village, "message": message, "letter": letter}


def _one(kind: str):
    hits = search(KINDS[kind], SearchFilter(kinds=(kind,)))
    assert len(hits) == 1, (kind, hits)
    return hits[0]


def test_a01_each_register_is_found_and_opens_with_chinese_labels(desk):
    make_records(desk)
    for kind in KINDS:
        hit = _one(kind)
        fields = record_fields(hit)
        assert fields and all(not CODE.search(label) for label, _ in fields), (kind, fields)
        assert not any(label == "其他项目" for label, _ in fields), (kind, fields)
        assert all(not CODE.search(value) for _, value in fields), (kind, fields)  # codes shown as labels
        assert all(not CODE.search(text) for text in (hit.title, hit.body)), (kind, hit)
        assert table_label(hit.ref_table) != "其他记录"
    assert {h.kind for h in search("三组")} >= set(KINDS)


def test_a01_record_view_names_fields_and_states_in_chinese(desk):
    make_records(desk)
    letter = dict(record_fields(_one("inquiry_letter")))
    assert letter["办理进度"] == "已拟复" and letter["来函文号"] == "邻公函〔2026〕12号"
    account = dict(record_fields(_one("accountability")))
    assert account["问责情形"] == "推诿或未告知承办单位" and account["处理结果"] == "经济处罚"
    assert "V02" not in " ".join(account.values())  # the internal breach key is not shown
    decision = dict(record_fields(_one("meeting_decision")))
    assert decision["民情分析会"] == "2026年11月（2026-11-24召开）" and decision["落实情况"] == "已修复"
    assert dict(record_fields(_one("analysis_meeting")))["分析月份"] == "2026-11"
    assert dict(record_fields(_one("appointment")))["预约状态"] == "已预约"


def test_a03_history_of_the_registers_reads_in_chinese(desk):
    made = make_records(desk)
    lines = [describe(e) for e in record_history("inquiry_letter", made["letter"].id)]
    assert any("办理进度：已登记 → 已拟复" in line for line in lines), lines
    lines = [describe(e) for e in record_history("message", made["message"].id)]
    assert any(line.startswith("修改 转达人：") for line in lines), lines
    assert not any(CODE.search(line) for line in lines)


def test_v09_numbers_are_searched_by_keys_and_not_in_shown_text(desk):
    make_records(desk)
    [hit] = search("13812345678", SearchFilter(kinds=("message",)))
    assert "13812345678" in hit.body  # the archive tab masks it (tests/ui/archive/test_register_kinds.py)
    [letter] = search("63280002", SearchFilter(kinds=("inquiry_letter",)))
    assert "63280002" not in letter.title + letter.body  # a contact only in keys


def test_a04_registers_are_filed_by_their_day_and_survive_a_rebuild(desk):
    make_records(desk)
    reindex_all()
    for kind in KINDS:
        assert _one(kind).day == desk.today()
    unsaved = messages.Message(received_at=dt.datetime(2025, 12, 31, 17, 0))
    assert filing_day(unsaved) == dt.date(2025, 12, 31)


def test_a02_each_register_has_a_retention_class():
    assert {k: DEFAULT_RETENTION[k] for k in KINDS} == {
        "message": SHORT_TERM, "inquiry_letter": LONG_TERM, "appointment": SHORT_TERM, "sent_up": SHORT_TERM,
        "leadership_request": SHORT_TERM, "accountability": LONG_TERM, "analysis_meeting": LONG_TERM,
        "meeting_decision": LONG_TERM, "spot_check": LONG_TERM}
