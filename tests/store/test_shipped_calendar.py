"""Holiday files in resources/calendar are used like an entered year (V04)."""

from __future__ import annotations

import datetime as dt
import json

from dutydesk.domain.calendar_years import deadline_text
from dutydesk.domain.workday_calendar import official_years
from dutydesk.store import calendar_days, shipped_calendar
from dutydesk.store.calendar_days import enter_day, load_calendar
from dutydesk.store.shipped_calendar import calendar_folder, shipped_days, shipped_years

NEXT = max(official_years()) + 1


def _write(folder, year, days):
    folder.mkdir(exist_ok=True)
    (folder / f"{year}.json").write_text(json.dumps(days, ensure_ascii=False), encoding="utf-8")


def test_a_shipped_year_file_is_read_and_other_files_are_left_out(tmp_path):
    folder = tmp_path / "calendar"
    _write(folder, NEXT, [{"date": f"{NEXT}-01-01", "type": "休", "name": "元旦"},
                          {"date": f"{NEXT + 1}-01-01", "type": "休", "name": "不属于本文件"}])
    (folder / f"{NEXT + 1}.json").write_text("[{", encoding="utf-8")  # damaged: left out, logged
    (folder / "README.txt").write_text("说明", encoding="utf-8")
    days = shipped_days(folder)
    assert list(days) == [dt.date(NEXT, 1, 1)]
    assert days[dt.date(NEXT, 1, 1)].name == "元旦" and days[dt.date(NEXT, 1, 1)].source == "package"
    assert shipped_years(folder) == [NEXT]


def test_the_shipped_folder_loads_and_holds_only_year_files_or_notes():
    folder = calendar_folder()
    assert folder.is_dir() and (folder / "README.txt").exists()
    shipped_days(folder)  # no error, whatever years it holds
    for path in folder.iterdir():
        assert path.name == "README.txt" or path.name.startswith("__") or path.stem.isdigit(), path.name


def test_v04_books_use_the_shipped_year_and_the_center_can_still_override(desk, tmp_path, monkeypatch):
    folder = tmp_path / "calendar"
    _write(folder, NEXT, [{"date": f"{NEXT}-01-01", "type": "休", "name": "元旦"},
                          {"date": f"{NEXT}-01-02", "type": "休", "name": "元旦"}])
    monkeypatch.setattr(calendar_days, "shipped_days", lambda: shipped_calendar.shipped_days(folder))
    calendar = load_calendar()
    assert calendar.knows_year(NEXT) and not calendar.is_workday(dt.date(NEXT, 1, 1))
    assert deadline_text(dt.date(NEXT, 1, 8), calendar) == f"{NEXT}-01-08"
    enter_day(dt.date(NEXT, 1, 2), True, "本中心安排上班", desk.who, desk.now())
    assert load_calendar().is_workday(dt.date(NEXT, 1, 2))
