"""Demo step for duty: staff with the regulations' roles, a generated roster over the demo period,
sign-ins with some late and absent, leave with substitutes, swaps, handovers and inspections."""

from __future__ import annotations

import datetime as dt
import itertools

from dutydesk.demo.generate import DemoPlan
from dutydesk.demo.people import make_mobile
from dutydesk.store.accounts.account import Account
from dutydesk.store.base import database
from dutydesk.store.duty.attendance import SignIn, assignments_between
from dutydesk.store.duty.handover import Handover, add_note
from dutydesk.store.duty.inspections import record_complaint, record_inspection
from dutydesk.store.duty.leave import LeaveInput, record_approval, request_leave
from dutydesk.store.duty.roster import add_special_period, live_slots, save_roster, swap
from dutydesk.store.duty.staff import StaffInput, active_staff, add_staff
from dutydesk.store.duty.whereabouts import set_whereabouts

STAFF = [
    ("张建国", "书记", "全面负责；矛盾纠纷调解"),
    ("李秀英", "主任", "村务、财务；重大事项协调"),
    ("王海", "副书记", "党建、组织；党员组织关系转接"),
    ("赵敏", "两委委员", "妇联、计生；独生子女证、生育服务证"),
    ("陈立新", "文书", "档案、台账；来访登记汇总"),
    ("刘梓涵", "大学生村官", "社保、医保代办；信息录入"),
    ("孙浩然", "选派干部", "产业发展；农业补贴"),
    ("周桂香", "协管员", "低保、救助材料初审"),
    ("吴永生", "社保员", "城乡居民养老保险"),
    ("郑春梅", "党员志愿者", "周末、节假日值班"),
]
NOTES = ["无", "三组低保复核材料待补，已电话告知", "一户建房审批材料已收，明天送镇便民服务中心",
         "上午来电咨询医保缴费，已答复", "交接值班记录簿一本、代办材料袋两份"]


def duty_step(plan: DemoPlan) -> None:
    desk = plan.desk
    rng = plan.rng("duty")
    now = desk.now()
    today = desk.today()
    start = plan.start
    who = "演示"
    staff = {}
    for name, role, duties in STAFF:
        since = start - dt.timedelta(days=400)
        staff[name] = add_staff(StaffInput(name, role, make_mobile(rng), duties, active_from=since), who, now)
    add_special_period("森林防火期", today + dt.timedelta(days=10), today + dt.timedelta(days=13), who, now)
    director = Account.select().where(Account.role == "director").first() or desk.account
    end = today + dt.timedelta(days=27)
    save_roster(start, end, desk.calendar(), who, now, keep_manual=True, accept_problems=True, from_day=start)
    _leave(plan, director, who, now)
    future = [s for s in live_slots(today + dt.timedelta(days=1), today + dt.timedelta(days=7))]
    if len(future) > 6:
        a, b = future[1], next(s for s in future[5:] if s.staff_id != future[1].staff_id)
        swap(a, b, f"{a.staff.name}、{b.staff.name}双方同意", "已电话告知李秀英主任", who, now)
    _attendance(plan, start, now)

    def back(share: float) -> int:
        """Days before today, as a share of the demo period (so a short demo still has them)."""
        return max(1, int(plan.days * share))

    inspectors = ["镇纪委 陈明", "镇党政办 黄丽", "县委组织部暗访组"]
    for number, offset in enumerate((back(0.6), back(0.3), back(0.05))):
        day = today - dt.timedelta(days=offset)
        at = dt.datetime.combine(day, dt.time(10, rng.randrange(60)))
        holders = [a for a in assignments_between(day, day) if a.session.key == "am" and a.sign_in is not None]
        off = [holders[0].holder] if holders and number == 1 else []
        record_inspection(at, inspectors[number], off, number == 2,
                          "明察暗访，值班人员不在岗" if off else "在岗在位，记录完整", who, at)
    complaint_day = today - dt.timedelta(days=back(0.2))
    record_complaint(dt.datetime.combine(complaint_day, dt.time(15, 10)), staff["孙浩然"], "张建国",
                     "群众拨打监督电话反映下午值班室无人，经核实属实", False, who,
                     dt.datetime.combine(complaint_day, dt.time(17)))
    for offset, kind, text, result in ((back(0.5), "矛盾纠纷", "二组两户宅基地边界纠纷", "现场调解，双方签订协议"),
                                       (back(0.1), "突发事件", "强降雨致四组道路塌方",
                                        "已报镇党委、设置警示，组织抢修")):
        at = dt.datetime.combine(today - dt.timedelta(days=offset), dt.time(9, 40))
        add_note(at, kind, text, who, at, result)
    for name, status, note in (("刘梓涵", "下村入户", "三组走访低保户"), ("李秀英", "开会", "镇里开会，下午回"),
                               ("孙浩然", "公出", "县农业农村局办事")):
        set_whereabouts(staff[name], status, note, who, now - dt.timedelta(minutes=rng.randrange(5, 90)))


