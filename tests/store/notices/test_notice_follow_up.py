"""N07: a missing-materials notice carries a date; once it passes (or the person is not eligible)
the desk phones the reason, records the call and closes the matter as 不予受理."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.domain.catalogue import Tick
from dutydesk.store import duty_log_feed
from dutydesk.store.notices import notice_follow_up as follow
from dutydesk.store.notices.notice import ChecklistEntry, record_notice
from dutydesk.store.open_matters import open_matters
from tests.notice_helpers import all_ticks, proxy_visit, seed, version


def _missing_notice(desk, name: str = "张秀英"):
    v = version("SB-01")
    ticks = [Tick(m, i == 0, 1 if i == 0 else 0) for i, m in enumerate(v.item.materials)]
    visit = proxy_visit(desk, name=name)
    return record_notice(ChecklistEntry(v, name, ticks, "13812345678", visit_id=visit.id), desk.who, desk.now())


def _refs(desk) -> list[str]:
    return [m.ref for m in open_matters(desk.today(), desk.calendar()) if m.kind == "notice"]


def test_n07_missing_materials_notice_carries_a_date_from_the_setting(desk):
    seed(desk)
    notice = _missing_notice(desk)
    # told Tue 2026-11-24, 7 working days later
    assert follow.supply_by(notice, desk.calendar()) == dt.date(2026, 12, 3)


def test_n07_missing_materials_date_passing_puts_the_notice_in_follow_up_and_the_call_closes_it(desk, clock):
    seed(desk)
    notice = _missing_notice(desk)
    follow.set_supply_by(notice, dt.date(2026, 11, 27), desk.who, desk.now())
    assert notice.ref not in _refs(desk)
    clock.set(dt.datetime(2026, 11, 27, 16, 0))
    assert notice.ref not in _refs(desk)  # the person still has today
    with pytest.raises(follow.FollowUpInvalid) as err:
        follow.record_call(notice, "13812345678", "材料未补齐", "李文书", desk.now(), desk.calendar())
    assert "未到" in err.value.errors["notice"]

    clock.set(dt.datetime(2026, 11, 28, 9, 0))
    matter = next(m for m in open_matters(desk.today(), desk.calendar()) if m.ref == notice.ref)
    assert matter.due == dt.date(2026, 11, 28) and "补齐材料期限已过" in matter.summary

    with pytest.raises(follow.FollowUpInvalid) as err:
        follow.record_call(notice, "", "  ", "李文书", desk.now(), desk.calendar())
    assert set(err.value.errors) == {"phone", "said"}
    row = follow.record_call(notice, "13812345678", "逾期未补齐户口簿，不予受理，可补齐后再来办理",
                             "李文书", desk.now(), desk.calendar())
    assert row.outcome == "不予受理" and row.called_by == "李文书" and row.closed_at == desk.now()
    assert notice.ref not in _refs(desk)
    logged = [e for e in duty_log_feed.entries_for(desk.today()) if e.kind == "告知跟进"]
    assert len(logged) == 1 and notice.ref in logged[0].text and logged[0].result == "不予受理"  # D10
    with pytest.raises(follow.FollowUpInvalid):
        follow.record_call(notice, "13812345678", "再次", "李文书", desk.now(), desk.calendar())


def test_n07_not_eligible_notice_is_followed_up_on_its_day(desk):
    seed(desk)
    v = version("SJ-01")
    notice = record_notice(ChecklistEntry(v, "王大", [], eligible=False, reason="家庭收入超过低保标准"),
                           desk.who, desk.now())
    matter = next(m for m in open_matters(desk.today(), desk.calendar()) if m.ref == notice.ref)
    assert matter.due == desk.today() and "不符合条件" in matter.summary
    follow.record_call(notice, "13900001111", "收入超过标准", "李文书", desk.now(), desk.calendar())
    assert notice.ref not in _refs(desk)


def test_n07_a_matter_accepted_after_the_notice_needs_no_call(desk, clock):
    seed(desk)
    notice = _missing_notice(desk)
    v = version("SB-01")
    record_notice(ChecklistEntry(v, "张秀英", all_ticks(v), visit_id=notice.visit_id), desk.who, desk.now())
    clock.set(dt.datetime(2026, 12, 10, 9, 0))
    assert notice.ref not in _refs(desk)


def test_n07_only_missing_notices_take_a_date(desk):
    seed(desk)
    notice = _missing_notice(desk)
    with pytest.raises(follow.FollowUpInvalid):
        follow.set_supply_by(notice, dt.date(2026, 11, 1), desk.who, desk.now())
    follow.set_supply_by(notice, dt.date(2026, 11, 30), desk.who, desk.now())
    follow.set_supply_by(notice, dt.date(2026, 12, 1), desk.who, desk.now())
    assert follow.supply_by(notice, desk.calendar()) == dt.date(2026, 12, 1)


def test_n07_the_printed_notice_states_the_date_to_supply_by(desk, tmp_path):
    from pypdf import PdfReader

    from dutydesk.reports.notice_records import print_notice
    from tests.conftest import TEST_CENTER

    seed(desk)
    notice = _missing_notice(desk)
    follow.set_supply_by(notice, dt.date(2026, 12, 4), desk.who, desk.now())
    path = print_notice(notice, TEST_CENTER, tmp_path)
    text = "".join(p.extract_text() for p in PdfReader(str(path)).pages).replace(" ", "").replace("\n", "")
    assert "请于2026年12月4日前补齐上述材料" in text and "不予受理" in text


def test_n07_open_matters_give_each_notice_its_due_on_day_without_reading_it_again(desk, clock):
    """N07 (issue 17): the follow-up matters take their due days from ``waiting``'s own three
    queries; each is still exactly ``due_on`` (moved date, default date, not eligible)."""
    seed(desk)
    moved = _missing_notice(desk, "张秀英")
    follow.set_supply_by(moved, dt.date(2026, 11, 26), desk.who, desk.now())
    follow.set_supply_by(moved, dt.date(2026, 11, 27), desk.who, desk.now())  # moved again: the newest counts
    default = _missing_notice(desk, "李明")
    refused = record_notice(ChecklistEntry(version("SJ-01"), "王大", [], eligible=False, reason="收入超过标准"),
                            desk.who, desk.now())
    clock.set(dt.datetime(2026, 12, 10, 9, 0))
    calendar = desk.calendar()
    dues = {n.id: due for n, due in follow.waiting_with_due(desk.today(), calendar)}
    assert set(dues) == {moved.id, default.id, refused.id}
    for notice in (moved, default, refused):
        assert dues[notice.id] == follow.due_on(notice, calendar)
    assert dues[moved.id] == dt.date(2026, 11, 28)
    matters = {m.record_id: m.due for m in follow.follow_up_matters(desk.today(), calendar)}
    assert matters == dues
    assert [n.id for n in follow.waiting(desk.today(), calendar)] == sorted(dues)
