"""Demo step for the rule books' duty side: the months' meetings and study sessions with attendance
(most present, some on leave, a few absent) and minutes (D17), leave ended by 销假 on time, late
(超假) and not at all (D07), and the 上传下达 register with two notices still to relay (D18)."""

from __future__ import annotations

import contextlib
import datetime as dt

from dutydesk.demo.generate import DemoPlan
from dutydesk.domain import meeting_rules as rules
from dutydesk.domain.field_errors import FieldErrors
from dutydesk.store.accounts.account import Account
from dutydesk.store.base import database
from dutydesk.store.duty.leave import LeaveInput, record_approval, request_leave
from dutydesk.store.duty.leave_return import report_back
from dutydesk.store.duty.meetings import MeetingAttendance, plan_month, record_minutes, sessions_between
from dutydesk.store.duty.relay import DOWN, UP, RelayDraft, mark_relayed, record_entry
from dutydesk.store.duty.review_meeting import record_meeting
from dutydesk.store.duty.staff import active_staff

WHO = "演示"
TOPICS = ["学习党的二十届三中全会精神", "学习《中国共产党农村基层组织工作条例》", "学习基层减负有关文件",
          "学习新修订的《村民委员会组织法》", "学习森林防火、安全生产有关规定"]
NOTICES = [("桃源镇党政办", "关于开展冬季森林防火巡查的通知", "各村每日巡查并上报"),
           ("桃源镇民政办", "关于做好城乡居民医保缴费工作的通知", "12月20日前完成缴费动员"),
           ("桃源镇组织办", "关于召开村党组织书记例会的通知", "周四上午九点镇三楼会议室"),
           ("桃源镇农业农村办", "关于申报耕地地力保护补贴的通知", "各户到村委会登记面积"),
           ("桃源镇综治办", "关于开展矛盾纠纷排查化解的通知", "每周五前报送排查表")]
PASSED_UP = [("桃源镇民政办", "报送本月低保动态调整名单"), ("桃源镇综治办", "报送本周矛盾纠纷排查表"),
             ("桃源镇农业农村办", "报送耕地地力保护补贴申报汇总")]
REVIEW_NOTES = ["回顾上周值班：到岗正常，一人迟到已提醒；本周重点做好医保缴费动员。",
                "上周来访12人次，代办3件均已办结；本周安排森林防火巡查。",
                "上周督查发现一次脱岗，已按规定处理；强调签到必须本人。"]
RELAY_TO = [("各村民小组长", "微信群"), ("全体两委干部", "会议传达"), ("全体村民", "广播"), ("相关农户", "电话通知")]


def meetings_step(plan: DemoPlan) -> None:
    desk = plan.desk
    today, now = desk.today(), desk.now()
    away = _leave_returns(plan)
    month = plan.start.replace(day=1)
    while month <= today:
        # written as on the month's first day (or the demo's), so its sessions are all still to come
        first = max(month, plan.start)
        plan_month(month.year, month.month, desk.calendar(), WHO, dt.datetime.combine(first, dt.time(7)))
        month = (month + dt.timedelta(days=32)).replace(day=1)
    _attendance(plan, now, away)
    _relay(plan, now)


def _attendance(plan: DemoPlan, now: dt.datetime, away: dict[str, tuple[dt.date, dt.date]]) -> None:
    """Most sign in, a few miss a session, nobody while on leave or still away after it; minutes for
    the study sessions already held."""
    rng = plan.rng("meetings")
    rows = []
    for session in sessions_between(plan.start, plan.desk.today()):
        if session.start > now:
            continue
        came = [s for s in active_staff(session.day) if s.role != "党员志愿者" and rng.random() >= 0.08
                and not (s.name in away and away[s.name][0] <= session.day < away[s.name][1])]
        rows += [dict(session=session, staff=staff, recorded_by=WHO,
                      signed_at=session.start - dt.timedelta(minutes=rng.randint(0, 15))) for staff in came]
        done = min(session.start + dt.timedelta(hours=2), now)
        if session.kind == rules.REVIEW and came:  # D13: the review record itself, on the 周例会 page
            with contextlib.suppress(FieldErrors):
                record_meeting(session.day, "张建国", "、".join(s.name for s in came),
                               rng.choice(REVIEW_NOTES), WHO, done)
        else:
            record_minutes(session, "张建国", f"{rng.choice(TOPICS)}。张建国领学，各人结合分管工作发言。",
                           WHO, done)
    with database.atomic():
        for i in range(0, len(rows), 500):
            MeetingAttendance.insert_many(rows[i:i + 500]).execute()


def _leave_returns(plan: DemoPlan) -> dict[str, tuple[dt.date, dt.date]]:
    """Three leaves of Thursday and Friday already over: reported back on Monday as due, on the
    Tuesday after (the Monday's sessions missed: 超假), and not at all (未销假). Returns who was away
    from when until when, so the attendance leaves them out."""
    today = plan.desk.today()
    director = Account.select().where(Account.role == "director").first() or plan.desk.account
    last_monday = today - dt.timedelta(days=today.weekday() or 7)
    cases = (("赵敏", last_monday - dt.timedelta(days=14), 0), ("孙浩然", last_monday - dt.timedelta(days=7), 1),
             ("吴永生", last_monday, None))
    away: dict[str, tuple[dt.date, dt.date]] = {}
    for name, monday, late in cases:
        start, end = monday - dt.timedelta(days=4), monday - dt.timedelta(days=3)
        asked = dt.datetime.combine(start - dt.timedelta(days=1), dt.time(16))
        if start < plan.start:
            continue  # a very short demo: no room for this one
        back = monday + dt.timedelta(days=late) if late is not None else today + dt.timedelta(days=1)
        try:
            with database.atomic():
                leave = request_leave(LeaveInput(name, start, end, "事假", "家中有事", "郑春梅"), WHO, asked)
                record_approval(leave, director.name, asked + dt.timedelta(hours=1))
                if late is not None:
                    report_back(leave, back, "路上耽搁" if late else "", WHO, dt.datetime.combine(back, dt.time(8)))
        except FieldErrors:
            continue  # the duty step's leave already takes these days
        away[name] = (start, back)
    return away


def _relay(plan: DemoPlan, now: dt.datetime) -> None:
    rng = plan.rng("relay")
    today = plan.desk.today()
    step = max(1, plan.days // 12)
    days = [plan.start + dt.timedelta(days=d) for d in range(0, plan.days + 1, step)]
    for i, day in enumerate(days):
        at = min(dt.datetime.combine(day, dt.time(9, rng.randint(0, 59))), now)
        sender, subject, detail = NOTICES[i % len(NOTICES)]
        entry = record_entry(RelayDraft(DOWN, at.date(), sender, subject, detail, "陈立新"), WHO, at)
        if i < len(days) - 2 or at.date() < today - dt.timedelta(days=30):
            to, how = rng.choice(RELAY_TO)
            mark_relayed(entry, to, how, "陈立新", min(at + dt.timedelta(hours=rng.randint(1, 6)), now))
        if i % 3 == 1:
            office, matter = PASSED_UP[i % len(PASSED_UP)]
            record_entry(RelayDraft(UP, at.date(), office, matter, "", "陈立新"), WHO,
                         min(at + dt.timedelta(hours=5), now))
