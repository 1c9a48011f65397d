"""Issue 16: a village's month read from its bundle, as the township's readers see it."""

from __future__ import annotations

import dataclasses
import datetime as dt

from dutydesk.reports.handoff import hand_off
from dutydesk.reports.ledgers import Period
from dutydesk.store.center import load_center, save_center
from dutydesk.store.visits.visit import register_visit
from dutydesk.township.bundle import FOLDER
from dutydesk.township.village_month import STATUS_LABELS, read_bundle_folder
from tests.store.conftest import draft


def test_read_bundle_folder_gives_the_months_rows_by_table(desk, tmp_path):
    save_center(dataclasses.replace(load_center(), division_code="350425100201"), "测试", desk.now())
    for day in (3, 4):
        at = dt.datetime(2026, 11, day, 9, 0)
        register_visit(draft(received_at=at), desk.who, at, desk.calendar())
    result = hand_off(desk, tmp_path, Period.month(2026, 11), [])
    month = read_bundle_folder(result.bundle)
    assert result.bundle.name == FOLDER
    assert (month.code, month.period) == ("350425100201", "2026-11")
    assert len(month.rows("visit")) == 2 and month.rows("nothing") == ()
    assert sorted(STATUS_LABELS.values()) == sorted(["未报送", "已报送", "已退回", "已审核"])
