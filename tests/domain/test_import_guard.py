"""Damaged import files (holiday calendar, service catalogue) are refused whole with a Chinese
message: huge fields, deep nesting, NaN fees, lone surrogates, years outside 1900-2100."""

from __future__ import annotations

import json

import pytest

from dutydesk.domain.calendar_file import CalendarFileError, parse_calendar_text
from dutydesk.domain.catalogue import CatalogueError, parse_catalogue

HUGE = "长" * 200_000
DEEP = "[" * 100_000 + "]" * 100_000  # json's own recursion limit: a RecursionError before


def _catalogue(**item_changes) -> str:
    item = {"code": "A01", "name": "城乡居民养老保险参保登记", "kind": "代办",
            "fee": {"amount": "0"}, "materials": [{"name": "户口簿", "form": "原件"}]}
    item.update(item_changes)
    return json.dumps({"format": "dutydesk-catalogue", "format_version": 1, "items": [item]},
                      ensure_ascii=True)


def _has_no_ascii_letters(message: str) -> bool:
    return not any("a" <= ch.lower() <= "z" for ch in message.replace("JSON", ""))


@pytest.mark.parametrize("text, expected", [
    (f"2027-01-01,休,{HUGE}\n", "内容过长"),  # beyond csv's field limit (an English csv.Error before)
    (f"2027-01-01,休,{'长' * 20_000}\n", "超过"),
    (f'[{{"date": "2027-01-01", "type": "休", "name": "{HUGE}"}}]', "超过"),
    (DEEP, "嵌套过深"),
    ('[{"date": "2027-01-01", "type": "休", "name": [[[[[[[[[["元旦"]]]]]]]]]]}]', "嵌套过深"),
    ('[{"date": "2027-01-01", "type": NaN, "name": "元旦"}]', "无效的数值"),
    ('[{"date": "2027-01-01", "type": "休", "name": "\\ud800元旦"}]', "无法识别的字符"),
    ("1899-12-31,休,旧历\n", "1900 至 2100"),
    ("2101-01-01,休,元旦\n", "1900 至 2100"),
    ('[{"date": "0001-01-01", "type": "休", "name": "元旦"}]', "1900 至 2100"),
    ("2027-01-01,休,元\x00旦\n", "无法识别"),
])
def test_damaged_calendar_files_are_refused_in_chinese(text, expected):
    with pytest.raises(CalendarFileError) as caught:
        parse_calendar_text(text)
    message = str(caught.value)
    assert expected in message and len(message) < 200 and _has_no_ascii_letters(message)


@pytest.mark.parametrize("text, expected", [
    (_catalogue(notes=HUGE), "超过"),
    (DEEP, "嵌套过深"),
    (_catalogue(conditions=[[[[[[[[["年满16周岁"]]]]]]]]]), "嵌套过深"),
    (_catalogue(fee={"amount": "NaN", "basis": "文件"}), "不是有效的数字"),
    (_catalogue(fee={"amount": "Infinity", "basis": "文件"}), "不是有效的数字"),
    (_catalogue().replace('"0"', "NaN"), "无效的数值"),
    (_catalogue(name="\ud800养老保险"), "无法识别的字符"),
    (_catalogue(materials=[{"name": "户口簿", "copies": 10 ** 30}]), "超出范围"),
    (_catalogue(time_limit_days=0).replace('"time_limit_days": 0', '"time_limit_days": ' + "9" * 5000), "超出范围"),
])
def test_damaged_catalogue_files_are_refused_in_chinese(text, expected):
    with pytest.raises(CatalogueError) as caught:
        parse_catalogue(text)
    message = str(caught.value)
    assert expected in message and len(message) < 200


def test_a_sound_file_still_imports():
    assert parse_catalogue(_catalogue())[0].code == "A01"
    assert [d.day.year for d in parse_calendar_text("1900-01-01,休,元旦\n2100-12-31,班,调休\n")] == [1900, 2100]

