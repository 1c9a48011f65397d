"""Proxy cases in the books: acceptance (P02), steps (P03/P05), fees (P07), notice period (P09)."""

import datetime as dt

import pytest

from dutydesk.domain.catalogue import Outcome, Tick
from dutydesk.domain.proxy_case import CaseState, StepError, StepKind
from dutydesk.store.audit import history
from dutydesk.store.duty_log_feed import entries_for
from dutydesk.store.notices import catalogue, proxy_cases
from dutydesk.store.notices import notice as notices
from dutydesk.store.notices.proxy_cases import CaseInvalid, NewCase
from dutydesk.store.open_matters import open_matters
from tests.notice_helpers import all_ticks, new_case, proxy_visit, seed, version

S = StepKind


@pytest.fixture
def books(desk):
    seed(desk)
    return desk


def walk(desk, case, clock=None):
    steps = [
        (S.SUBMIT, {"unit": "桃源镇便民服务中心", "date": desk.today(), "carrier": "李文书"}),
        (S.APPROVE, {"result": "已参保"}),
        (S.FETCH, {"note": ""}),
        (S.NOTIFY, {"method": "电话", "at": "2026-11-27 10:00"}),
        (S.COLLECT, {"signer": "张秀英"}),
        (S.CLOSE, {"note": ""}),
    ]
    for kind, details in steps:
        if clock is not None:
            clock.advance(days=1)
        proxy_cases.record_step(case, kind, details, "李文书", desk.now())


def test_p02_complete_checklist_creates_a_numbered_case_linked_to_the_visit(books):
    visit = proxy_visit(books)
    case = new_case(books, visit=visit)
    assert case.slip_no == "DB2026-000001"
    assert case.case_state is CaseState.ACCEPTED
    assert case.visit.id == visit.id and proxy_cases.cases_for_visit(visit.id) == [case]
    # SB-01 promises 5 working days from Tue 24 Nov 2026: Tue 1 Dec.
    assert case.promised_date == dt.date(2026, 12, 1)
    assert sum(t.pages for t in case.received_ticks) == 2 * len(case.item_version.item.materials)


def test_n03_incomplete_checklist_cannot_become_a_case(books):
    v = version("SB-01")
    ticks = [Tick(m, i == 0, 1) for i, m in enumerate(v.item.materials)]
    with pytest.raises(CaseInvalid) as caught:
        proxy_cases.create_case(NewCase(v, "张秀英", ticks, "李文书"), books.who, books.now(), books.calendar())
    assert "一次性告知单" in caught.value.errors["materials"]


def test_p04_every_received_material_needs_its_page_count(books):
    v = version("SB-01")
    with pytest.raises(CaseInvalid) as caught:
        proxy_cases.create_case(NewCase(v, "张秀英", all_ticks(v, pages=0), "李文书"),
                                books.who, books.now(), books.calendar())
    assert "页数" in caught.value.errors["pages"]


def test_p07_only_the_statutory_fee_is_accepted(books):
    free = version("SB-01")
    with pytest.raises(CaseInvalid) as caught:
        proxy_cases.create_case(NewCase(free, "张秀英", all_ticks(free), "李文书", fee="10"),
                                books.who, books.now(), books.calendar())
    assert "不收取任何费用" in caught.value.errors["fee"]
    paid = version("HJ-02")
    with pytest.raises(CaseInvalid):
        proxy_cases.create_case(NewCase(paid, "王建国", all_ticks(paid), "李文书", fee="50"),
                                books.who, books.now(), books.calendar())
    case = proxy_cases.create_case(NewCase(paid, "王建国", all_ticks(paid), "李文书", fee="20"),
                                   books.who, books.now(), books.calendar())
    assert case.fee_amount == "20"


def test_p03_p05_case_walks_to_closed_with_who_and_when(books, clock):
    case = new_case(books)
    walk(books, case, clock)
    assert case.case_state is CaseState.CLOSED
    assert case.closed_at == dt.datetime(2026, 11, 30, 9, 0)
    steps = proxy_cases.live_steps(case)
    assert [s.kind for s in steps] == ["submit", "approve", "fetch", "notify", "collect", "close"]
    assert steps[0].staff == "李文书" and steps[0].done_at == dt.datetime(2026, 11, 25, 9, 0)
    assert steps[0].data["date"] == "2026-11-24"  # the date as entered on the form
    assert proxy_cases.next_steps(case) == []


