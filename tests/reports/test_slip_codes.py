"""P02: the 代办单's Code128 barcode and QR code survive a photocopy or a low-resolution scan.

Both codes of both parts (存根 and 群众联) must decode from the slip rendered at 150 dpi, the
resolution of an ordinary office copier or scan, on A4 and on A5; the bars never shrink below
0.3 mm with the paper (on A5 they used to be 0.22 mm and only decoded from about 250 dpi up)."""

from __future__ import annotations

import dataclasses

import pytest
import zxingcpp
from reportlab.lib.units import mm

from dutydesk.reports.notice_docs import _SlipCodes, render_receipt, render_slip
from dutydesk.reports.pdf_raster import page_count, render_pages
from tests.reports.test_notice_docs import item, slip, text_of  # noqa: F401  (item is a fixture)

SLIP_NO = "DB2026-000123"


def decoded(path, dpi: int) -> list[tuple[zxingcpp.BarcodeFormat, str]]:
    return sorted(((b.format, b.text) for b in zxingcpp.read_barcodes(render_pages(path, dpi)[0])),
                  key=lambda code: str(code))


@pytest.mark.parametrize("size", ["A4", "A5"])
@pytest.mark.parametrize("dpi", [150, 130])
def test_p02_both_codes_of_both_parts_decode_at_copier_resolution(item, tmp_path, size, dpi):  # noqa: F811
    path = render_slip(slip(item), tmp_path / f"slip-{size}.pdf", size)
    assert page_count(path) == 1
    assert decoded(path, dpi) == sorted([(zxingcpp.BarcodeFormat.Code128, SLIP_NO)] * 2
                                        + [(zxingcpp.BarcodeFormat.QRCode, SLIP_NO)] * 2, key=str)


@pytest.mark.parametrize("scale", [1.0, 0.72])  # render_slip's A4 and A5 scales
def test_p02_code128_modules_stay_at_least_0_3_mm_on_every_paper(scale):
    codes = _SlipCodes(SLIP_NO, scale)
    assert codes.barcode.barWidth >= 0.3 * mm
    assert codes.barcode.lquiet >= 10 * codes.barcode.barWidth  # Code128's minimum quiet zone


@pytest.mark.parametrize("size", ["A4", "A5"])
def test_n06_a_reprinted_slip_still_decodes_and_fits_one_sheet(item, tmp_path, size):  # noqa: F811
    doc = dataclasses.replace(slip(item), reprint="补打（第1次，2026年11月24日 李文书）")
    path = render_slip(doc, tmp_path / "again.pdf", size)
    assert page_count(path) == 1
    formats = [code[0] for code in decoded(path, 150)]
    assert formats.count(zxingcpp.BarcodeFormat.Code128) == 2 and formats.count(zxingcpp.BarcodeFormat.QRCode) == 2


@pytest.mark.parametrize("render", [render_slip, render_receipt])
def test_n06_the_reprint_mark_reads_as_text_not_markup(item, tmp_path, render):  # noqa: F811
    doc = dataclasses.replace(slip(item), reprint="补打（第1次，2026年11月24日 李文书）")
    text = text_of(render(doc, tmp_path / "again.pdf", "A4"))
    assert "补打（第1次，2026年11月24日李文书）" in text
    assert "font" not in text and "color" not in text