def _leave(plan: DemoPlan, director: Account, who: str, now: dt.datetime) -> None:
    """Leave taken after the roster was published: the rostered person asks, a colleague who is free
    that day substitutes, the director approves (D07); one request still waits for approval."""
    rng = plan.rng("duty-leave")
    today = plan.desk.today()

    def back(share: float) -> int:
        return max(1, int(plan.days * share))

    used: set[dt.date] = set()
    for offset, kind, reason, notice in ((-back(0.4), "病假", "住院检查", ""),
                                         (-back(0.15), "公出", "参加镇党委会议", "镇党委会议通知"),
                                         (3, "事假", "家中有事", "")):
        day = today + dt.timedelta(days=offset)
        slots = [s for s in live_slots(day, day) if s.session_key == "pm"]
        if not slots or day in used:
            continue  # a very short demo can map two leaves onto one day
        used.add(day)
        person = slots[0].staff
        busy = {s.staff_id for s in live_slots(day, day)}
        free = [s for s in active_staff(day) if s.id not in busy and s.rotation == "all"]
        if not free:
            continue
        sub = rng.choice(free)
        asked = dt.datetime.combine(day - dt.timedelta(days=2), dt.time(16))
        leave = request_leave(LeaveInput(person.name, day, day, kind, reason, sub.name, ["pm"], notice), who,
                              min(asked, now))
        if offset < 0:
            record_approval(leave, director.name, min(asked + dt.timedelta(hours=1), now))


def _attendance(plan: DemoPlan, start: dt.date, now: dt.datetime) -> None:
    """Sign-ins for every past session: mostly on time, some late, a few absent; handovers at sign-out."""
    rng = plan.rng("duty-attendance")
    signs, handovers = [], []
    for a in assignments_between(start, now.date()):
        if a.leave_approved and a.leave.substitute_id is None:
            continue
        begin = a.session.at(a.day, "start")
        if begin > now:
            continue
        roll = rng.random()
        if roll < 0.04:
            continue  # absent
        minutes = rng.randrange(3, 45) if roll < 0.12 else -rng.randrange(2, 25)
        signed_in = a.session.at(a.day, "cutoff") + dt.timedelta(minutes=minutes)
        if signed_in > now:
            continue
        end = a.session.at(a.day, "end")
        signed_out = None
        if end <= now:
            signed_out = end + dt.timedelta(minutes=rng.randrange(0, 15))
            if rng.random() < 0.03:
                signed_out = end - dt.timedelta(minutes=rng.randrange(20, 60))
        signs.append({"staff": a.holder.id, "day": a.day, "session_key": a.session.key, "signed_in_at": signed_in,
                      "signed_out_at": signed_out, "recorded_by": "演示"})
        if signed_out is not None:
            handovers.append({"day": a.day, "session_key": a.session.key, "from_staff": a.holder.id,
                              "note": rng.choice(NOTES), "open_matters": "", "written_at": signed_out})
    with database.atomic():
        for i in range(0, len(signs), 500):
            SignIn.insert_many(signs[i:i + 500]).execute()
        for i in range(0, len(handovers), 500):
            Handover.insert_many(handovers[i:i + 500]).execute()
    # The next person on duty takes over each handover (the newest one stays open on purpose).
    rows = list(Handover.select().order_by(Handover.written_at))
    holders = {(s["day"], s["session_key"]): s for s in signs}
    with database.atomic():
        for h, nxt in itertools.pairwise(rows):
            taker = holders.get((nxt.day, nxt.session_key))
            if taker and taker["staff"] != h.from_staff_id:
                Handover.update(acknowledged_by=taker["staff"], acknowledged_at=taker["signed_in_at"]).where(
                    Handover.id == h.id).execute()
