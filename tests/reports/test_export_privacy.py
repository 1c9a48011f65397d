"""V09 in exports: an operator exporting the visit register gets masked phone numbers, and the
archive's own files (lookup register, yearly catalogues) never carry full numbers either."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from dutydesk.reports.ledger import write_ledger
from dutydesk.reports.ledgers import LEDGERS, Period
from dutydesk.store.accounts import Account
from dutydesk.store.visits import register_visit
from tests.store.conftest import draft


def _cells(path) -> list[str]:
    return [str(c) for row in load_workbook(path).active.iter_rows(values_only=True) for c in row if c]


def test_v09_visit_register_export_for_operator_is_masked(desk, tmp_path):
    register_visit(draft(person_name="张三丰", contact="13812345678"), desk.who, desk.now(), desk.calendar())
    desk.account = Account.get(Account.name == "李文书")
    period = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    path = write_ledger(LEDGERS["visits"].build(desk, period), tmp_path / "visits.xlsx", "xlsx")
    cells = _cells(path)
    assert "张三丰" in cells and "138****5678" in cells
    assert not any("13812345678" in c for c in cells)
