"""Issue 16: the 12-digit statistical division code (统计用区划代码) beside the township name."""

from __future__ import annotations

import pytest

from dutydesk.domain.center import validate_center
from dutydesk.domain.division_code import DivisionCodeError, parse_division_code
from tests.conftest import TEST_CENTER


@pytest.mark.parametrize("text, code", [
    ("350425100201", "350425100201"),
    ("350425100000", "350425100000"),  # a township: the village part zero-padded
    ("350000000000", "350000000000"),  # a province
    ("３５０４２５ １００２０１", "350425100201"),  # full-width, a space typed
])
def test_valid_codes_in_normal_form(text, code):
    assert parse_division_code(text) == code


@pytest.mark.parametrize("text, message", [
    ("", "请填写"),
    ("35042510020", "应为12位数字，现在是11位"),
    ("35042510020A", "只能是数字"),
    ("000425100201", "不能为00"),
    ("350400100201", "层级不对"),  # no county but a township below it
])
def test_invalid_codes_get_a_chinese_message(text, message):
    with pytest.raises(DivisionCodeError, match=message):
        parse_division_code(text)


def test_profile_checks_the_code_when_given():
    import dataclasses

    errors = validate_center(dataclasses.replace(TEST_CENTER, division_code="12345"))
    assert "division_code" in errors and "12位" in errors["division_code"]
    assert "division_code" not in validate_center(dataclasses.replace(TEST_CENTER, division_code="350425100201"))
