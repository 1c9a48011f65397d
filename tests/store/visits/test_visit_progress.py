"""Follow-up, feedback, closing, pauses and extensions (V03, V04, V05)."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.domain import visit_rules as rules
from dutydesk.store.settings import set_setting
from dutydesk.store.visits import visit_progress as progress
from dutydesk.store.visits.visit import Visit, VisitExtension, register_visit
from tests.store.conftest import draft


@pytest.fixture
def complaint(desk):
    return register_visit(
        draft(category="投诉举报", request="反映村道路灯长期不亮", outcome="转办", result="",
              transfer_to="村委会张主任", transfer_contact="13700000000", deadline_kind="review"),
        desk.who, desk.now(), desk.calendar())


def test_v05_complaint_is_followed_up_and_answered(desk, complaint):
    progress.add_followup(complaint, "已联系电工，周四维修", "李文书", desk.now())
    progress.complete(complaint, "路灯已修复", "李文书", desk.now())
    assert Visit.get_by_id(complaint.id).status == rules.DONE
    progress.record_feedback(complaint, "电话", "告知路灯已修复", "李文书", desk.now(), "满意")
    visit = Visit.get_by_id(complaint.id)
    assert visit.status == rules.FED_BACK and visit.satisfaction == "满意"
    assert [f.text for f in visit.followups] == ["已联系电工，周四维修"]
    assert not visit.is_open


def test_v03_cannot_close_without_outcome_or_without_feedback_reason(desk, complaint):
    with pytest.raises(ValueError, match="办理结果"):
        progress.complete(complaint, " ", "李文书", desk.now())
    with pytest.raises(ValueError, match="先办结"):
        progress.close_without_feedback(complaint, "联系不上", "李文书", desk.now())
    progress.complete(complaint, "路灯已修复", "李文书", desk.now())
    with pytest.raises(ValueError, match="原因"):
        progress.close_without_feedback(complaint, "", "李文书", desk.now())
    progress.close_without_feedback(complaint, "群众已外出务工，电话停机", "李文书", desk.now())
    visit = Visit.get_by_id(complaint.id)
    assert visit.closed_at is not None and not visit.is_open


def test_v03_interim_feedback_keeps_matter_open(desk, complaint):
    progress.record_feedback(complaint, "短信", "已转村委会处理", "李文书", desk.now())
    assert Visit.get_by_id(complaint.id).status == rules.IN_PROGRESS


def test_v04_extension_needs_reason_and_stays_within_maximum(desk, complaint):
    cal = desk.calendar()
    with pytest.raises(ValueError, match="原因"):
        progress.extend_deadline(complaint, dt.date(2026, 12, 1), "", "李文书", desk.now(), cal)
    with pytest.raises(ValueError, match="需审核事项延期后最长为受理后5个工作日"):
        progress.extend_deadline(complaint, dt.date(2026, 12, 31), "需现场勘查", "李文书", desk.now(), cal)
    progress.extend_deadline(complaint, dt.date(2026, 12, 1), "需现场勘查，已电话告知", "李文书",
                             desk.now(), cal)
    [ext] = VisitExtension.select()
    assert (ext.old_deadline, ext.new_deadline) == (dt.date(2026, 11, 26), dt.date(2026, 12, 1))
    assert Visit.get_by_id(complaint.id).deadline == dt.date(2026, 12, 1)


def test_v04_review_matter_extension_capped_at_5_working_days(desk, complaint):
    """V04: 需审核 2 working days, at most 5 even with an extension (Tue 24 Nov + 5 = Tue 1 Dec)."""
    cal = desk.calendar()
    assert complaint.deadline_days == 2 and complaint.deadline == dt.date(2026, 11, 26)
    with pytest.raises(ValueError, match="5个工作日（2026年12月01日）"):
        progress.extend_deadline(complaint, dt.date(2026, 12, 2), "需现场勘查，已告知", "李文书", desk.now(), cal)
    assert VisitExtension.select().count() == 0
    progress.extend_deadline(complaint, dt.date(2026, 12, 1), "需现场勘查，已告知", "李文书", desk.now(), cal)
    assert Visit.get_by_id(complaint.id).deadline == dt.date(2026, 12, 1)


def test_v04_review_cap_follows_its_setting_other_kinds_keep_15(desk):
    """V04: the 5-day cap is the review_max setting; a complex matter may still go to 15."""
    cal = desk.calendar()
    set_setting(rules.REVIEW_MAX_DAYS, 3, dt.date(2026, 1, 1), "王书记", desk.now())
    review = register_visit(draft(outcome="转办", result="", transfer_to="镇民政办", transfer_contact="0571-63280000",
                                  deadline_kind="review"), desk.who, desk.now(), cal)
    with pytest.raises(ValueError, match="3个工作日"):
        progress.extend_deadline(review, dt.date(2026, 12, 1), "需审核，已告知", "李文书", desk.now(), cal)
    complex_ = register_visit(draft(outcome="转办", result="", transfer_to="镇民政办",
                                    transfer_contact="0571-63280000", deadline_kind="complex"),
                              desk.who, desk.now(), cal)
    # Tue 24 Nov + 15 working days = Tue 15 Dec.
    progress.extend_deadline(complex_, dt.date(2026, 12, 15), "需现场勘查，已告知", "李文书", desk.now(), cal)
    with pytest.raises(ValueError, match="15个工作日"):
        progress.extend_deadline(complex_, dt.date(2026, 12, 16), "再延期", "李文书", desk.now(), cal)


def test_v04_pause_for_the_person_does_not_count(desk, clock, complaint):
    cal = desk.calendar()
    progress.start_pause(complaint, "person", dt.date(2026, 11, 25), "李文书", desk.now(), "等群众补交证明")
    clock.set(dt.datetime(2026, 11, 30, 9, 0))
    assert progress.urgency_of(complaint, cal, desk.today()) == rules.URGENCY_PAUSED
    progress.end_pause(complaint, dt.date(2026, 11, 26), "李文书", desk.now())
    # Deadline Thu 26 Nov + 2 paused working days (25, 26) = Mon 30 Nov: due today, not overdue.
    assert progress.effective_deadline_of(complaint, cal, desk.today()) == dt.date(2026, 11, 30)
    assert progress.urgency_of(complaint, cal, desk.today()) == rules.URGENCY_DUE_SOON
    clock.set(dt.datetime(2026, 12, 1, 9, 0))
    assert progress.urgency_of(complaint, cal, desk.today()) == rules.URGENCY_OVERDUE
