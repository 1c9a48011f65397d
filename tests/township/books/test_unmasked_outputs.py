"""V09 at the township: a month handed off UNMASKED (a director approved it) carries full phone and
ID numbers, in phone columns and inside free text, even in a request category. None of them may
reach anything the township shows or prints: the summary (xlsx and PDF), the status command, the
records view. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from dutydesk.domain.idcard import check_digit
from dutydesk.township import summary_command
from dutydesk.township.importing import IMPORTED, import_bundles
from dutydesk.township.summary import township_calendar
from dutydesk.township.township_books import village_months
from dutydesk.township.village_records import all_cells, village_records
from tests.township.books.conftest import A
from tests.township.books.test_township_import import yes
from tests.township.forge import forge, rows, village_key
from tests.township.test_summary_command import parse, sheet_texts

PHONE = "13912345678"
ID_NUMBER = "35042519900101123" + check_digit("35042519900101123")


def _unmasked_october(hand_offs, tmp_path):
    visits = [{**row, "contact": PHONE, "outside_phone": PHONE, "category": f"低保{PHONE}",
               "request": f"身份证{ID_NUMBER}，电话 139-1234-5678", "result": f"已回电{PHONE}"}
              for row in rows(hand_offs.bundles[(A, "2026-10")], "visit.jsonl")]
    return forge(hand_offs.bundles[(A, "2026-10")], tmp_path / "b" / "数据包", village_key(hand_offs, 1),
                 {"visit.jsonl": visits}, masked=False, unmasked_approved_by="王书记", unmasked_reason="核对")


def test_v09_numbers_of_an_unmasked_bundle_reach_no_township_output(township, hand_offs, tmp_path, capsys):
    [outcome] = import_bundles(township, [_unmasked_october(hand_offs, tmp_path)], yes)
    assert outcome.outcome == IMPORTED
    [month] = village_months("2026-10")
    assert PHONE in month.rows("visit")[0]["contact"]  # kept whole in the books, as handed in

    shown = "\n".join(all_cells(village_records(month, township_calendar())))
    assert "139****5678" in shown and not [n for n in (PHONE, ID_NUMBER) if n in shown]

    from dutydesk.cli import main

    engine = ["--database", township.url] if township.url else []
    assert main(["township", "status", "--data-dir", str(township.folder.path), "--month", "2026-10", *engine]) == 0
    status = capsys.readouterr().out
    assert "青石村" in status and not [n for n in (PHONE, ID_NUMBER) if n in status]

    out = tmp_path / "out"
    out.mkdir()
    for fmt in ("xlsx", "pdf"):
        args = parse("--month", "2026-10", "--format", fmt, "--out", str(out / f"summary.{fmt}"))
        assert summary_command.run(args, village_months, "桃源镇", dt.date(2027, 1, 5)) == 0
    xlsx = "\n".join(sheet_texts(out / "summary.xlsx"))
    pdf = "".join(page.extract_text() for page in PdfReader(str(out / "summary.pdf")).pages)
    assert "低保" in xlsx
    for text in (xlsx, pdf):
        assert not [n for n in (PHONE, ID_NUMBER) if n in text]
