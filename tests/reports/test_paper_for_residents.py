"""Paper fit for residents (issue 13, point 4): no template blank is ever printed, the 一次性告知单
lists the materials once and fits one A4 sheet for every default catalogue item (N03, N05)."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader

from dutydesk.demo.notice_demo import with_window_phone
from dutydesk.domain.catalogue import Outcome, Tick, decide, parse_catalogue
from dutydesk.domain.placeholders import UnfilledTemplate, in_text, unfilled, unfilled_message
from dutydesk.reports import notice_records
from dutydesk.reports.notice_docs import NoticeDoc, render_notice
from dutydesk.reports.pdf_raster import page_count
from dutydesk.resources_path import resource_path
from dutydesk.store.center import load_center
from dutydesk.store.notices import catalogue
from dutydesk.store.notices import notice as notices
from tests.conftest import TEST_CENTER
from tests.notice_helpers import all_ticks, seed, version

DAY = dt.date(2026, 11, 24)
DEFAULT = parse_catalogue(resource_path("catalogue", "default_catalogue.json").read_text(encoding="utf-8"))


def text_of(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(str(path)).pages).replace(" ", "").replace("\n", "")


def _notice(item, ticks, eligible=True, reason=""):
    result = decide(item, ticks, eligible=eligible, reason=reason)
    return NoticeDoc(TEST_CENTER, "张秀英", "13812345678", item, 1, result.outcome, list(result.missing),
                     list(result.received), result.reason, "陈立新", DAY, "GZ2026-000001")


@pytest.mark.parametrize("item", [with_window_phone(i, n) for n, i in enumerate(DEFAULT, 1)], ids=lambda i: i.code)
def test_n03_every_default_items_notice_is_one_a4_sheet_without_blanks(item, tmp_path):
    first = [Tick(item.materials[0], True, 1)] if item.materials else []
    cases = {"all_missing": _notice(item, []), "some_missing": _notice(item, first),
             "complete": _notice(item, [Tick(m, True, 1) for m in item.materials]),
             "not_eligible": _notice(item, [], eligible=False, reason="不在本村居住")}
    for name, doc in cases.items():
        path = render_notice(doc, tmp_path / f"{name}.pdf", "A4")
        assert page_count(path) == 1, name
        text = text_of(path)
        assert not in_text(text) and "请填写" not in text, name


def test_n03_when_nothing_was_handed_in_the_materials_are_listed_once(tmp_path):
    item = with_window_phone(next(i for i in DEFAULT if i.code == "SJ-01"), 1)
    text = text_of(render_notice(_notice(item, []), tmp_path / "n.pdf"))
    assert "所缺材料" in text and "二、所需全部材料" in text
    for material in item.materials:
        assert text.count(material.name.replace(" ", "")) == 1, material.name


def test_n03_missing_ones_are_named_and_marked_in_the_single_table(tmp_path):
    item = with_window_phone(next(i for i in DEFAULT if i.code == "SB-01"), 1)
    text = text_of(render_notice(_notice(item, [Tick(item.materials[0], True, 1)]), tmp_path / "n.pdf"))
    head = text.partition("一、办理条件")[0]
    assert item.materials[1].name.replace(" ", "") in head and item.materials[0].name not in head
    assert text.count("缺") >= len(item.materials) - 1 and "已交" in text


def test_the_default_catalogue_holds_blanks_and_says_what_to_fill():
    item = next(i for i in DEFAULT if i.code == "SB-01")
    assert unfilled(item) == ["办理单位电话（请填写窗口电话）"]
    assert "办理单位电话" in unfilled_message(item) and "办事指南目录" in unfilled_message(item)
    assert unfilled(with_window_phone(item, 1)) == [] and unfilled_message(with_window_phone(item, 1)) == ""
    assert in_text("电话：【待填写】") == ["【待填写】"]


def test_n05_a_notice_for_an_item_with_a_blank_is_refused_naming_what_to_fill(desk):
    catalogue.seed_default_catalogue(desk.who, desk.now())
    v = catalogue.current_version("SB-01")
    with pytest.raises(notices.NoticeInvalid) as refused:
        notices.record_notice(notices.ChecklistEntry(v, "张秀英", all_ticks(v)), desk.who, desk.now())
    assert "办理单位电话" in refused.value.errors["item"]
    assert notices.NoticeRecord.select().count() == 0


def test_n05_printing_a_stored_record_with_a_blank_is_refused(desk, tmp_path):
    seed(desk)
    v = version("SB-01")
    notice = notices.record_notice(notices.ChecklistEntry(v, "张秀英", all_ticks(v)), desk.who, desk.now())
    blank = notice.item_version.item
    catalogue.save_item(blank.__class__(**{**blank.__dict__, "unit": blank.unit.__class__(
        blank.unit.name, blank.unit.address, "（请填写窗口电话）")}), desk.who, desk.now())
    notice.item_version = catalogue.current_version("SB-01")
    with pytest.raises(UnfilledTemplate, match="办理单位电话"):
        notice_records.print_notice(notice, load_center(), tmp_path)
    assert not list(tmp_path.rglob("*.pdf"))


def test_no_printed_form_of_the_seeded_books_holds_a_placeholder(desk, tmp_path):
    from tests.notice_helpers import new_case

    seed(desk)
    case = new_case(desk)
    v = version("SJ-01")
    notice = notices.record_notice(notices.ChecklistEntry(v, "张秀英", []), desk.who, desk.now())
    assert notice.outcome == Outcome.MISSING.value
    center = load_center()
    for path in (notice_records.print_notice(notice, center, tmp_path),
                 notice_records.print_receipt(case, center, tmp_path),
                 notice_records.print_slip(case, center, tmp_path)):
        assert not in_text(text_of(path)) and "请填写" not in text_of(path), path.name
