"""V09: phone and ID numbers are recognised in free text however they are written."""

from __future__ import annotations

import pytest

from dutydesk.domain.personal_numbers import digits_of, find_personal_numbers, mask_personal_numbers

WRITTEN_FORMS = [
    # (as typed, kind, masked)
    ("电话13912345678，", "phone", "电话139****5678，"),
    ("139 1234 5678", "phone", "139 **** 5678"),
    ("139-1234-5678", "phone", "139-****-5678"),
    ("139 - 1234 - 5678", "phone", "139 - **** - 5678"),
    ("电话：139\u30001234\u30005678", "phone", "电话：139\u3000****\u30005678"),
    ("+86 139 1234 5678", "phone", "+86 139 **** 5678"),
    ("+8613912345678", "phone", "+86139****5678"),
    ("＋86-139-1234-5678", "phone", "＋86-139-****-5678"),
    ("008613912345678", "phone", "0086139****5678"),
    ("0086 139 1234 5678", "phone", "0086 139 **** 5678"),
    ("１３９１２３４５６７８", "phone", "１３９****５６７８"),
    ("１３９－１２３４－５６７８", "phone", "１３９－****－５６７８"),
    ("座机0571-88886666", "phone", "座机0571-****6666"),
    ("(0571) 8888 6666", "phone", "(0571) **** 6666"),
    ("010-88886666", "phone", "010-****6666"),
    ("电话13912345678x2", "phone", "电话139****5678x2"),
    ("身份证110105199003071234号", "id_number", "身份证110105********1234号"),
    ("11010519900307123X", "id_number", "110105********123X"),
    ("11010519900307123x", "id_number", "110105********123x"),
    ("11010519900307123Ｘ", "id_number", "110105********123Ｘ"),
    ("１１０１０５１９９００３０７１２３Ｘ", "id_number", "１１０１０５********１２３Ｘ"),
    ("110105 19900307 123X", "id_number", "110105 ******** 123X"),
    ("110105-19900307-1234", "id_number", "110105-********-1234"),
    ("老身份证110105900307123", "id_number", "老身份证110105*****7123"),
    # issue 12 audit: invisible characters pasted between the groups, 86 without +, mixed widths
    ("139\u200b1234\u200b5678", "phone", "139\u200b****\u200b5678"),
    ("139\u00ad1234\u00ad5678", "phone", "139\u00ad****\u00ad5678"),
    ("110105\ufeff19900307\ufeff1234", "id_number", "110105\ufeff********\ufeff1234"),
    ("86 139 1234 5678", "phone", "86 139 **** 5678"),
    ("１３９ 1234 ５６７８", "phone", "１３９ **** ５６７８"),
]


@pytest.mark.parametrize(("typed", "kind", "masked"), WRITTEN_FORMS)
def test_v09_every_written_form_is_found_and_masked(typed: str, kind: str, masked: str) -> None:
    spans = find_personal_numbers(typed)
    assert [s.kind for s in spans] == [kind]
    assert mask_personal_numbers(typed) == masked


def test_v09_fifteen_digit_id_split_in_groups_is_masked() -> None:
    masked = mask_personal_numbers("110105 900307 123")
    assert [s.kind for s in find_personal_numbers("110105 900307 123")] == ["id_number"]
    assert digits_of(masked) != "110105900307123"
    assert masked.startswith("110105 ") and masked.endswith("123")


NOT_PERSONAL = [
    "来访编号2026-002682",
    "代办单DB2026-000123",
    "2026-11-24",
    "2026年11月24日 09:30",
    "2026-11-24 09:30:15",
    "收费1380.50元",
    "合计12,345,678.00元",
    "12345 热线",
    "14:30-17:30",
    "20261124",
    "2026-002682、2026-002683",
    "第3组共15人",
]


@pytest.mark.parametrize("text", NOT_PERSONAL)
def test_v09_visit_numbers_dates_money_and_times_survive(text: str) -> None:
    assert find_personal_numbers(text) == []
    assert mask_personal_numbers(text) == text


def test_v09_several_numbers_in_one_text_are_each_masked() -> None:
    text = "来访编号2026-002682 张三13912345678 13812345678，身份证110105199003071234（DB2026-000123）"
    masked = mask_personal_numbers(text)
    assert masked == ("来访编号2026-002682 张三139****5678 138****5678，身份证110105********1234（DB2026-000123）")
    assert [s.kind for s in find_personal_numbers(text)] == ["phone", "phone", "id_number"]


def test_v09_spans_point_into_the_original_text() -> None:
    text = "请回电 139-1234-5678 谢谢"
    (span,) = find_personal_numbers(text)
    assert text[span.start:span.end] == "139-1234-5678"
    assert "".join(text[p] for p in span.hidden) == "1234"


def test_v09_id_with_impossible_birth_date_is_not_an_id() -> None:
    assert find_personal_numbers("110105199013451234") == []


def test_digits_of_normalises_full_width() -> None:
    assert digits_of("１３９-1234 ５６７８") == "13912345678"


def test_empty_text() -> None:
    assert find_personal_numbers("") == []
    assert mask_personal_numbers("") == ""


def test_v09_restore_numbers_puts_back_what_the_operator_left_masked() -> None:
    from dutydesk.domain.personal_numbers import restore_numbers

    original = "回电139 1234 5678，身份证110105199003071234，另＋86 135-1111-2222"
    shown = mask_personal_numbers(original)
    edited = shown.replace("回电", "请回电") + "（已核实）"
    assert restore_numbers(original, edited) == "请" + original + "（已核实）"
    # a number the operator replaced is not brought back
    assert restore_numbers(original, "回电13800000000") == "回电13800000000"
