"""Each cadre's progress board: required, done, unvisited households, and colours moving with
the clock (G03, G04)."""

import datetime as dt

from dutydesk.store.duty.staff import StaffInput, add_staff
from dutydesk.store.grid import quota
from dutydesk.store.grid.household_visit import HouseholdVisitDraft, record_household_visit
from dutydesk.store.grid.pairing import ASSISTANCE, MENTORING, pair
from dutydesk.store.grid.quota import board, cadre_progress


def _visit(desk, village, staff, household, day, kind="走访"):
    record_household_visit(HouseholdVisitDraft(day, household.id, [staff.id], kind, "情况正常"),
                           desk.who, desk.now(), desk.calendar())


def _line(progress, start):
    return next(line for line in progress.lines if line.label.startswith(start))


def test_g03_other_cadre_twice_a_year_colour_moves_with_the_clock(desk, village, clock):
    clock.set(dt.datetime(2026, 1, 10, 9, 0))
    progress = cadre_progress(village.member, "year", desk.today(), desk.calendar())
    line = _line(progress, "每年走访责任片内每户不少于2次")
    assert (line.required, line.done, line.status) == (4, 0, "ok")  # early January: nothing due yet
    clock.set(dt.datetime(2026, 5, 1, 9, 0))  # a third of the year gone, nothing done
    line = _line(cadre_progress(village.member, "year", desk.today(), desk.calendar()), "每年走访")
    assert line.status == "far_behind"
    _visit(desk, village, village.member, village.h1, dt.date(2026, 4, 30))
    line = _line(cadre_progress(village.member, "year", desk.today(), desk.calendar()), "每年走访")
    assert (line.done, line.status) == (1, "ok")  # 1 of 4 by May keeps pace
    clock.set(dt.datetime(2026, 9, 1, 9, 0))
    line = _line(cadre_progress(village.member, "year", desk.today(), desk.calendar()), "每年走访")
    assert line.status == "behind"  # two thirds of the year gone: 2 are due by now
    _visit(desk, village, village.member, village.h2, dt.date(2026, 9, 1))
    line = _line(cadre_progress(village.member, "year", desk.today(), desk.calendar()), "每年走访")
    assert (line.done, line.status) == (2, "ok")
    clock.set(dt.datetime(2026, 12, 31, 17, 0))
    line = _line(cadre_progress(village.member, "year", desk.today(), desk.calendar()), "每年走访")
    assert line.status == "far_behind"  # the year is ending with each household visited once


def test_g03_main_cadre_ten_households_a_month(desk, village, clock):
    clock.set(dt.datetime(2026, 11, 15, 9, 0))
    _visit(desk, village, village.secretary, village.h1, dt.date(2026, 11, 3))
    _visit(desk, village, village.secretary, village.h1, dt.date(2026, 11, 4))  # same household: counted once
    progress = cadre_progress(village.secretary, "month", desk.today(), desk.calendar())
    line = _line(progress, "每月入户走访不少于10户")
    assert (line.required, line.done, line.status) == (10, 1, "far_behind")
    assert [u.household.code for u in progress.unvisited] == ["H0002"]


def test_g03_unvisited_households_longest_first(desk, village, clock):
    clock.set(dt.datetime(2026, 11, 15, 9, 0))
    _visit(desk, village, village.member, village.h1, dt.date(2026, 9, 3))
    _visit(desk, village, village.member, village.h2, dt.date(2026, 10, 3))
    progress = cadre_progress(village.member, "month", desk.today(), desk.calendar())
    assert [(u.household.code, u.last_visit) for u in progress.unvisited] == [
        ("H0001", dt.date(2026, 9, 3)), ("H0002", dt.date(2026, 10, 3))]
    assert progress.unvisited[0].days_since(desk.today()) == 73


def test_g04_paired_household_visited_monthly_and_mentoring(desk, village, clock):
    clock.set(dt.datetime(2026, 11, 20, 9, 0))
    progress = cadre_progress(village.clerk, "month", desk.today(), desk.calendar())
    assert _line(progress, "结对帮扶困难户不少于1户").status == "far_behind"
    pair(village.clerk, village.h1, ASSISTANCE, dt.date(2026, 10, 1), desk.who, desk.now())
    pair(village.clerk, village.h2, MENTORING, dt.date(2026, 10, 1), desk.who, desk.now())
    progress = cadre_progress(village.clerk, "month", desk.today(), desk.calendar())
    assert _line(progress, "结对帮扶困难户").status == "ok"
    monthly = _line(progress, "结对帮扶户每月至少走访1次")
    assert (monthly.required, monthly.done, monthly.status) == (1, 0, "ok")  # still due this month
    clock.set(dt.datetime(2026, 11, 30, 17, 0))
    progress = cadre_progress(village.clerk, "month", desk.today(), desk.calendar())
    assert _line(progress, "结对帮扶户每月").status == "far_behind"  # the month ends without a visit
    assert _line(progress, "联系帮带农户3—5户").status == "behind"  # one is fewer than three
    _visit(desk, village, village.clerk, village.h1, dt.date(2026, 11, 19), "结对帮扶")
    progress = cadre_progress(village.clerk, "month", desk.today(), desk.calendar())
    assert _line(progress, "结对帮扶户每月").status == "ok"


