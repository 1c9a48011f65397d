"""V11: the monthly 民情分析会 pack from the books (controlled clock), and the meeting's decisions
followed up by a named person by a date (into 待跟进)."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader

from dutydesk.reports import analysis_pack
from dutydesk.reports.ledgers import Period
from dutydesk.store.open_matters import open_matters
from dutydesk.store.visits.analysis_meeting import (
    DecisionDraft,
    MeetingInvalid,
    mark_done,
    open_decisions,
    record_meeting,
)
from dutydesk.store.visits.visit import register_visit
from tests.notice_helpers import new_case, seed
from tests.store.conftest import draft

NOV = Period.month(2026, 11)


def text_of(path) -> str:
    return "".join(p.extract_text() for p in PdfReader(str(path)).pages).replace(" ", "").replace("\n", "")


def _books(desk) -> None:
    seed(desk)
    for day, category, request in [(3, "政策咨询", "咨询低保续办材料"), (5, "政策咨询", "咨询低保续办材料"),
                                   (9, "求助", "路灯坏了请帮忙报修"), (12, "意见建议", "建议增设垃圾桶")]:
        at = dt.datetime(2026, 11, day, 10, 0)
        register_visit(draft(received_at=at, category=category, request=request), desk.who, at, desk.calendar())
    at = dt.datetime(2026, 11, 16, 10, 0)
    register_visit(draft(received_at=at, category="意见建议", request="村道破损影响出行", outcome="转办",
                         transfer_to="镇司法所", transfer_contact="0571-63280002", deadline_kind="review",
                         result=""), desk.who, at, desk.calendar())
    new_case(desk, code="SJ-01", at=dt.datetime(2026, 11, 18, 9, 0))
    new_case(desk, code="SJ-01", name="王五", at=dt.datetime(2026, 11, 19, 9, 0))
    new_case(desk, code="SB-01", name="赵六", at=dt.datetime(2026, 11, 20, 9, 0))


def test_v11_pack_is_prepared_from_the_months_books(desk, clock, tmp_path):
    _books(desk)
    clock.set(dt.datetime(2026, 12, 1, 9, 0))
    path = analysis_pack.write_pack(desk, NOV, tmp_path / "pack.pdf")
    text = text_of(path)
    assert "青石村党群服务中心2026年11月民情分析会材料" in text
    assert "材料截至2026年12月01日" in text and "本月受理群众诉求5件" in text
    assert "政策咨询2" in text and "求助1" in text and "意见建议2" in text
    assert "最低生活保障申请2" in text and "城乡居民养老保险参保登记1" in text  # hot items
    assert "咨询低保续办材料2" in text  # heard twice
    assert "村道破损影响出行" in text and "已超期" in text  # promised 11-18, still open
    assert "会议决定及跟进" in text


def test_v11_a_feature_section_is_added_when_present(desk, clock, tmp_path, monkeypatch):
    monkeypatch.setattr(analysis_pack, "SECTIONS", [
        lambda d, p: analysis_pack.PackSection("入户走访发现", [["网格", "发现问题"], ["一组", "危房一处"]])])
    clock.set(dt.datetime(2026, 12, 1, 9, 0))
    text = text_of(analysis_pack.write_pack(desk, NOV, tmp_path / "pack.pdf"))
    assert "四、入户走访发现" in text and "危房一处" in text and "五、会议决定及跟进" in text


def test_v11_decisions_each_have_a_follower_and_date_and_wait_in_follow_up(desk, clock, tmp_path):
    clock.set(dt.datetime(2026, 12, 2, 15, 0))
    with pytest.raises(MeetingInvalid) as err:
        record_meeting(2026, 11, dt.date(2026, 12, 2), "张书记", "", "", [DecisionDraft("修路灯", "", None)],
                       desk.who, desk.now())
    assert "跟进人" in err.value.errors["decision_0"]
    record_meeting(2026, 11, dt.date(2026, 12, 2), "张书记", "两委成员", "低保咨询集中，需入户宣传",
                   [DecisionDraft("组织低保政策入户宣传", "王委员", dt.date(2026, 12, 10)),
                    DecisionDraft("联系供电所修复三组路灯", "赵文书", dt.date(2026, 12, 4))],
                   desk.who, desk.now())
    matters = [m for m in open_matters(desk.today(), desk.calendar()) if m.kind == "meeting"]
    assert next((m.due, "跟进人赵文书" in m.summary) for m in matters) == (dt.date(2026, 12, 4), True)
    lamp = next(d for d in open_decisions() if d.follower == "赵文书")
    mark_done(lamp, "供电所12月3日已修复", "赵文书", desk.now())
    assert [d.follower for d in open_decisions()] == ["王委员"]
    text = text_of(analysis_pack.write_pack(desk, NOV, tmp_path / "pack.pdf"))
    assert "组织低保政策入户宣传王委员2026-12-10跟进中" in text
    assert "联系供电所修复三组路灯赵文书2026-12-04已落实" in text
