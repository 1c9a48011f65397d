"""The registers of the rest of the rule books in the archive search (档案查询, A01/A04): messages,
inquiry letters, appointments, sent-up notes, leadership requests, accountability records and the
民情分析会 with its decisions; and the Chinese names of their tables and fields, so the archive's
record view and change history never show a code name (V09: numbers only in ``keys``, which are
searched but never shown; shown text is masked by the archive tab).

One module rather than a call beside each model, so the features' own modules stay as they were
merged. Spot checks are registered with the other grid records in ``store.grid.search``.
"""

from __future__ import annotations

from dutydesk.domain.labels import label
from dutydesk.store.archive import record_view
from dutydesk.store.messages.appointments import Appointment
from dutydesk.store.messages.inquiry_letters import InquiryLetter
from dutydesk.store.messages.message import Message
from dutydesk.store.search_index import SearchDoc, register, register_dependent
from dutydesk.store.visits.accountability import AccountabilityRecord
from dutydesk.store.visits.analysis_meeting import AnalysisMeeting, MeetingDecision
from dutydesk.store.visits.leadership_requests import LeadershipRequest
from dutydesk.store.visits.residents import name_initials
from dutydesk.store.visits.sent_up import SentUp


def _join(*parts: object) -> str:
    return " ".join(str(p) for p in parts if p)


def _message(m: Message) -> SearchDoc:
    return SearchDoc(title=_join("留言", m.from_name, "转告", m.for_name),
                     text=_join(m.content, m.for_kind, m.channel, m.state_label, m.delivered_by, m.delivery_method,
                                m.delivery_note),
                     day=m.received_at.date(), staff=m.taken_by,
                     keys=_join(m.ref if m.id else "", m.from_contact, name_initials(m.from_name),
                                name_initials(m.for_name)))


def _letter(letter: InquiryLetter) -> SearchDoc:
    return SearchDoc(title=_join("来函", letter.sender, letter.letter_no),
                     text=_join(letter.subject, letter.state_label, letter.reply, letter.check_note,
                                letter.signed_by, letter.sent_method),
                     day=letter.received_on, staff=letter.drafted_by or letter.created_by,
                     keys=_join(letter.ref if letter.id else "", letter.letter_no, letter.sender_contact))


def _appointment(a: Appointment) -> SearchDoc:
    return SearchDoc(title=_join("预约", a.person_name, f"{a.slot_at:%m-%d %H:%M}"),
                     text=_join(a.service, a.booked_via, a.state_label),
                     day=a.slot_at.date(), staff=a.created_by,
                     keys=_join(a.contact, name_initials(a.person_name)))


def _sent_up(row: SentUp) -> SearchDoc:
    visit = row.visit
    return SearchDoc(title=_join("上报告知", visit.person_name, f"报{row.level}{row.unit}"),
                     text=_join(visit.request, f"一般需{row.usual_days}个工作日", f"已{row.told_method}告知"),
                     day=row.sent_on, staff=row.told_by,
                     keys=_join(visit.ref, name_initials(visit.person_name)))


def _leadership_request(row: LeadershipRequest) -> SearchDoc:
    visit = row.visit
    return SearchDoc(title=_join("请示", row.asked_of, visit.person_name),
                     text=_join(row.reason, visit.request, row.steps_told),
                     day=row.asked_at.date(), staff=row.created_by,
                     keys=_join(visit.ref, name_initials(visit.person_name)))


def _accountability(r: AccountabilityRecord) -> SearchDoc:
    return SearchDoc(title=_join("问责", r.staff, r.outcome),
                     text=_join(label("breach_kind", r.rule), r.description, r.evidence,
                                f"{r.penalty}元" if r.penalty else "", f"{r.decided_by}决定"),
                     day=r.decided_at.date(), staff=r.staff, keys=name_initials(r.staff))


def _analysis_meeting(m: AnalysisMeeting) -> SearchDoc:
    decisions = " ".join(d.content for d in m.decisions if d.voided_at is None) if m.id else ""
    return SearchDoc(title=_join("民情分析会", m.label), text=_join(m.chair, m.attendees, m.notes, decisions),
                     day=m.held_on, staff=m.chair)


def _decision(d: MeetingDecision) -> SearchDoc:
    state = "已落实" if d.done_at else "跟进中"
    return SearchDoc(title=_join("分析会决定", d.follower, f"{d.due:%Y-%m-%d}前"),
                     text=_join(d.content, state, d.done_note, d.meeting.label),
                     day=d.meeting.held_on, staff=d.follower, keys=name_initials(d.follower))


