"""N01/P02: the checklist opens on the item the visit asks for (category, words, pinyin initials)."""

from __future__ import annotations

import pytest

from dutydesk.domain.item_suggestion import pinyin_matches, suggest_item
from dutydesk.store.notices.catalogue import default_items

ITEMS = default_items()


def name(category: str, request: str) -> str | None:
    item = suggest_item(ITEMS, category, request)
    return item.name if item else None


@pytest.mark.parametrize("request_text", ["办低保", "dbao", "db", "申请最低生活保障", "zdshbz", "帮我办一下 dibao"])
def test_n01_request_for_dibao_suggests_the_minimum_living_allowance(request_text):
    assert name("代办", request_text) == "最低生活保障申请"


def test_n01_request_words_and_everyday_names_suggest_the_item():
    assert name("代办", "我要办养老保险参保") == "城乡居民养老保险参保登记"
    assert name("代办", "新农合缴费") == "城乡居民基本医疗保险参保缴费（原新农合）"
    assert name("代办", "想盖房子，问宅基地") == "农村村民建房（宅基地）申请"
    assert name("代办", "办残疾证") == "残疾人证申领"


def test_n01_pinyin_initials_suggest_the_item():
    assert name("代办", "ylbx") == "城乡居民养老保险参保登记"
    assert name("代办", "CJRZ") == "残疾人证申领"


def test_p02_the_visit_category_decides_between_items_the_words_fit_equally():
    assert name("政策咨询", "政策咨询") == "政策咨询"
    # 医保 fits the 代办 item and nothing of 咨询: a 代办 request keeps the 代办 item
    assert name("代办", "医保") == "城乡居民基本医疗保险参保缴费（原新农合）"
    # 求助 prefers the social-relief items over a 代办 item sharing the same word 申请
    assert suggest_item(ITEMS, "求助", "临时救助").category == "社会救助"


def test_n01_a_request_naming_no_item_suggests_nothing():
    assert name("代办", "天气不错") is None
    assert name("代办", "") is None


def test_pinyin_spelling_mixes_initials_and_whole_syllables():
    assert pinyin_matches("dbao", ["di", "bao"])
    assert pinyin_matches("yanglbx", ["yang", "lao", "bao", "xian"])
    assert not pinyin_matches("dbao", ["zui", "di", "sheng", "huo", "bao"])  # not consecutive
    assert not pinyin_matches("xyz", ["yang", "lao"])
