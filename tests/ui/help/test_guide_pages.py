"""The user guide's pages: one for every tab, every picture shipped, Chinese only (no rule numbers)."""

import re

import pytest

from dutydesk.ui.help.guide_pages import (
    START_PAGE,
    guide_pages,
    page_for_tab,
    page_images,
    page_links,
    visible_text,
)
from dutydesk.ui.tabs import TABS
from dutydesk.ui.township.window import TOWNSHIP_TABS

# Words users know as they are: key names on the keyboard and the programs they open files with.
ALLOWED_LATIN = {"Enter", "Esc", "Tab", "Excel", "WPS", "PDF", "U"}  # U: U盘
KEYS = re.compile(r"(?:(?:Ctrl|Shift|Alt)\+)+[A-Z0-9]|(?<![A-Za-z])F\d{1,2}(?!\d)")
RULE_ID = re.compile(r"(?<![A-Za-z])[DVNPAG]\d{2}(?!\d)")


def test_every_tab_has_its_page():
    pages = {page.tab: page for page in guide_pages() if page.tab}
    for spec in TABS:
        assert spec.title in pages, f"no guide page for the tab {spec.title}"
        assert page_for_tab(spec.title).title == spec.title
    assert set(pages) <= {spec.title for spec in TABS} | set(TOWNSHIP_TABS), "a page explains a tab that does not exist"


def test_start_page_comes_first_and_is_the_fallback():
    pages = guide_pages()
    assert pages[0].name == START_PAGE and pages[0].tab == ""
    assert page_for_tab("没有这个页面").name == START_PAGE


@pytest.mark.parametrize("page", guide_pages(), ids=lambda p: p.name)
def test_every_picture_exists(page):
    images = page_images(page)
    for image in images:
        assert image.is_file(), f"{page.name} shows a missing picture {image}"
        assert image.parent.name == "screenshots"
    assert images, f"{page.name} has no screenshot"


@pytest.mark.parametrize("page", guide_pages(), ids=lambda p: p.name)
def test_every_link_leads_to_a_page(page):
    names = {p.name for p in guide_pages()}
    for link in page_links(page):
        assert link in names, f"{page.name} links to {link}"


@pytest.mark.parametrize("page", guide_pages(), ids=lambda p: p.name)
def test_guide_text_is_chinese_without_rule_numbers(page):
    text = visible_text(page)
    assert len(text) > 200
    assert not RULE_ID.findall(text), f"{page.name} shows rule numbers"
    latin = set(re.findall(r"[A-Za-z]+", KEYS.sub(" ", text)))
    assert latin <= ALLOWED_LATIN, f"{page.name} shows English: {sorted(latin - ALLOWED_LATIN)}"


def test_text_check_catches_english_and_rule_numbers(tmp_path):
    """The check above would fail on the kind of slip it guards against."""
    (tmp_path / "index.html").write_text(
        "<html><head><title>开始</title></head><body><p>Click 签到 F5 Ctrl+S (D05)</p>"
        "<img src='x.png' alt='Screenshot'></body></html>", encoding="utf-8")
    page = guide_pages(tmp_path)[0]
    text = visible_text(page)
    assert RULE_ID.findall(text) == ["D05"]
    assert set(re.findall(r"[A-Za-z]+", KEYS.sub(" ", text))) == {"Click", "D", "Screenshot"}
    assert not page_images(page)[0].exists()


def test_township_pages_stay_out_of_the_desks_guide():
    desk_pages = guide_pages(app="desk")
    township = [page for page in guide_pages() if page.app == "township"]
    assert {page.tab for page in township} >= {"报送情况", "汇总"}
    assert not {page.name for page in township} & {page.name for page in desk_pages}