register(Message, "message", "留言转告", _message, day=lambda m: m.received_at)
register(InquiryLetter, "inquiry_letter", "外来函件", _letter, day=lambda letter: letter.received_on)
register(Appointment, "appointment", "预约", _appointment, day=lambda a: a.slot_at)
register(SentUp, "sent_up", "上报告知", _sent_up, day=lambda row: row.sent_on)
register(LeadershipRequest, "leadership_request", "请示领导", _leadership_request, day=lambda row: row.asked_at)
register(AccountabilityRecord, "accountability", "问责记录", _accountability, day=lambda r: r.decided_at)
register(AnalysisMeeting, "analysis_meeting", "民情分析会", _analysis_meeting, day=lambda m: m.held_on)
register(MeetingDecision, "meeting_decision", "分析会决定", _decision, day=lambda d: d.meeting.held_on)
register_dependent(MeetingDecision, lambda d: d.meeting)  # a decision's text is in its meeting's too

# Field names per table (``record_view.TABLE_LABELS`` wins over the shared ``LABELS``, where the
# same column name means something else: a meeting's month is not a spot check's).
_COMMON = {"voided_at": "作废时间", "voided_by": "作废人", "void_reason": "作废原因", "created_at": "登记时间",
           "created_by": "登记人"}
FIELD_LABELS = {
    "message": {"received_at": "留言时间", "channel": "留言方式", "from_name": "留言人",
                "from_contact": "留言人联系方式", "for_kind": "转告对象类别", "for_name": "转告对象",
                "content": "留言内容", "taken_by": "记录人", "delivered_at": "转达时间", "delivered_by": "转达人",
                "delivery_method": "转达方式", "delivery_note": "转达情况"},
    "inquiry_letter": {"received_on": "收函日期", "sender": "来函单位", "sender_contact": "来函单位联系方式",
                       "letter_no": "来函文号", "subject": "来函事由", "state": "办理进度", "reply": "复函内容",
                       "drafted_by": "拟稿人", "checked_by": "核实人", "check_note": "核实情况",
                       "signed_by": "签发人", "signed_at": "签发时间", "sealed_at": "盖章时间", "sent_on": "发出日期",
                       "sent_method": "发出方式"},
    "appointment": {"slot_at": "预约时间", "person_name": "预约人", "contact": "联系电话", "resident": "居民",
                    "service": "预约事项", "booked_via": "预约方式", "state": "预约状态", "visit": "来访记录",
                    "marked_at": "标记时间", "marked_by": "标记人"},
    "sent_up": {"visit": "来访记录", "sent_on": "报送日期", "level": "报送层级", "unit": "报送单位",
                "usual_days": "上级一般办理工作日", "told_at": "告知时间", "told_method": "告知方式",
                "told_by": "告知人"},
    "leadership_request": {"visit": "来访记录", "asked_of": "请示对象", "reason": "请示原因",
                           "steps_told": "告知群众的办事程序", "asked_at": "请示时间"},
    "accountability_record": {"rule": "问责情形", "staff": "责任人", "happened_on": "发生日期",
                              "description": "事实经过", "outcome": "处理结果", "penalty": "经济处罚金额（元）",
                              "evidence": "依据", "decided_by": "决定人", "decided_at": "决定时间"},
    "analysis_meeting": {"month": "分析月份", "held_on": "会议日期", "chair": "主持人", "attendees": "参会人员",
                         "notes": "会议记录"},
    "meeting_decision": {"meeting": "民情分析会", "content": "决定事项", "follower": "跟进人", "due": "完成日期",
                         "done_at": "落实时间", "done_note": "落实情况"},
}
TABLE_NAMES = {"message": "留言转告", "inquiry_letter": "外来函件", "appointment": "预约", "sent_up": "上报告知",
               "leadership_request": "请示领导", "accountability_record": "问责记录",
               "analysis_meeting": "民情分析会", "meeting_decision": "分析会决定"}
for _table, _labels in FIELD_LABELS.items():
    for _field, _label in {**_COMMON, **_labels}.items():
        record_view.TABLE_LABELS.setdefault((_table, _field), _label)
for _table, _name in TABLE_NAMES.items():
    record_view.TABLE_NAMES.setdefault(_table, _name)
# The breach key names the rule it came from (e.g. "V04:visit:12"): internal, never shown.
record_view.HIDDEN_FIELDS.add("breach_key")
