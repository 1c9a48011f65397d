"""Issue 16 point 6: paused matters travel in the bundle (``visit_pause``) so the township does not
count them late; its on-time figures equal the village's own 月度便民服务统计报表 (V04)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from dutydesk.domain import visit_rules as rules
from dutydesk.reports.ledgers.monthly_stats import month_figures
from dutydesk.reports.ledgers.registry import Period
from dutydesk.store.center import load_center, save_center
from dutydesk.store.visits.visit import register_visit
from dutydesk.store.visits.visit_progress import complete, end_pause, record_feedback, start_pause
from dutydesk.township.bundle import CORRECTIONS, remember_bundle, write_bundle
from dutydesk.township.summary import village_figures
from dutydesk.township.village_month import read_bundle_folder
from tests.store.conftest import draft

NOV = Period.month(2026, 11)


def at(day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour)


def transferred():
    return draft(outcome=rules.TRANSFER, transfer_to="镇民政办", transfer_contact="0571-63280000",
                 deadline_kind="review", received_at=at(2))


@pytest.fixture
def paused_month(desk, clock, tmp_path):
    """A 转办 matter promised in 5 working days, paused for the person for two weeks, finished
    after the promised date but within it moved on by the pause; and a matter finished late."""
    save_center(dataclasses.replace(load_center(), division_code="350425100201"), "测试", desk.now())
    calendar = desk.calendar()
    paused = register_visit(transferred(), desk.who, at(2), calendar)
    start_pause(paused, "person", dt.date(2026, 11, 3), desk.who, at(3), note="等群众补交材料，电话13912345678")
    end_pause(paused, dt.date(2026, 11, 17), desk.who, at(17))
    complete(paused, "已转镇民政办办结", desk.who, at(19))
    record_feedback(paused, "电话", "已告知办理结果", desk.who, at(19, 15))
    late = register_visit(transferred(), desk.who, at(2), calendar)
    complete(late, "已办结", desk.who, at(19))
    record_feedback(late, "电话", "已告知办理结果", desk.who, at(19, 15))
    clock.set(dt.datetime(2026, 12, 2, 9, 0))
    write_bundle(desk, tmp_path / "b", NOV)
    return read_bundle_folder(tmp_path / "b"), (paused, late)


def test_v04_a_paused_matter_is_on_time_at_the_township_as_in_the_villages_monthly_report(desk, paused_month):
    """V04: the pause travels in the bundle, so the township's on-time count equals the desk's."""
    month, (paused, late) = paused_month
    assert [p["visit_id"] for p in month.rows("visit_pause")] == [paused.id]
    assert paused.deadline < dt.date(2026, 11, 19)  # finished after the promised date itself
    mine = village_figures(month)
    theirs = month_figures(NOV, desk.calendar(), desk.today())
    on_time = {v.id: v.on_time for v in theirs.visits}
    assert on_time == {paused.id: True, late.id: False}
    assert (mine.visits, mine.completed, mine.on_time, mine.overdue) == (
        theirs.total, len(theirs.completed), sum(1 for v in theirs.completed if v.on_time), theirs.overdue)
    assert (mine.on_time, mine.overdue) == (1, 1)


def test_v04_without_the_pause_the_same_matter_would_count_late(paused_month):
    month, _visits = paused_month
    without = dataclasses.replace(month, tables={k: v for k, v in month.tables.items() if k != "visit_pause"})
    assert (village_figures(without).on_time, village_figures(without).overdue) == (0, 2)


def test_v09_a_pause_note_travels_with_its_numbers_masked(paused_month):
    month, _visits = paused_month
    note = month.rows("visit_pause")[0]["note"]
    assert "13912345678" not in note and note.startswith("等群众补交材料")


def test_v04_a03_a_pause_started_after_the_hand_off_travels_as_a_correction(desk, clock, tmp_path):
    """V04/A03: a November matter paused in December reaches the township with December's bundle."""
    save_center(dataclasses.replace(load_center(), division_code="350425100201"), "测试", desk.now())
    matter = register_visit(transferred(), desk.who, at(2), desk.calendar())
    clock.set(dt.datetime(2026, 11, 30, 18, 0))
    remember_bundle(desk, write_bundle(desk, tmp_path / "nov", NOV))
    when = dt.datetime(2026, 12, 1, 9, 0)
    clock.set(when)
    start_pause(matter, "approval", when.date(), desk.who, when, note="报镇民政办审批")
    write_bundle(desk, tmp_path / "dec", Period.month(2026, 12))
    lines = [json.loads(line) for line in (tmp_path / "dec" / CORRECTIONS).read_text(encoding="utf-8").splitlines()]
    pauses = [c for c in lines if c["table"] == "visit_pause"]
    assert [(c["row"]["visit_id"], c["row"]["cause"], c["changes"][0]["action"]) for c in pauses] == [
        (matter.id, "approval", "create")]
