"""A pasted letter of hundreds of lines: a row taller than a page goes on over the next pages,
each part marked （续）, instead of stopping the PDF ledger (and the USB hand-off) with
reportlab's LayoutError."""

from __future__ import annotations

import datetime as dt
import re

from pypdf import PdfReader

from dutydesk.reports.handoff import hand_off
from dutydesk.reports.ledger import Column, Ledger, Table, static_rows, write_ledger
from dutydesk.reports.ledgers import LEDGERS, Period
from dutydesk.store.visits.visit import register_visit
from tests.store.conftest import draft

LETTER = "\n".join(f"第{i}行：反映村道破损、路灯不亮，请求尽快修缮。" for i in range(1, 501))


def _text(path) -> tuple[list[str], str]:
    pages = [page.extract_text() for page in PdfReader(path).pages]
    return pages, re.sub(r"\s+", "", "".join(pages))


def _all_lines_present(flat: str) -> list[int]:
    return [i for i in range(1, 501) if f"第{i}行：" not in flat]


def test_a_row_taller_than_a_page_continues_marked_continued(tmp_path):
    ledger = Ledger("来访接待登记台账", "青石村党群服务中心", "桃源镇", "2026年11月", [Table(
        [Column("日期", 10, "date"), Column("姓名", 8), Column("诉求", 60), Column("结果", 20)],
        static_rows([(dt.date(2026, 11, 3), "张三", LETTER, "已转交镇城建办"),
                     (dt.date(2026, 11, 4), "李四", "咨询医保", "已告知")]))])
    path = write_ledger(ledger, tmp_path / "来访.pdf", "pdf")
    pages, flat = _text(path)
    assert len(pages) >= 5
    assert _all_lines_present(flat) == []  # the whole letter, nothing cut off with ……
    continued = [n for n, page in enumerate(pages) if "（续）" in page]
    assert continued == list(range(1, len(pages)))[:len(continued)] and len(continued) >= 4
    assert "（续）2026-11-03" in re.sub(r"\s+", "", pages[1])  # the row is named again
    assert "李四" in flat and "已转交镇城建办" in flat


def _books_with_a_letter(desk):
    at = dt.datetime(2026, 11, 3, 9, 0)
    register_visit(draft(received_at=at, person_name="张堃", request=LETTER), desk.who, at, desk.calendar())


def test_a_500_line_request_exports_in_the_visit_register_pdf(desk, tmp_path):
    _books_with_a_letter(desk)
    ledger = LEDGERS["visits"].make(desk, Period.month(2026, 11))
    path = write_ledger(ledger, tmp_path / "来访.pdf", "pdf")
    pages, flat = _text(path)
    assert _all_lines_present(flat) == []
    assert any("（续）" in page for page in pages[1:])


def test_a_500_line_request_goes_through_the_usb_hand_off(desk, tmp_path):
    _books_with_a_letter(desk)
    stick = tmp_path / "media" / "li" / "KINGSTON"
    stick.mkdir(parents=True)
    result = hand_off(desk, stick, Period.month(2026, 11), [("visits", "pdf"), ("visits", "xlsx")])
    pdf = next(result.folder.glob("*.pdf"))
    _pages, flat = _text(pdf)
    assert _all_lines_present(flat) == []


def test_page_parts_keep_every_character_and_mark_later_parts():
    """Cut at line ends; a line longer than a page is cut between characters; nothing is lost."""
    from dutydesk.reports.ledger.tall_rows import CONTINUED, page_parts

    def measure(text: str, index: int) -> float:  # one point per character, each line at least one
        return sum(max(len(line), 1) for line in text.split("\n"))

    letter = "\n".join(["短行"] * 5 + ["长" * 95] + ["尾行"])
    parts = page_parts(["2026-11-03", letter, "已办结"], measure, 30)
    assert parts[0][0] == "2026-11-03" and parts[0][2] == "已办结"
    assert all(part[0].startswith(CONTINUED + "2026-11-03") for part in parts[1:])
    assert all(measure(part[1].removeprefix(CONTINUED), 1) <= 30 for part in parts)
    rebuilt = [parts[0][1]] + [part[1].removeprefix(CONTINUED) for part in parts[1:]]
    assert "".join(rebuilt).replace("\n", "") == letter.replace("\n", "")


def test_a_single_line_longer_than_a_page_exports(tmp_path):
    ledger = Ledger("来访接待登记台账", "青石村党群服务中心", "桃源镇", "2026年11月", [Table(
        [Column("日期", 10, "date"), Column("诉求", 60)],
        static_rows([(dt.date(2026, 11, 3), "长" * 20_000 + "完")]))])
    pages, flat = _text(write_ledger(ledger, tmp_path / "来访.pdf", "pdf"))
    assert len(pages) >= 3 and "（续）" in pages[-1] and flat.count("长") == 20_000 and "完" in flat


def test_parts_are_measured_as_printed_where_lines_wrap_worse_together(tmp_path):
    """At a 100-point column each line of the letter alone wraps to two lines, but after a line
    break reportlab wraps it to three: parts are measured joined, so none outgrows the page."""
    from dutydesk.reports.ledger.pdf import MARGIN, PADDING, PAGE

    frame = PAGE[0] - 2 * MARGIN
    ledger = Ledger("来访接待登记台账", "青石村党群服务中心", "桃源镇", "2026年11月", [Table(
        [Column("日期", 10, "date", pdf_width=frame - 100 - 2 * PADDING),
         Column("诉求", 60, pdf_width=100 + 2 * PADDING)],
        static_rows([(dt.date(2026, 11, 3), LETTER)]))])
    pages, flat = _text(write_ledger(ledger, tmp_path / "来访.pdf", "pdf"))
    assert _all_lines_present(flat) == []
    assert len(pages) >= 5
