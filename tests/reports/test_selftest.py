"""The print self-test page (``dutydesk selftest-pdf``): Chinese text with the bundled font embedded."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from dutydesk.cli import main
from dutydesk.reports.selftest import SAMPLE_LINES, TITLE, write_selftest_pdf
from dutydesk.resources_path import cjk_font_path


def embedded_fonts(pdf_path) -> dict[str, bool]:
    """Base font name → whether the font program itself is embedded (FontFile2)."""
    fonts = {}
    page = PdfReader(str(pdf_path)).pages[0]
    for ref in page["/Resources"]["/Font"].values():
        font = ref.get_object()
        descendants = font.get("/DescendantFonts")
        descriptor = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
        fonts[str(font["/BaseFont"])] = bool(descriptor and "/FontFile2" in descriptor.get_object())
    return fonts


def test_selftest_page_has_chinese_text_and_embeds_the_bundled_font(tmp_path):
    page = write_selftest_pdf(tmp_path / "自检.pdf", dt.datetime(2026, 11, 24, 9, 0))
    assert page.font_file == cjk_font_path()
    text = PdfReader(str(page.path)).pages[0].extract_text()
    assert TITLE in text
    assert "犇 鑫 淼" in text  # rare name characters survive (GBK coverage of the bundled font)
    assert "2026-11-24 09:00" in text
    # reportlab always lists its default Helvetica; every Chinese glyph comes from the embedded
    # WenQuanYi subset, so the page prints the same on a PC or printer without Chinese fonts.
    cjk = {name: embedded for name, embedded in embedded_fonts(page.path).items() if "WenQuanYi" in name}
    assert cjk, "the bundled WenQuanYi font is not used"
    assert all(cjk.values()), f"a WenQuanYi subset is not embedded: {cjk}"


def test_selftest_command_writes_the_page_and_names_the_font_file(tmp_path, capsys):
    out = tmp_path / "out" / "selftest.pdf"
    assert main(["--data-dir", str(tmp_path / "data"), "selftest-pdf", str(out)]) == 0
    printed = capsys.readouterr().out
    assert str(out) in printed
    assert str(cjk_font_path()) in printed
    assert SAMPLE_LINES[0] in PdfReader(str(out)).pages[0].extract_text()
    assert not list(out.parent.glob("*.part")), "no temporary file left behind"
