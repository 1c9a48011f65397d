"""The regulations pinned through the books (issue 12, point 13): defaults as the desk reads them,
and the checks no other test held (complaint verifier, proxy agent, refusal reason and notification
method, notice channel, the handover's open matters). Each test names its rule."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from dutydesk.domain.catalogue import Tick
from dutydesk.domain.proxy_case import CaseState, StepKind
from dutydesk.store.center import save_center
from dutydesk.store.duty.attendance import SignInError, open_sign_in, sign_in, sign_out
from dutydesk.store.duty.duty_config import duty_config
from dutydesk.store.duty.handover import Handover, open_matters_text
from dutydesk.store.duty.inspections import DutyFinding, FindingError, record_complaint
from dutydesk.store.duty.tally import month_tally
from dutydesk.store.notices import notice as notices
from dutydesk.store.notices import proxy_cases
from dutydesk.store.notices.notice import ChecklistEntry, NoticeInvalid
from dutydesk.store.notices.proxy_cases import CaseInvalid, NewCase
from dutydesk.store.visits.visit import VisitDraft, VisitInvalid, register_visit
from tests.conftest import TEST_CENTER
from tests.duty_helpers import make_staff, put_on
from tests.notice_helpers import all_ticks, new_case, proxy_visit, seed, version

DAY = dt.date(2026, 11, 24)


def at(h: int, m: int = 0, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(h, m))


# -- D01 / D05 / D14: the defaults the desk reads ---------------------------------------------------


def test_d01_village_desk_needs_6_hours_a_community_desk_8(desk):
    assert duty_config(DAY).min_hours == 6
    save_center(dataclasses.replace(TEST_CENTER, kind="community"), "测试", desk.now())
    assert duty_config(DAY).min_hours == 8


def test_d05_d14_duty_defaults_as_read_by_the_desk(desk):
    config = duty_config(DAY)
    assert config.early_arrival_minutes == 15
    assert [f"{s.cutoff:%H:%M}" for s in config.sessions] == ["08:30", "14:30"]
    amounts = config.penalties.amounts
    assert (amounts["书记"], amounts["主任"], amounts["副书记"]) == (200, 200, 200)
    assert (amounts["两委委员"], amounts["文书"], amounts["协管员"]) == (100, 100, 50)
    assert config.penalties.joint_liability == 100


def test_d14_the_half_year_starts_again_on_1_july(desk):
    s = make_staff(desk)
    for day in (dt.date(2026, 1, 6), dt.date(2026, 6, 30), dt.date(2026, 7, 1)):
        put_on(desk, day, "am", s["周协管"])
    now = dt.datetime(2026, 7, 2, 18)
    june = {r.name: r for r in month_tally(2026, 6, now)}["周协管"]
    july = {r.name: r for r in month_tally(2026, 7, now)}["周协管"]
    assert (june.half_year_findings, june.half_year_penalty) == (2, 100)  # January and June
    assert (july.half_year_findings, july.half_year_penalty) == (1, 50)  # July alone: a new half-year
    assert july.penalty == 50  # D14: an assistant pays 50 per absence


# -- D15: a verified complaint names who verified it ------------------------------------------------


def test_d15_a_complaint_without_a_verifier_is_not_a_finding(desk):
    s = make_staff(desk)
    with pytest.raises(FindingError) as caught:
        record_complaint(at(10), s["王委员"], "  ", "监督电话投诉无人值班", False, "测试", at(11))
    assert caught.value.errors == {"inspector": "请填写核实人"}
    assert DutyFinding.select().count() == 0
    assert {r.name: r for r in month_tally(2026, 11, at(13))}["王委员"].findings == 0


def test_d15_a_verified_complaint_records_its_verifier_and_counts(desk):
    s = make_staff(desk)
    finding = record_complaint(at(10), s["王委员"], "张书记", "监督电话投诉无人值班，经核实属实", False, "测试", at(11))
    assert (finding.kind, finding.inspector, finding.staff.name) == ("complaint", "张书记", "王委员")
    row = {r.name: r for r in month_tally(2026, 11, at(13))}["王委员"]
    assert (row.findings, row.penalty) == (1, 100)


# -- P05 / P03: one named agent; a refusal has a reason, a notification says how -------------------


@pytest.fixture
def books(desk):
    seed(desk)
    return desk


def test_p05_a_proxy_case_needs_a_named_agent(books):
    v = version("SB-01")
    with pytest.raises(CaseInvalid) as caught:
        proxy_cases.create_case(NewCase(v, "张秀英", all_ticks(v), agent="  "), books.who, books.now(),
                                books.calendar())
    assert caught.value.errors == {"agent": "请指定代办员（一人负责到底）"}
    case = new_case(books)
    assert proxy_cases.case_by_id(case.id).agent == "李文书"


def test_p05_a_handover_names_a_different_agent_and_says_why(books):
    case = new_case(books)
    with pytest.raises(CaseInvalid) as caught:
        proxy_cases.hand_over(case, "李文书", "", books.who, books.now())
    assert caught.value.errors == {"agent": "接手人与当前代办员相同", "note": "请填写交接说明"}
    proxy_cases.hand_over(case, "赵文书", "李文书休假", books.who, books.now())
    assert proxy_cases.case_by_id(case.id).agent == "赵文书"


def submit(books, case):
    proxy_cases.record_step(case, StepKind.SUBMIT, {"unit": "桃源镇便民服务中心", "date": DAY, "carrier": "李文书"},
                            books.who, books.now())


def test_p03_a_case_that_cannot_be_done_needs_the_reason(books):
    case = new_case(books)
    submit(books, case)
    with pytest.raises(CaseInvalid) as caught:
        proxy_cases.record_step(case, StepKind.REFUSE, {"reason": " "}, books.who, books.now())
    assert caught.value.errors == {"reason": "请填写不予办理原因"}
    assert proxy_cases.case_by_id(case.id).case_state is CaseState.SUBMITTED
    step = proxy_cases.record_step(case, StepKind.REFUSE, {"reason": "户籍不在本村"}, books.who, books.now())
    assert step.data["reason"] == "户籍不在本村"
    assert proxy_cases.case_by_id(case.id).case_state is CaseState.REFUSED


def test_p03_notifying_the_person_records_how_and_when(books):
    case = new_case(books)
    submit(books, case)
    proxy_cases.record_step(case, StepKind.REFUSE, {"reason": "户籍不在本村"}, books.who, books.now())
    with pytest.raises(CaseInvalid) as caught:
        proxy_cases.record_step(case, StepKind.NOTIFY, {"method": "飞鸽", "at": "11-24 10:00"}, books.who,
                                books.now())
    assert caught.value.errors["method"] == "通知方式应为电话、短信、微信、上门、当面之一"
    step = proxy_cases.record_step(case, StepKind.NOTIFY, {"method": "电话", "at": "2026-11-24 10:00"}, books.who,
                                   books.now())
    assert (step.data["method"], step.data["at"]) == ("电话", "2026-11-24 10:00")


# -- N05: in writing, except for phone inquiries ------------------------------------------------------


def notice_entry(visit_id, channel):
    v = version("SB-01")
    ticks = [Tick(m, i == 0, 1) for i, m in enumerate(v.item.materials)]
    return ChecklistEntry(v, "张秀英", ticks, visit_id=visit_id, channel=channel)


def test_n05_a_phone_inquiry_may_be_told_by_phone(books):
    call = register_visit(VisitDraft(channel="来电", category="政策咨询", person_name="张秀英",
                                     request="养老保险怎么办", responder_name="李文书", outcome="即办",
                                     result="已电话告知"),
                          books.who, books.now(), books.calendar())
    notice = notices.record_notice(notice_entry(call.id, "电话"), books.who, books.now())
    assert notice.channel == "电话"


def test_n05_other_channels_must_be_told_in_writing(books):
    visit = proxy_visit(books)  # came in person
    for visit_id in (visit.id, None):
        with pytest.raises(NoticeInvalid) as caught:
            notices.record_notice(notice_entry(visit_id, "电话"), books.who, books.now())
        assert caught.value.errors["channel"] == "只有电话咨询可以电话告知，其他情况须书面告知"
    assert notices.record_notice(notice_entry(visit.id, "书面"), books.who, books.now()).channel == "书面"
    with pytest.raises(NoticeInvalid):
        notices.record_notice(notice_entry(visit.id, "口头"), books.who, books.now())


# -- V04: the promised working days, as registered ---------------------------------------------------


def proxy_draft(kind: str, days: int | None = None) -> VisitDraft:
    return VisitDraft(channel="来访", category="代办", person_name="张秀英", request="办理养老保险",
                      responder_name="李文书", outcome="代办", deadline_kind=kind, deadline_days=days)


@pytest.mark.parametrize(("kind", "days"), [("same_day", 0), ("review", 2), ("written", 7), ("complex", 10),
                                            ("special", 15)])
def test_v04_each_deadline_kind_promises_its_working_days(desk, kind, days):
    visit = register_visit(proxy_draft(kind), desk.who, desk.now(), desk.calendar())
    assert visit.deadline_days == days
    assert visit.deadline == desk.calendar().add_workdays(DAY, days)


def test_v04_a_review_matter_takes_at_most_5_working_days_any_matter_15(desk):
    register_visit(proxy_draft("review", 5), desk.who, desk.now(), desk.calendar())
    with pytest.raises(VisitInvalid) as caught:
        register_visit(proxy_draft("review", 6), desk.who, desk.now(), desk.calendar())
    assert "最长5个工作日" in caught.value.errors["deadline_days"]
    register_visit(proxy_draft("complex", 15), desk.who, desk.now(), desk.calendar())
    with pytest.raises(VisitInvalid) as caught:
        register_visit(proxy_draft("complex", 16), desk.who, desk.now(), desk.calendar())
    assert "0到15个工作日" in caught.value.errors["deadline_days"]


# -- D09: the handover note lists the open matters and the open proxy slips ------------------------


def test_d09_handover_lists_open_visits_and_open_proxy_slips_only(books):
    visit = proxy_visit(books, name="王大爷", request="咨询高龄津贴")
    open_case = new_case(books, name="张秀英")
    voided = new_case(books, code="YB-01", name="李四")
    proxy_cases.void_case(voided, "登记错误", books.who, books.now())
    text = open_matters_text(DAY, books.calendar())
    assert visit.ref in text and "王大爷" in text
    assert open_case.slip_no in text and "代办｜张秀英" in text and "李文书" in text
    assert voided.slip_no not in text


def test_p05_a_case_cannot_be_handed_to_nobody(books):
    """P05: one person responsible throughout: a handover must name who takes the case over."""
    case = new_case(books)
    with pytest.raises(CaseInvalid) as caught:
        proxy_cases.hand_over(case, "  ", "李文书休假", books.who, books.now())
    assert caught.value.errors == {"agent": "请填写接手的代办员"}
    assert proxy_cases.case_by_id(case.id).agent == "李文书"


def test_d09_signing_out_needs_a_handover_note(desk):
    """D09: the duty person hands over at the end of the shift: no sign-out without a note."""
    s = make_staff(desk)
    put_on(desk, DAY, "am", s["王委员"])
    sign_in(s["王委员"], "测试", at(8, 20))
    with pytest.raises(SignInError, match="请填写交接班事项"):
        sign_out(s["王委员"], "  ", "", "测试", at(12))
    assert open_sign_in(s["王委员"], DAY) is not None and Handover.select().count() == 0
    sign_out(s["王委员"], "无", "", "测试", at(12))
    assert open_sign_in(s["王委员"], DAY) is None and Handover.select().count() == 1
