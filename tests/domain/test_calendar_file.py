"""The import file for a year the package does not know (issue 4: bad files rejected with the line)."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.domain.calendar_file import CalendarFileError, parse_calendar_text


def test_csv_with_header_and_types():
    days = parse_calendar_text("date,type,name\n2027-01-01,休,元旦\n2027-02-07,班,春节调休\n")
    assert [(d.day, d.is_workday, d.name) for d in days] == [
        (dt.date(2027, 1, 1), False, "元旦"), (dt.date(2027, 2, 7), True, "春节调休")]


def test_json_list():
    days = parse_calendar_text('[{"date": "2027-10-01", "type": "holiday", "name": "国庆节"}]')
    assert days[0].day == dt.date(2027, 10, 1) and not days[0].is_workday


@pytest.mark.parametrize("text, message", [
    ("2027-01-01,休,元旦\n2027-13-01,休,错\n", "第2行"),
    ("date,type\n2027-01-01,休\n2027-01-02,放\n", "第3行"),
    ("2027-01-01\n", "第1行"),
    ('[{"date": "2027-01-01", "type": "休"},\n {"date": "2027-01-02"}]', "第2行"),
    ("", "文件为空"),
    ("2027-01-01,休\n2027-01-01,班\n", "重复"),
])
def test_bad_files_name_the_line(text, message):
    with pytest.raises(CalendarFileError, match=message):
        parse_calendar_text(text)
