import datetime as dt

import pytest

from dutydesk.domain.idcard import IdNumberError, check_digit, parse_id_number, upgrade_15

TODAY = dt.date(2026, 11, 24)


def test_valid_id_gives_birth_date_and_gender():
    # GB 11643 worked example: 11010519491231002X
    parsed = parse_id_number("11010519491231002X", TODAY)
    assert parsed.number == "11010519491231002X"
    assert parsed.birth_date == dt.date(1949, 12, 31)
    assert parsed.gender == "女"


def test_lower_case_x_and_spaces_are_accepted():
    assert parse_id_number(" 11010519491231002x ", TODAY).number == "11010519491231002X"


def test_wrong_check_digit_is_refused_with_chinese_message():
    with pytest.raises(IdNumberError, match="校验位"):
        parse_id_number("110105194912310021", TODAY)


def test_15_digit_id_is_upgraded_to_18():
    upgraded = upgrade_15("110105491231002")
    assert upgraded == "11010519491231002X"
    assert parse_id_number("110105491231002", TODAY).number == upgraded


@pytest.mark.parametrize("birth", ["19490230", "19491301", "20300101", "18500101"])
def test_impossible_birth_dates_are_refused(birth):
    first17 = "110105" + birth + "002"
    with pytest.raises(IdNumberError, match="出生日期"):
        parse_id_number(first17 + check_digit(first17), TODAY)


@pytest.mark.parametrize("raw", ["", "12345", "1101051949123100", "11010519491231002Y", "A10105194912310021"])
def test_malformed_ids_are_refused(raw):
    with pytest.raises(IdNumberError):
        parse_id_number(raw, TODAY)


def test_v09_masked_id_keeps_region_and_last_four():
    assert parse_id_number("11010519491231002X", TODAY).masked() == "110105********002X"
