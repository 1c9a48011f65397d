"""V12: suspected breaches the books show are listed for the director, who records the outcome."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from pypdf import PdfReader

from dutydesk.domain.catalogue import Tick
from dutydesk.reports.ledger import write_ledger
from dutydesk.reports.ledgers import LEDGERS, Period
from dutydesk.store.accounts.account import Account
from dutydesk.store.notices.notice import ChecklistEntry, record_notice
from dutydesk.store.visits import accountability as acc
from dutydesk.store.visits.visit import register_visit
from tests.notice_helpers import new_case, seed, version
from tests.store.conftest import draft

NOV = Period.month(2026, 11)


def _missing(desk, at: dt.datetime, who: str):
    v = version("SB-01")
    ticks = [Tick(m, i == 0, 1 if i == 0 else 0) for i, m in enumerate(v.item.materials)]
    return record_notice(ChecklistEntry(v, "张秀英", ticks), who, at)


def _breaches(desk):
    return acc.suspected_breaches(NOV.start, NOV.end, desk.today(), desk.calendar())


def test_v12_repeat_trip_after_a_notice_is_listed_against_who_told_first(desk):
    seed(desk)
    first = _missing(desk, dt.datetime(2026, 11, 10, 9, 0), "李文书")
    second = _missing(desk, dt.datetime(2026, 11, 17, 9, 0), "赵委员")
    found = [b for b in _breaches(desk) if b.rule == "N06"]
    assert len(found) == 1
    assert found[0].staff == "李文书" and first.ref in found[0].description and second.ref in found[0].description
    assert found[0].label == "一次性告知后群众重复往返"


def test_v12_deadline_missed_without_extension_is_listed_and_an_extended_one_is_not(desk, clock):
    from dutydesk.store.visits.visit_progress import extend_deadline

    at = dt.datetime(2026, 11, 2, 9, 0)
    to = dict(outcome="转办", transfer_to="镇民政办", transfer_contact="0571-63280001", deadline_kind="review",
              result="")
    late = register_visit(draft(received_at=at, **to), desk.who, at, desk.calendar())
    extended = register_visit(draft(received_at=at, person_name="李四", **to), desk.who, at, desk.calendar())
    extend_deadline(extended, dt.date(2026, 11, 6), "需等待材料", desk.who, at, desk.calendar())
    found = [b for b in _breaches(desk) if b.rule == "V04"]
    assert [b.key for b in found] == [f"V04:visit:{late.id}"]
    assert found[0].staff == "李文书"


def test_v12_proxy_case_not_sent_up_by_its_promised_date_is_listed(desk, clock):
    seed(desk)
    case = new_case(desk, at=dt.datetime(2026, 11, 2, 9, 0))  # 5 working days: promised 11-09
    found = [b for b in _breaches(desk) if b.rule == "V04"]
    assert [b.key for b in found] == [f"V04:proxy:{case.id}"] and case.slip_no in found[0].description


def test_v12_request_not_referred_is_listed(desk):
    at = dt.datetime(2026, 11, 5, 10, 0)
    visit = register_visit(draft(received_at=at, outcome="不属职责", outside_unit="县自然资源局",
                                 outside_address="县城人民路1号",
                                 outside_phone="0571-12345678"), desk.who, at, desk.calendar())
    visit.outside_unit = ""  # an old record written before the desk required the unit
    visit.save()
    found = [b for b in _breaches(desk) if b.rule == "V02"]
    assert [b.key for b in found] == [f"V02:visit:{visit.id}"]


def test_v12_director_records_the_outcome_with_evidence_and_the_breach_leaves_the_list(desk, tmp_path):
    seed(desk)
    _missing(desk, dt.datetime(2026, 11, 10, 9, 0), "李文书")
    _missing(desk, dt.datetime(2026, 11, 17, 9, 0), "李文书")
    breach = next(b for b in _breaches(desk) if b.rule == "N06")
    director = Account.get(Account.name == "王书记")
    clerk = Account.get(Account.name == "李文书")

    with pytest.raises(acc.OutcomeInvalid) as err:
        acc.record_outcome(breach, "经济处罚", "", "", clerk, desk.who, desk.now())
    assert set(err.value.errors) == {"penalty", "evidence", "director"}
    record = acc.record_outcome(breach, "经济处罚", "50", "群众投诉（11月18日来电）", director, desk.who,
                                desk.now())
    assert record.decided_by == "王书记" and record.outcome == "经济处罚" and record.penalty == "50"
    assert breach.key not in [b.key for b in _breaches(desk)]
    with pytest.raises(acc.OutcomeInvalid):
        acc.record_outcome(breach, "警告", "", "再次", director, desk.who, desk.now())

    # the ledger ``accountability`` in both formats
    spec = LEDGERS["accountability"]
    ledger = spec.make(desk, NOV)
    xlsx = write_ledger(ledger, tmp_path / "a.xlsx", "xlsx")
    rows = list(openpyxl.load_workbook(xlsx)["问责记录"].iter_rows(values_only=True))
    row = next(r for r in rows if r and r[1] == "李文书")
    assert row[2] == "一次性告知后群众重复往返" and row[5] == "经济处罚" and row[6] == "50"
    pdf = write_ledger(spec.make(desk, NOV), tmp_path / "a.pdf", "pdf")
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages).replace("\n", "")
    assert "问责记录" in text and "经济处罚" in text and "群众投诉" in text


def test_v12_cli_exports_the_accountability_ledger(desk, tmp_path, capsys):
    from dutydesk.cli import main

    seed(desk)
    _missing(desk, dt.datetime(2026, 11, 10, 9, 0), "李文书")
    _missing(desk, dt.datetime(2026, 11, 17, 9, 0), "李文书")
    breach = next(b for b in _breaches(desk) if b.rule == "N06")
    acc.record_outcome(breach, "书面检查", "", "意见箱", Account.get(Account.name == "王书记"), desk.who, desk.now())
    out = tmp_path / "问责.xlsx"
    assert main(["export", "accountability", "--month", "2026-11", "--out", str(out),
                 "--data-dir", str(desk.folder.path)]) == 0
    assert capsys.readouterr().out.startswith("已导出")
    rows = list(openpyxl.load_workbook(out)["问责记录"].iter_rows(values_only=True))
    assert any(r and r[5] == "书面检查" and r[7] == "意见箱" for r in rows)