def test_g04_assistance_only_for_a_household_in_difficulty(desk, village):
    import pytest

    from dutydesk.store.grid.pairing import PairingInvalid

    with pytest.raises(PairingInvalid) as caught:
        pair(village.clerk, village.h2, ASSISTANCE, desk.today(), desk.who, desk.now())
    assert "生活困难群众" in caught.value.errors["household"]


def test_g03_board_lists_cadres_furthest_behind_first(desk, village, clock):
    clock.set(dt.datetime(2026, 11, 20, 9, 0))
    names = [p.staff.name for p in board("month", desk.today(), desk.calendar())]
    assert set(names) == {"王书记", "赵委员", "李文书"}


def test_g03_township_cadre_every_household_each_quarter(desk, village, clock):
    from dutydesk.store.duty.staff import StaffInput, add_staff

    stationed = add_staff(StaffInput("孙选派", "选派干部", "13900000009", active_from=dt.date(2025, 1, 1)),
                          desk.who, desk.now())
    clock.set(dt.datetime(2026, 12, 31, 17, 0))
    _visit(desk, village, stationed, village.h1, dt.date(2026, 11, 3))
    _visit(desk, village, stationed, village.h1, dt.date(2026, 12, 3))  # the same household twice
    progress = cadre_progress(stationed, "month", desk.today(), desk.calendar())
    line = _line(progress, "每季度走访所驻村所有农户")
    assert (line.span.start, line.required, line.done, line.status) == (dt.date(2026, 10, 1), 2, 1, "far_behind")
    year = _line(cadre_progress(stationed, "year", desk.today(), desk.calendar()), "每季度")
    assert (year.required, year.done) == (8, 1)


def test_g03_community_cadres_two_thirds_of_workdays(desk, village, clock):
    import dataclasses

    from dutydesk.store.center import load_center, save_center

    clock.set(dt.datetime(2026, 3, 2, 9, 0))
    assert not any(line.unit == "天" for line in cadre_progress(village.clerk, "year", desk.today(),
                                                                desk.calendar()).lines)
    save_center(dataclasses.replace(load_center(), kind="community"), desk.who, desk.now())
    _visit(desk, village, village.clerk, village.h1, dt.date(2026, 2, 27))
    line = _line(cadre_progress(village.clerk, "year", desk.today(), desk.calendar()), "入户天数不少于全年工作日的2/3")
    workdays = desk.calendar().workdays_between(dt.date(2025, 12, 31), dt.date(2026, 12, 31))
    assert (line.required, line.done, line.unit) == (-(-workdays * 2 // 3), 1, "天")
    assert line.status == "far_behind"


def test_g03_board_reads_the_village_once_and_judges_each_cadre_as_alone(desk, village, clock, monkeypatch):
    """Issue 17: the cadres answer for the same village or parts of it: its households are read once
    per board, and each cadre's lines and unvisited households are those judged on their own (G03, G04)."""
    stationed = add_staff(StaffInput("周干部", "选派干部", "13900000009", active_from=dt.date(2020, 1, 1)),
                          desk.who, desk.now())  # a township cadre: the whole village too
    clock.set(dt.datetime(2026, 11, 15, 9, 0))
    _visit(desk, village, village.secretary, village.h1, dt.date(2026, 11, 3))
    _visit(desk, village, stationed, village.h1, dt.date(2026, 11, 5))
    _visit(desk, village, village.member, village.h2, dt.date(2026, 10, 3))
    alone = {p.staff.id: p for p in (cadre_progress(s, "month", desk.today(), desk.calendar())
                                     for s in (village.secretary, village.member, village.clerk, stationed))}
    reads = []
    real = quota._households
    monkeypatch.setattr(quota, "_households", lambda staff, kind, shared=None: reads.append(shared is None)
                        or real(staff, kind, shared))
    found = board("month", desk.today(), desk.calendar())
    assert reads.count(True) == 1  # the village's households, read once for all its cadres
    assert sorted(p.staff.id for p in found) == sorted(alone)
    for progress in found:
        same = alone[progress.staff.id]
        assert progress.lines == same.lines
        assert [(u.household.code, u.last_visit) for u in progress.unvisited] == [
            (u.household.code, u.last_visit) for u in same.unvisited]
