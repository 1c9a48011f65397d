"""The printed 一次性告知单, 收件回执单 and 代办单: text, layout and machine-readable slip number."""

import datetime as dt

import pytest
import zxingcpp
from pypdf import PdfReader

from dutydesk.domain.catalogue import Outcome, Tick, decide, parse_catalogue
from dutydesk.reports.notice_docs import NoticeDoc, SlipDoc, render_notice, render_receipt, render_slip
from dutydesk.reports.pdf_raster import page_count, render_pages
from dutydesk.resources_path import resource_path
from tests.conftest import TEST_CENTER

DAY = dt.date(2026, 11, 24)


@pytest.fixture(scope="module")
def item():
    items = parse_catalogue(resource_path("catalogue", "default_catalogue.json").read_text(encoding="utf-8"))
    return next(i for i in items if i.code == "SB-01")


def text_of(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(str(path)).pages).replace(" ", "").replace("\n", "")


def notice(item, ticks, outcome=None, reason=""):
    result = decide(item, ticks, eligible=outcome is not Outcome.NOT_ELIGIBLE, reason=reason)
    return NoticeDoc(TEST_CENTER, "张秀英", "13812345678", item, 3, result.outcome, list(result.missing),
                     list(result.received), result.reason, "李文书", DAY, "GZ2026-000001")


def slip(item):
    return SlipDoc(TEST_CENTER, "DB2026-000123", "张秀英", "13812345678", item, 3,
                   [Tick(m, True, i + 1) for i, m in enumerate(item.materials)], DAY, dt.date(2026, 12, 1), "李文书")


@pytest.mark.parametrize("size", ["A4", "A5"])
def test_n03_notice_lists_the_missing_materials_and_everything_required(item, tmp_path, size):
    ticks = [Tick(m, i in (0, 2), 1) for i, m in enumerate(item.materials)]
    path = render_notice(notice(item, ticks), tmp_path / "n.pdf", size)
    if size == "A4":
        assert page_count(path) == 1
    text = text_of(path)
    head, _, rest = text.partition("一、办理条件")
    missing_part = head.partition("所缺材料")[2]
    assert item.materials[1].name.replace(" ", "") in missing_part
    assert item.materials[3].name.replace(" ", "") in missing_part
    assert item.materials[0].name.replace(" ", "") not in missing_part
    assert "5个工作日" in head
    for needed in ("二、所需全部材料", "三、办理流程", "四、办理依据", "国发〔2014〕8号"):
        assert needed in rest
    for needed in ("一次性告知单", "张秀英", "经办人（签字）：李文书", "申请人（签字）", "2026年11月24日",
                   TEST_CENTER.name, TEST_CENTER.public_phone, "（盖章）", "监督电话：" + TEST_CENTER.supervision_phone,
                   "第3版"):
        assert needed in text, needed


def test_n04_notice_for_not_eligible_gives_reason_and_basis(item, tmp_path):
    path = render_notice(notice(item, [], Outcome.NOT_ELIGIBLE, "已参加职工基本养老保险"), tmp_path / "n.pdf")
    text = text_of(path)
    assert "不符合办理条件" in text and "已参加职工基本养老保险" in text and "国发〔2014〕8号" in text
    assert "所缺材料" not in text


@pytest.mark.parametrize("size", ["A4", "A5"])
def test_p04_receipt_lists_materials_pages_pickup_and_handler(item, tmp_path, size):
    path = render_receipt(slip(item), tmp_path / "r.pdf", size)
    text = text_of(path)
    assert page_count(path) == 1
    for needed in ("收件回执单", "DB2026-000123", "2026年12月1日", "经办人（签字）：李文书",
                   "监督电话：" + TEST_CENTER.supervision_phone, f"共{len(item.materials)}项，10页"):
        assert needed in text, needed
    for material in item.materials:
        assert material.name.replace(" ", "") in text


@pytest.mark.parametrize("size", ["A4", "A5"])
def test_p02_slip_has_two_parts_on_one_sheet(item, tmp_path, size):
    path = render_slip(slip(item), tmp_path / "s.pdf", size)
    assert page_count(path) == 1
    text = text_of(path)
    assert "代办单（存根）" in text and "代办单（群众联）" in text and "沿此线剪开" in text
    assert text.count("DB2026-000123") >= 4
    assert "监督电话：" + TEST_CENTER.supervision_phone in text


def test_p02_barcode_and_qr_decode_to_the_slip_number(item, tmp_path):
    path = render_slip(slip(item), tmp_path / "s.pdf", "A4")
    image = render_pages(path, dpi=200)[0]
    found = zxingcpp.read_barcodes(image)
    codes = {(b.format, b.text) for b in found}
    assert codes == {(zxingcpp.BarcodeFormat.Code128, "DB2026-000123"),
                     (zxingcpp.BarcodeFormat.QRCode, "DB2026-000123")}
    assert len(found) == 4  # barcode and QR code on both the 存根 and the 群众联


def test_pdf_is_written_atomically(item, tmp_path):
    target = tmp_path / "out" / "s.pdf"
    render_slip(slip(item), target)
    assert [p.name for p in target.parent.iterdir()] == ["s.pdf"]
