"""V09: the calendar and catalogue importers read their files in the same normal form as forms."""

from __future__ import annotations

import datetime as dt

from dutydesk.cli import main
from dutydesk.domain.calendar_file import EnteredDay, parse_calendar_text
from dutydesk.domain.catalogue import ServiceItem, parse_catalogue
from dutydesk.domain.proxy_case import normalize_slip_no
from dutydesk.resources_path import resource_path


def test_v09_calendar_csv_typed_in_full_width_mode_is_imported():
    text = "日期,类型,名称\n２０２７－０１－０１,休,元旦\u200b\n2027-02-07,ｗｏｒｋ, 春节调休\n"
    assert parse_calendar_text(text) == [
        EnteredDay(dt.date(2027, 1, 1), False, "元旦"), EnteredDay(dt.date(2027, 2, 7), True, "春节调休")]


def test_v09_calendar_json_typed_in_full_width_mode_is_imported():
    text = '[{"date": "２０２７－０１－０１", "type": "ｈｏｌｉｄａｙ", "name": "元旦\\u200b"}]'
    assert parse_calendar_text(text) == [EnteredDay(dt.date(2027, 1, 1), False, "元旦")]


def _default_item() -> dict:
    items = parse_catalogue(resource_path("catalogue", "default_catalogue.json").read_text(encoding="utf-8"))
    return items[0].to_dict()


def test_v09_catalogue_items_are_read_in_normal_form():
    data = _default_item()
    clean = ServiceItem.from_dict(data)
    data["name"] = "\u200b" + data["name"] + "\u3000"
    data["code"] = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in data["code"])  # 全角
    data["notes"] = "第一行\r\n第二行\x07"
    item = ServiceItem.from_dict(data)
    assert (item.name, item.code, item.notes) == (clean.name, clean.code, "第一行\n第二行")


def test_v09_cli_due_date_typed_in_full_width_mode(tmp_path, capsys):
    assert main(["calendar", "due", "２０２５－０９－２６", "７", "--data-dir", str(tmp_path / "x")]) == 0
    assert capsys.readouterr().out.strip() == "2025-10-13 星期一"


def test_v09_slip_number_scanned_in_full_width_mode_is_recognised():
    assert normalize_slip_no("ＤＢ２０２６－０００１２３\u200b") == "DB2026-000123"
    assert normalize_slip_no("DB２０２６-12") is None