def test_p05_out_of_order_and_repeated_steps_are_refused(books):
    case = new_case(books)
    with pytest.raises(StepError, match="下一步应为“送交上级”"):
        proxy_cases.record_step(case, S.NOTIFY, {"method": "电话", "at": "x"}, "李文书", books.now())
    proxy_cases.record_step(case, S.SUBMIT, {"unit": "镇", "date": books.today(), "carrier": "李文书"},
                            "李文书", books.now())
    with pytest.raises(StepError, match="不能重复"):
        proxy_cases.record_step(case, S.SUBMIT, {"unit": "镇", "date": books.today(), "carrier": "李文书"},
                                "李文书", books.now())
    assert len(proxy_cases.live_steps(case)) == 1


def test_step_details_are_checked(books):
    case = new_case(books)
    with pytest.raises(CaseInvalid) as caught:
        proxy_cases.record_step(case, S.SUBMIT, {"unit": "", "date": books.today(), "carrier": ""},
                                "李文书", books.now())
    assert caught.value.errors == {"unit": "请填写送交单位", "carrier": "请填写送交人"}


def test_p03_returned_case_is_resubmitted_after_the_person_brings_more(books):
    case = new_case(books)
    submit = {"unit": "镇", "date": books.today(), "carrier": "李文书"}
    proxy_cases.record_step(case, S.SUBMIT, submit, "李文书", books.now())
    proxy_cases.record_step(case, S.RETURN, {"reason": "照片不清晰", "missing": "身份证复印件重印", "told": "电话"},
                            "李文书", books.now())
    assert case.case_state is CaseState.RETURNED
    proxy_cases.record_step(case, S.SUBMIT, submit, "李文书", books.now())
    assert case.case_state is CaseState.SUBMITTED


def test_wrong_step_is_reversed_with_a_reason_and_kept(books):
    case = new_case(books)
    proxy_cases.record_step(case, S.SUBMIT, {"unit": "镇", "date": books.today(), "carrier": "李文书"},
                            "李文书", books.now())
    proxy_cases.record_step(case, S.REFUSE, {"reason": "点错了"}, "李文书", books.now())
    with pytest.raises(CaseInvalid):
        proxy_cases.reverse_last_step(case, " ", "李文书", books.now())
    reversed_step = proxy_cases.reverse_last_step(case, "误点不予办理，实际尚在审核", "李文书", books.now())
    assert case.case_state is CaseState.SUBMITTED
    assert reversed_step.kind == "refuse"
    everything = proxy_cases.all_steps(case)
    assert len(everything) == 2 and everything[1].void_reason == "误点不予办理，实际尚在审核"
    assert [e.action for e in history(case)].count("update") >= 2


def test_p05_hand_over_to_another_agent_with_a_note(books):
    case = new_case(books)
    with pytest.raises(CaseInvalid) as caught:
        proxy_cases.hand_over(case, "王书记", "", "李文书", books.now())
    assert "交接说明" in caught.value.errors["note"]
    proxy_cases.hand_over(case, "王书记", "李文书外出培训一周", "李文书", books.now())
    assert proxy_cases.case_by_id(case.id).agent == "王书记"
    assert proxy_cases.live_steps(case)[-1].data == {"from": "李文书", "to": "王书记", "note": "李文书外出培训一周"}
    # a handover is not a state step: the next step is still 送交上级
    assert proxy_cases.next_steps(case) == [S.SUBMIT]


def test_p02_slip_number_is_never_reused_after_a_void(books):
    first = new_case(books)
    proxy_cases.void_case(first, "登记错了事项", "李文书", books.now())
    second = new_case(books)
    assert (first.slip_no, second.slip_no) == ("DB2026-000001", "DB2026-000002")
    assert proxy_cases.case_by_slip("db2026-000001").voided_at is not None
    with pytest.raises(StepError, match="作废"):
        proxy_cases.record_step(first, S.SUBMIT, {"unit": "镇", "date": books.today(), "carrier": "x"},
                                "李文书", books.now())


