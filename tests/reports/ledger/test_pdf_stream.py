"""PDF pages go to the file as they end (``pdf_stream``): the file is still one valid PDF whose
pages, even those written long before the last one was laid out, say "page x of y" correctly."""

from __future__ import annotations

import re

import pypdfium2
import pytest
from pypdf import PdfReader

from dutydesk.reports.ledger import ExportCancelled, write_ledger
from dutydesk.store.atomic import temp_name
from tests.reports.ledger.synthetic import visit_ledger


def _page_label(text: str) -> tuple[int, int]:
    found = re.search(r"第\s*(\d+)\s*页，共\s*(\d+)\s*页", text.replace("\n", ""))
    assert found, text
    return int(found.group(1)), int(found.group(2))


def test_pages_written_before_the_end_still_say_page_x_of_y(tmp_path):
    final = tmp_path / "来访.pdf"
    on_disk: list[int] = []  # size of the unfinished file each time a chunk of rows is done

    def progress(done: int) -> None:
        part = temp_name(final)
        on_disk.append(part.stat().st_size if part.exists() else 0)

    write_ledger(visit_ledger(1500), final, "pdf", progress)
    # Streamed: pages were on disk while later rows were still being laid out...
    assert 0 < on_disk[0] < on_disk[1] < on_disk[2]
    # ...so the total was unknown when they were written, yet every page states it correctly.
    reader = PdfReader(final, strict=True)
    total = len(reader.pages)
    assert total > 100
    for number in (1, 2, total // 2, total - 1, total):
        assert _page_label(reader.pages[number - 1].extract_text()) == (number, total)
    first = reader.pages[0].extract_text()
    assert "诉求内容" in first and "堃" in first and "喆" in first
    assert "合计（1500条）" in reader.pages[-1].extract_text()


def test_streamed_pdf_opens_in_pdfium_with_every_page(tmp_path):
    """A second, independent reader: cross-reference table and page tree written by hand are valid."""
    final = tmp_path / "来访.pdf"
    write_ledger(visit_ledger(200, charts=True), final, "pdf")
    pdf = pypdfium2.PdfDocument(str(final))
    try:
        count = len(pdf)
        assert count == len(PdfReader(final).pages)
        last = pdf[count - 1].get_textpage().get_text_range()
        assert _page_label(last) == (count, count) and "制表人" in last
    finally:
        pdf.close()


def test_cancel_after_pages_were_written_leaves_no_file(tmp_path):
    final = tmp_path / "来访.pdf"
    seen: list[int] = []

    def progress(done: int) -> None:
        part = temp_name(final)
        seen.append(part.stat().st_size if part.exists() else 0)
        if done >= 1500:
            raise ExportCancelled()

    with pytest.raises(ExportCancelled):
        write_ledger(visit_ledger(5000), final, "pdf", progress)
    assert seen[-1] > 0  # pages had reached the disk before the cancel
    assert list(tmp_path.iterdir()) == []
