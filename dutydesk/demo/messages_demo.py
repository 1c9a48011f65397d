"""Demo messages, outside letters, appointments, sent-up matters and leadership requests (issue 18,
visit side: V04, V06, V10, V13, V14), a handful per kind, written through the store so the books
read as the desk would have written them."""

from __future__ import annotations

import datetime as dt

from dutydesk.demo.generate import DemoPlan
from dutydesk.domain import appointment as appt_rules
from dutydesk.domain import inquiry_letter as letter_rules
from dutydesk.domain import visit_rules as rules
from dutydesk.domain.incident import IncidentReportDraft
from dutydesk.store import audit
from dutydesk.store.base import database
from dutydesk.store.messages.appointments import Appointment, AppointmentDraft, book, mark_arrived
from dutydesk.store.messages.inquiry_letters import InquiryLetter
from dutydesk.store.messages.message import MessageDraft, deliver, leave_message
from dutydesk.store.visits.leadership_requests import ask_leadership
from dutydesk.store.visits.sent_up import SentUp, record_sent_up
from dutydesk.store.visits.visit import Visit, VisitDraft, register_visit

MESSAGES = (
    ("赵大爷", "干部", "王书记", "请王书记回个电话，商量三组修路的事"),
    ("镇农业办", "单位", "村委会", "请于周五前报送春耕生产统计表"),
    ("钱阿姨", "群众", "孙大伯", "孙大伯的快递放在村部，请来取"),
    ("县供电所", "单位", "李文书", "下周二上午检修线路，请通知各组停电"),
    ("周大姐", "干部", "张主任", "想问孩子入学证明什么时候能开"),
)
LETTERS = (
    ("邻县公安局", "邻公函〔2026〕12号", "核实本村村民户籍及居住情况", "经核实，该村民户籍在本村三组，常住本村。"),
    ("市人社局", "人社函〔2026〕31号", "核实外出务工人员返乡创业情况", "经入户核实，情况属实。"),
    ("外省某县民政局", "民函〔2026〕8号", "协查低保对象在本村有无房产", ""),
)
MESSAGE_TIMES = (dt.time(9, 0), dt.time(15, 20), dt.time(10, 5), dt.time(16, 45), dt.time(9, 30))
APPOINTMENTS = (("吴奶奶", "办理高龄津贴"), ("郑师傅", "宅基地审批材料预审"), ("冯大姐", "开具居住证明"))


def messages_step(plan: DemoPlan) -> None:
    desk = plan.desk
    rng = plan.rng("messages")
    now = desk.now().replace(second=0, microsecond=0)
    who = "演示"
    with database.atomic():
        for i, (sender, kind, target, content) in enumerate(MESSAGES):
            at = now - dt.timedelta(minutes=40) if i == 0 else dt.datetime.combine(
                desk.today() - dt.timedelta(days=i + 1), MESSAGE_TIMES[i])
            message = leave_message(MessageDraft(sender, kind, target, content, f"1390000{rng.randint(1000, 9999)}",
                                                 "来电" if i % 2 else "来访"), who, at)
            if i >= 2:  # the two newest stay undelivered: one in 待跟进, one only in the handover
                deliver(message, "李文书", "电话", f"已电话转告{target}", who, at + dt.timedelta(hours=2))
        for i, (sender, number, subject, reply) in enumerate(LETTERS):
            day = desk.today() - dt.timedelta(days=5 + 9 * i)
            at = dt.datetime.combine(day, dt.time(10, 0))
            state = letter_rules.REGISTERED
            if reply:
                state = letter_rules.SENT if i == 0 else letter_rules.CHECKED
            signed = state == letter_rules.SENT
            audit.create(InquiryLetter, who, at, received_on=day, sender=sender, letter_no=number, subject=subject,
                         state=state, reply=reply, drafted_by="李文书" if reply else "",
                         checked_by="李文书" if reply else "", check_note="查阅户籍底册并入户核实" if reply else "",
                         signed_by="王书记" if signed else "", signed_at=at + dt.timedelta(days=2) if signed else None,
                         sealed_at=at + dt.timedelta(days=2) if signed else None,
                         sent_on=day + dt.timedelta(days=3) if signed else None, sent_method="邮寄" if signed else "",
                         created_at=at, created_by=who)
        _appointments(plan, now, who)
        _sent_up_and_leadership(plan, now, who)


