import pytest

from dutydesk.domain.phone import PhoneError, mask_phone, parse_mobile, parse_phone


def test_mobile_numbers():
    assert parse_mobile(" 138 0013 8000 ") == "13800138000"
    for bad in ("1380013800", "23800138000", "138001380001", "1380013800a"):
        with pytest.raises(PhoneError, match="11位"):
            parse_mobile(bad)


def test_phone_accepts_landline_with_area_code_and_service_numbers():
    assert parse_phone("0571-63281234") == "0571-63281234"
    assert parse_phone("010 88886666") == "010-88886666"  # V09: one canonical form
    assert parse_phone("12345") == "12345"
    with pytest.raises(PhoneError, match="区号"):
        parse_phone("63281234")


def test_v09_masking():
    assert mask_phone("13800138000") == "138****8000"
    assert mask_phone("0571-63281234") == "0571-****1234"
