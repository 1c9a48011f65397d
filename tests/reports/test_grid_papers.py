"""The grid's printed papers: the field sheet's QR codes (G02/G03), the spot check's quiz sheet and
results notice (G06), and the areas' contact cards (G07)."""

from __future__ import annotations

import datetime as dt

import pytest
import zxingcpp
from pypdf import PdfReader

from dutydesk.reports.contact_cards import cards, render_contact_cards
from dutydesk.reports.field_sheet import field_sheet, render_field_sheet
from dutydesk.reports.pdf_raster import page_count, render_pages
from dutydesk.reports.spot_check_papers import render_quiz, render_results_notice
from dutydesk.store.grid.household import HouseholdDraft, create_household
from dutydesk.store.grid.spot_check import Answer, draw_month, items, record_answers
from dutydesk.store.visits.residents import ResidentData, create_resident
from tests.conftest import TEST_CENTER
from tests.grid_helpers import make_village

DAY = dt.date(2026, 11, 24)


@pytest.fixture
def village(desk):
    return make_village(desk)


def text_of(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(str(path)).pages).replace(" ", "").replace("\n", "")


def qr_codes(path, dpi: int = 150) -> list[str]:
    return [b.text for image in render_pages(path, dpi) for b in zxingcpp.read_barcodes(image)
            if b.format == zxingcpp.BarcodeFormat.QRCode]


def test_g03_field_sheet_qr_codes_decode_to_the_household_codes(desk, village, tmp_path):
    path = render_field_sheet(field_sheet(village.area, DAY), TEST_CENTER, tmp_path / "sheet.pdf")
    assert sorted(qr_codes(path)) == sorted([village.h1.code, village.h2.code])
    text = text_of(path)
    assert "入户走访记录表" in text and "三组片区" in text and "张三" in text and "青石村三组12号" in text
    assert "赵委员（13900000002）" in text and "走访情况" in text and "户主签字" in text
    assert "11010519491231002X" not in text and "13812345678" not in text  # no resident numbers on paper


def test_g03_a_long_area_runs_over_pages_and_every_code_still_decodes(desk, village, tmp_path):
    for i in range(14):
        person = create_resident(ResidentData(f"住户{i:02d}", village_group="三组"), desk.who, desk.now())
        create_household(HouseholdDraft(person.id, village.area.id, "三组", f"青石村三组{30 + i}号"), desk.who,
                         desk.now())
    sheet = field_sheet(village.area, DAY)
    path = render_field_sheet(sheet, TEST_CENTER, tmp_path / "long.pdf")
    assert page_count(path) >= 2
    assert sorted(qr_codes(path)) == sorted(r.code for r in sheet.rows)


def test_g06_quiz_sheet_asks_without_printing_the_answers(desk, village, tmp_path):
    checks = draw_month(DAY, desk.who, desk.now(), seed=99)
    path = render_quiz(checks, TEST_CENTER, tmp_path / "quiz.pdf")
    text = text_of(path)
    assert "包片知晓率抽查表" in text and "赵委员" in text and "抽取随机数：99" in text
    assert village.h1.code in text and "青石村三组12号" in text
    for header in ("户主姓名", "家庭人口", "重点人员", "最近一次走访日期"):
        assert header in text
    # the answers the desk holds are not on the sheet
    assert "张三" not in text and "李四" not in text and "低保户" not in text


def test_g06_results_notice_publishes_each_cadres_rate(desk, village, tmp_path):
    [check] = draw_month(DAY, desk.who, desk.now(), seed=5)
    rows = {i.household.code: i for i in items(check)}
    record_answers(check, "周干事", DAY, {rows[village.h1.code].id: Answer("张三", "1", "低保户", None),
                                         rows[village.h2.code].id: Answer("李四", "3", "", None)},
                   desk.who, desk.now())
    path = render_results_notice("2026-11", TEST_CENTER, DAY, tmp_path / "notice.pdf")
    text = text_of(path)
    assert "2026年11月包片知晓率抽查结果公示" in text
    assert "赵委员" in text and "三组片区" in text and "7/8" in text and "88%" in text
    assert "曝光台：赵委员" in text and "红旗台：无" in text and "抽查人：周干事" in text
    assert TEST_CENTER.supervision_phone in text


def test_g07_contact_card_of_each_area_with_cadre_duties_and_phone(desk, village, tmp_path):
    found = cards(DAY)
    assert [(c.area, c.cadre, c.phone, c.partner) for c in found] == [
        ("三组片区", "赵委员", "13900000002", "李文书")]
    path = render_contact_cards(found, TEST_CENTER, tmp_path / "cards.pdf")
    text = text_of(path)
    for expected in ("便民联系卡", "三组片区", "范围", "三组", "责任人", "赵委员", "13900000002", "工作职责",
                     "入户走访", "交叉负责人", "李文书13900000003", TEST_CENTER.public_phone):
        assert expected in text
