"""V09 in exports: an operator exporting the visit register gets masked phone numbers, and the
archive's own files (lookup register, yearly catalogues) never carry full numbers either."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook
from pypdf import PdfReader

from dutydesk.reports.ledger import write_ledger
from dutydesk.reports.ledgers import LEDGERS, Period
from dutydesk.store.accounts.account import Account
from dutydesk.store.privacy import ExportGrant, authorize_unmasked_export
from dutydesk.store.visits.visit import register_visit
from tests.approvers import approver
from tests.store.conftest import draft

NOV = Period.month(2026, 11)


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


def _grant(desk) -> ExportGrant:
    return authorize_unmasked_export(approver("王书记"), "来访接待登记台账", "镇民政办核对",
                                     desk.now())


def test_v09_masked_export_also_hides_numbers_typed_into_the_request(desk, tmp_path):
    register_visit(draft(person_name="赵六", contact="13812345678",
                         request="替母亲问低保，身份证110105194912310021，回电13900001111"),
                   desk.who, desk.now(), desk.calendar())
    ledger = LEDGERS["visits"].make(desk, NOV)
    path = write_ledger(ledger, tmp_path / "visits.xlsx", "xlsx")
    text = "".join(_cells(path))
    assert "110105********0021" in text and "139****1111" in text
    assert "110105194912310021" not in text and "13900001111" not in text
    assert "已按规定隐去" in ledger.extra_footer


def test_v09_approved_unmasked_export_shows_full_numbers_and_names_the_approver(desk, tmp_path):
    register_visit(draft(person_name="赵六", contact="13812345678", request="回电13900001111"),
                   desk.who, desk.now(), desk.calendar())
    ledger = LEDGERS["visits"].make(desk, NOV, _grant(desk))
    path = write_ledger(ledger, tmp_path / "visits.pdf", "pdf")
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert "13812345678" in text and "13900001111" in text
    assert "经王书记批准导出" in text and "镇民政办核对" in text


def test_v09_grant_reaches_only_ledgers_with_personal_data(desk):
    personal = {key for key, spec in LEDGERS.items() if spec.personal}
    assert personal == {"duty", "visits", "proxy", "messages", "letters", "grid"}
    # the others are built without a grant argument at all
    assert LEDGERS["monthly"].make(desk, NOV, _grant(desk)).title == "月度便民服务统计报表"