def test_p09_notice_period_recorded_before_the_matter_proceeds(books, clock):
    case = new_case(books, code="SJ-01")
    assert case.item_version.item.public_notice_days == 7
    assert proxy_cases.next_steps(case) == [S.PUBLICIZE]
    with pytest.raises(StepError):
        proxy_cases.record_step(case, S.SUBMIT, {"unit": "镇", "date": books.today(), "carrier": "x"},
                                "李文书", books.now())
    start = books.today()
    with pytest.raises(CaseInvalid) as caught:
        proxy_cases.record_step(case, S.PUBLICIZE, {"start": start, "end": start + dt.timedelta(days=6),
                                                    "objection": False}, "李文书", books.now())
    assert "尚未结束" in caught.value.errors["end"]
    clock.advance(days=7)
    proxy_cases.record_step(case, S.PUBLICIZE, {"start": start, "end": start + dt.timedelta(days=6),
                                                "objection": False}, "李文书", books.now())
    assert proxy_cases.live_steps(case)[0].data == {"start": "2026-11-24", "end": "2026-11-30", "objection": False}
    assert proxy_cases.next_steps(case) == [S.SUBMIT]


def test_p09_objection_in_the_notice_period_stops_submission(books, clock):
    case = new_case(books, code="SJ-01")
    clock.advance(days=7)
    start = dt.date(2026, 11, 24)
    proxy_cases.record_step(case, S.PUBLICIZE, {"start": start, "end": start + dt.timedelta(days=6),
                                                "objection": True}, "李文书", books.now())
    assert proxy_cases.next_steps(case) == [S.REFUSE]


def test_due_soon_and_overdue_cases_join_the_open_matters(books, clock):
    case = new_case(books)  # promised Tue 1 Dec
    matters = [m for m in open_matters(books.today(), books.calendar()) if m.kind == "proxy"]
    assert [(m.ref, m.status) for m in matters] == [(case.slip_no, "ok")]
    assert "张秀英" in matters[0].summary and "城乡居民养老保险参保登记" in matters[0].summary
    clock.set(dt.datetime(2026, 11, 30, 9, 0))
    assert [m.status for m in open_matters(books.today(), books.calendar()) if m.kind == "proxy"] == ["due_soon"]
    clock.set(dt.datetime(2026, 12, 2, 9, 0))
    assert [m.status for m in open_matters(books.today(), books.calendar()) if m.kind == "proxy"] == ["overdue"]
    walk(books, case)
    assert [m for m in open_matters(books.today(), books.calendar()) if m.kind == "proxy"] == []


def test_p06_duty_log_has_accepted_cases_and_steps(books):
    case = new_case(books)
    proxy_cases.record_step(case, S.SUBMIT, {"unit": "桃源镇便民服务中心", "date": books.today(),
                                             "carrier": "李文书"}, "李文书", books.now())
    texts = [e.text for e in entries_for(books.today()) if e.kind == "代办"]
    assert f"受理张秀英的城乡居民养老保险参保登记（{case.slip_no}）" in texts
    assert any("送交桃源镇便民服务中心（李文书）" in t for t in texts)


def test_n06_notice_keeps_what_was_told_and_the_version_printed(books):
    v1 = version("SB-01")
    ticks = [Tick(m, i == 0, 2) for i, m in enumerate(v1.item.materials)]
    visit = proxy_visit(books)
    notice = notices.record_notice(notices.ChecklistEntry(v1, "张秀英", ticks, visit_id=visit.id),
                                   "李文书", books.now())
    assert notice.ref == "GZ2026-000001"
    assert notice.outcome == Outcome.MISSING.value
    assert [m.name for m in notice.missing_materials] == [m.name for m in v1.item.materials[1:]]
    assert notice.told_by == "李文书" and notice.told_at == books.now()
    # an edit after printing does not change what the notice refers to
    edited = v1.item.to_dict()
    edited["materials"] = edited["materials"][:1]
    catalogue.save_item(type(v1.item).from_dict(edited), "王书记", books.now())
    kept = notices.notice_by_ref("GZ2026-000001")
    assert kept.item_version.version == 1
    assert len(kept.item_version.item.materials) == len(v1.item.materials)
    assert notices.notices_for_visit(visit.id) == [kept]


def test_n04_not_eligible_notice_needs_a_reason(books):
    v = version("SJ-01")
    with pytest.raises(notices.NoticeInvalid) as caught:
        notices.record_notice(notices.ChecklistEntry(v, "张秀英", [], eligible=False), "李文书", books.now())
    assert caught.value.errors["reason"] == "不符合条件时必须写明原因"
