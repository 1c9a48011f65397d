"""ID numbers per GB 11643 (issue 4): check digit, 15-digit upgrade, lower-case x, impossible dates."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.domain.idcard import IdNumberError, check_digit, parse_id_number

TODAY = dt.date(2026, 11, 24)
VALID = "11010519491231002X"


def test_valid_18_digit_with_birth_and_gender():
    parsed = parse_id_number(VALID, TODAY)
    assert parsed.number == VALID
    assert parsed.birth_date == dt.date(1949, 12, 31)
    assert parsed.gender == "女"
    assert parsed.masked() == "110105********002X"


def test_lower_case_x_is_accepted():
    assert parse_id_number(VALID.lower(), TODAY).number == VALID


def test_wrong_check_digit():
    with pytest.raises(IdNumberError, match="校验位"):
        parse_id_number(VALID[:-1] + "1", TODAY)


def test_15_digit_is_upgraded():
    parsed = parse_id_number("110105491231002", TODAY)
    assert parsed.number == "11010519491231002" + check_digit("11010519491231002")
    assert parsed.birth_date == dt.date(1949, 12, 31)


@pytest.mark.parametrize("first17", ["11010519490230002", "11010520301231002", "11010518001231002"])
def test_impossible_birth_dates(first17):
    with pytest.raises(IdNumberError, match="出生日期"):
        parse_id_number(first17 + check_digit(first17), TODAY)


def test_wrong_length():
    with pytest.raises(IdNumberError, match="18位"):
        parse_id_number("1234", TODAY)
