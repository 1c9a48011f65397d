"""V04: the note for a matter sent up prints the date it went up and the usual time the higher level takes."""

from __future__ import annotations

from pypdf import PdfReader

from dutydesk.reports.sent_up_note import SentUpNote, render_sent_up_note
from dutydesk.store.visits.sent_up import note_fields, record_sent_up
from dutydesk.store.visits.visit import register_visit
from tests.conftest import TEST_CENTER
from tests.store.conftest import draft


def test_v04_sent_up_note_prints_date_and_usual_time(desk, tmp_path):
    visit = register_visit(draft(outcome="上报", escalate_level="县", result="", deadline_kind="review",
                                 request="危房改造补助申请"), desk.who, desk.now(), desk.calendar())
    row = record_sent_up(visit, desk.today(), "县", "住建局", 15, "电话", desk.who, desk.now(), desk.calendar())
    path = render_sent_up_note(SentUpNote(TEST_CENTER, **note_fields(row, desk.calendar())), tmp_path / "n.pdf")
    text = "".join(p.extract_text() for p in PdfReader(str(path)).pages).replace(" ", "").replace("\n", "")
    assert "上级审批告知单" in text and visit.ref in text
    assert "2026年11月24日" in text and "县住建局" in text
    assert "15个工作日" in text and "预计2026年12月15日前后" in text
    assert "不计入本中心承诺的办结时限" in text
