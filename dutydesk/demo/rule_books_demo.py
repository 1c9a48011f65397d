"""Demo data for issue 18's notice, proxy, accountability and meeting duties (N07, N08, P10, P11,
V11, V12), written through the real store functions so their audit trail looks like the desk's.

- N08: the catalogue's template blanks (（请填写窗口电话）) filled with demo phones, so the wall
  guide prints;
- N07: missing-materials notices with a supply date, a few followed up by phone (不予受理);
- P10: each of today's sessions names its proxy agent;
- P11: ``investigate`` is called by the proxy demo before a verified item is sent up;
- V12: one suspected breach decided by the director;
- V11: last month's 民情分析会 with its decisions (one carried out).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from dutydesk.demo.generate import DemoPlan
from dutydesk.domain.catalogue import Outcome
from dutydesk.domain.wall_guide import PLACEHOLDER, placeholders_in
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store.accounts.account import Account
from dutydesk.store.base import database
from dutydesk.store.duty.duty_config import duty_config
from dutydesk.store.duty.staff import active_staff
from dutydesk.store.notices import catalogue, notice_follow_up, session_agent
from dutydesk.store.notices import proxy_investigation as inv
from dutydesk.store.notices.notice import NoticeRecord
from dutydesk.store.notices.proxy_cases import ProxyCase
from dutydesk.store.visits import accountability, analysis_meeting

DEMO_PHONES = {"（请填写窗口电话）": "0571-6328{:04d}", "（请填写报修电话）": "0571-6329{:04d}"}


def investigate(case: ProxyCase, agent: str, day: dt.date, now: dt.datetime,
                calendar: WorkdayCalendar) -> dt.date | None:
    """P11 for a demo case: investigator named, findings (and site survey) recorded; the day it
    ended, or None when that day is still ahead (the case then waits for its investigation)."""
    at = dt.datetime.combine(day, dt.time(10, 0))
    inv.assign_investigator(case, agent, calendar.add_workdays(day, 2), agent, at)
    done = calendar.add_workdays(day, 1)
    at = dt.datetime.combine(done, dt.time(15, 0))
    if at > now:
        return None
    survey = "现场丈量，四至清楚，不占用基本农田" if case.item_version.item.site_survey else ""
    inv.record_findings(case, "入户核实，申请情况属实", survey, agent, at)
    return done


def _fill_catalogue(at: dt.datetime) -> None:
    for n, version in enumerate(catalogue.current_versions()):
        item = version.item
        if not placeholders_in(item):
            continue
        pattern = DEMO_PHONES.get(item.unit.phone.strip(), "0571-6328{:04d}")
        phone = PLACEHOLDER.sub(pattern.format(1000 + n), item.unit.phone)
        catalogue.save_item(dataclasses.replace(item, unit=dataclasses.replace(item.unit, phone=phone)),
                            "王书记", at, "填写窗口电话")


def _follow_up_notices(plan: DemoPlan) -> None:
    desk, calendar = plan.desk, plan.desk.calendar()
    today = desk.today()
    missing = list(NoticeRecord.select().where((NoticeRecord.outcome == Outcome.MISSING.value)
                                               & NoticeRecord.voided_at.is_null()).order_by(NoticeRecord.id))
    for n, notice in enumerate(missing):
        limit = notice_follow_up.default_supply_by(notice, calendar)
        called = dt.datetime.combine(limit + dt.timedelta(days=1), dt.time(9, 30))
        if n % 3 == 0 and limit < today and called <= desk.now():
            notice_follow_up.record_call(notice, notice.person_phone or "13800000000",
                                         "逾期未补齐材料，按不予受理办结；补齐后可再来办理", notice.told_by, called,
                                         calendar)


def _name_agents(plan: DemoPlan) -> None:
    today = plan.desk.today()
    staff = [s.name for s in active_staff(today)]
    if not staff:
        return
    at = dt.datetime.combine(today, dt.time(7, 30))
    for n, session in enumerate(duty_config(today).sessions_on(today)):
        session_agent.name_agent(today, session.key, staff[n % len(staff)], "王书记", at)


def _decide_a_breach(plan: DemoPlan) -> None:
    desk = plan.desk
    director = Account.get_or_none(Account.name == "王书记")
    found = accountability.suspected_breaches(plan.start, desk.today(), desk.today(), desk.calendar())
    if director is None or not found:
        return
    at = desk.now() - dt.timedelta(hours=2)
    accountability.record_outcome(found[0], "书面检查", "", "台账记录；当事人说明", director, "王书记", at)


def _analysis_meeting(plan: DemoPlan) -> None:
    today = plan.desk.today()
    first = today.replace(day=1)
    last_month = first - dt.timedelta(days=1)
    held = first + dt.timedelta(days=2)
    if held >= today or last_month < plan.start:
        return
    at = dt.datetime.combine(held, dt.time(15, 0))
    meeting = analysis_meeting.record_meeting(
        last_month.year, last_month.month, held, "王书记", "两委成员、网格员", "低保、医保咨询集中；路灯报修较多",
        [analysis_meeting.DecisionDraft("组织低保、医保政策入户宣传", "李文书", held + dt.timedelta(days=10)),
         analysis_meeting.DecisionDraft("联系供电所集中修复路灯", "王书记", held + dt.timedelta(days=3))],
        "李文书", at)
    lamp = analysis_meeting.live_decisions(meeting)[1]
    done = dt.datetime.combine(held + dt.timedelta(days=2), dt.time(11, 0))
    if done <= plan.desk.now():
        analysis_meeting.mark_done(lamp, "供电所已修复三处路灯", "王书记", done)


def rule_books_step(plan: DemoPlan) -> None:
    with database.atomic():
        _fill_catalogue(dt.datetime.combine(plan.start, dt.time(8, 30)))
        _follow_up_notices(plan)
        _name_agents(plan)
        _decide_a_breach(plan)
        _analysis_meeting(plan)
    plan.progress("告知跟进、代办员、问责和民情分析会")