def _appointments(plan: DemoPlan, now: dt.datetime, who: str) -> None:
    desk = plan.desk
    morning = dt.datetime.combine(desk.today(), dt.time(9, 30))
    for i, (name, service) in enumerate(APPOINTMENTS):
        slot = morning + dt.timedelta(hours=2 * i)
        booked_at = min(now, slot) - dt.timedelta(days=1)
        book(AppointmentDraft(slot, name, service, "", "电话"), who, booked_at)
    # Yesterday: one came and became a visit, one never came.
    yesterday = dt.datetime.combine(desk.today() - dt.timedelta(days=1), dt.time(10, 0))
    came = book(AppointmentDraft(yesterday, "陈大爷", "咨询养老保险缴费档次", "", "电话"), who,
                yesterday - dt.timedelta(days=1))
    visit = register_visit(VisitDraft(category="政策咨询", responder_name="李文书", outcome=rules.DONE_NOW,
                                      result="已讲解缴费档次", channel="来访", person_name=came.person_name,
                                      request=came.service, received_at=yesterday), who, yesterday, desk.calendar())
    mark_arrived(came, visit, who, yesterday)
    missed = book(AppointmentDraft(yesterday + dt.timedelta(hours=4), "褚大姐", "办理残疾人证换证", "", "电话"), who,
                  yesterday - dt.timedelta(days=1))
    audit.update(missed, who, yesterday + dt.timedelta(hours=6), state=appt_rules.MISSED,
                 marked_at=yesterday + dt.timedelta(hours=6), marked_by="李文书")
    assert Appointment.select().count() >= len(APPOINTMENTS)


def _sent_up_and_leadership(plan: DemoPlan, now: dt.datetime, who: str) -> None:
    desk = plan.desk
    at = now - dt.timedelta(days=1)
    visit = register_visit(VisitDraft(channel="来访", category="代办", person_name="卫大哥", request="危房改造补助申请",
                                      responder_name="王书记", outcome=rules.ESCALATE, escalate_level="镇",
                                      deadline_kind="review", received_at=at), who, at, desk.calendar())
    if not SentUp.select().exists():
        record_sent_up(visit, at.date(), "镇", "镇住建办", 20, "电话", who, at, desk.calendar())
    asked = register_visit(VisitDraft(channel="来访", category="求助", person_name="蒋大妈",
                                      request="土地流转和低保同时涉及农业办和民政办，不知找谁", responder_name="李文书",
                                      outcome=rules.ESCALATE, escalate_level="镇", deadline_kind="review",
                                      received_at=at), who, at, desk.calendar())
    ask_leadership(asked, "村两委领导", "涉及多个科室",
                   "已告知先到镇便民服务中心综合窗口登记，带户口本和承包合同", who, at)
    occurred = now - dt.timedelta(days=2)
    register_visit(VisitDraft(channel="来电", category="突发事件", person_name="沈大叔",
                              request="五组两户因排水沟发生打斗", responder_name="王书记",
                              outcome=rules.DONE_NOW, result="已到场劝开",
                              received_at=occurred, incident_occurred_at=occurred, incident_reports=[
                                  IncidentReportDraft("两委负责人", "王书记", "当面", occurred),
                                  IncidentReportDraft("镇党委", "镇党委值班室", "电话", occurred),
                                  IncidentReportDraft("公安派出所", "青石派出所值班民警", "电话", occurred)]),
                   who, occurred + dt.timedelta(minutes=30), desk.calendar())
    assert Visit.select().exists()
