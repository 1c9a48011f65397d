"""A04: a director closes a year after 31 December; its records become read-only, its ledgers go
to the archive folder, and corrections are additions with a reason."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dutydesk.reports.year_archive import YEARLY_LEDGERS, file_year
from dutydesk.store import audit
from dutydesk.store.accounts.account import Account
from dutydesk.store.archive.year_filing import (
    CorrectionInvalid,
    FilingRefused,
    YearClosure,
    add_correction,
    corrections_for,
)
from dutydesk.store.visits.visit import Visit, correct_visit, register_visit, void_visit
from tests.store.conftest import draft

JAN_2026 = dt.datetime(2026, 1, 5, 9, 0)


def _acc(name: str) -> Account:
    return Account.get(Account.name == name)


@pytest.fixture
def visit_2025(desk, clock):
    clock.set(dt.datetime(2025, 6, 3, 10, 0))
    visit = register_visit(draft(person_name="张三丰", request="咨询低保续办材料", contact="13812345678"),
                           desk.who, clock.now(), desk.calendar())
    clock.set(JAN_2026)
    return Visit.get_by_id(visit.id)


def close_year(account: Account, year: int, desk):
    """Close a year as the filing dialog does: write the archive, then record the closure."""
    desk.account = account
    return file_year(desk, year)


def close_year_quickly(account: Account, year: int, desk):
    from dutydesk.store.archive.year_filing import close_year as record_closure

    return record_closure(account, year, desk.folder.path / "archive" / str(year), [], desk.now())


def test_a04_only_a_director_after_31_december(desk, folder, clock, visit_2025):
    with pytest.raises(FilingRefused, match="主任"):
        close_year(_acc("李文书"), 2025, desk)
    with pytest.raises(FilingRefused, match="尚未结束"):
        close_year(_acc("王书记"), 2026, desk)
    assert not (folder.path / "archive").exists()  # nothing written when refused


def test_a04_closed_year_refuses_edits_and_voids(desk, folder, clock, visit_2025):
    close_year_quickly(_acc("王书记"), 2025, desk)
    with pytest.raises(audit.RecordLocked, match="2025年档案已归档"):
        correct_visit(visit_2025, desk.who, clock.now(), "改错", request="改了")
    with pytest.raises(audit.RecordLocked):
        void_visit(visit_2025, desk.who, clock.now(), "重复")
    with pytest.raises(audit.RecordLocked):  # a new record dated in the closed year
        register_visit(draft(received_at=dt.datetime(2025, 12, 30, 9, 0)), desk.who, clock.now(),
                       desk.calendar())
    assert Visit.get_by_id(visit_2025.id).request == "咨询低保续办材料"
    # moving a current record into the closed year is refused as well
    current = register_visit(draft(), desk.who, clock.now(), desk.calendar())
    with pytest.raises(audit.RecordLocked):
        correct_visit(current, desk.who, clock.now(), "日期", received_at=dt.datetime(2025, 5, 1, 9, 0))
    # records of open years are unaffected
    correct_visit(current, desk.who, clock.now(), "补充", request="补充说明")


def test_a04_corrections_are_additions_with_a_reason(desk, folder, clock, visit_2025):
    close_year_quickly(_acc("王书记"), 2025, desk)
    with pytest.raises(CorrectionInvalid) as exc:
        add_correction("visit", visit_2025.id, "", "", desk.who, clock.now())
    assert set(exc.value.errors) == {"reason", "text"}
    add_correction("visit", visit_2025.id, "电话记错", "联系电话应为13812345679", desk.who, clock.now())
    [c] = corrections_for("visit", visit_2025.id)
    assert (c.reason, c.corrected_by) == ("电话记错", desk.who)
    assert Visit.get_by_id(visit_2025.id).contact == "13812345678"  # the original stands


def test_a04_year_ledgers_written_to_archive_folder(desk, folder, clock, visit_2025, monkeypatch):
    from dutydesk.reports import ledgers

    # one whole-year ledger and one monthly ledger stand for all five (each takes a while to write)
    monkeypatch.setattr(ledgers, "LEDGERS", {k: v for k, v in ledgers.LEDGERS.items() if k in ("visits", "monthly")})
    calls = []
    YEARLY_LEDGERS.append(lambda d, year: calls.append(year))  # a feature's ledger hook (returns None)
    try:
        closure = close_year(_acc("王书记"), 2025, desk)
    finally:
        YEARLY_LEDGERS.pop()
    assert calls == [2025]
    archive = Path(closure.archive_path)
    assert archive == folder.path / "archive" / "2025"
    files = json.loads(closure.files)
    assert "2025年来访记录档案目录.xlsx" in files and "2025年档案查阅登记簿.xlsx" in files
    # the township ledgers of the year: whole-year ones once, monthly ones per month
    assert any("来访" in name and "2025-01-01至2025-12-31" in name for name in files)
    assert any(name.endswith("_2025-01.xlsx") for name in files)
    assert any(name.endswith("_2025-12.xlsx") for name in files)
    assert all((archive / name).exists() for name in files)
    sheet = load_workbook(archive / "2025年来访记录档案目录.xlsx").active
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert any("张三丰" in c for c in cells)
    assert not any("13812345678" in c for c in cells)  # V09: numbers masked in the filed catalogue
    with pytest.raises(FilingRefused, match="已归档"):
        close_year_quickly(_acc("王书记"), 2025, desk)
    assert YearClosure.select().count() == 1
