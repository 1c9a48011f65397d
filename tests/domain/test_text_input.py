"""V09: one normalisation for everything typed, scanned or imported (domain/text_input.py)."""

import datetime as dt

import pytest

from dutydesk.domain.idcard import IdNumberError, normalize_id_number, parse_id_number
from dutydesk.domain.phone import PhoneError, normalize_phone, parse_mobile, parse_phone
from dutydesk.domain.text_input import normalize_compact, normalize_text

TODAY = dt.date(2026, 11, 24)
FULL_WIDTH_ID = "１１０１０５１９４９１２３１００２ｘ"


def test_v09_full_width_letters_digits_and_spaces_become_ascii():
    assert normalize_text("ＡＢＣ\u3000１２３") == "ABC 123"
    assert normalize_text("Ｚｈａｎｇ\u00a0Ｓａｎ") == "Zhang San"


def test_v09_zero_width_and_format_characters_are_dropped():
    assert normalize_text("张\u200b三\u200d\ufeff") == "张三"
    assert normalize_text("138\u200c0013\u2060 8000") == "1380013 8000"


def test_v09_control_characters_are_dropped_and_text_trimmed():
    assert normalize_text("  张三\x07\x00 ") == "张三"
    assert normalize_text("a\tb") == "a b"


def test_v09_single_line_text_turns_line_breaks_into_spaces():
    assert normalize_text("东村\r\n三组\n\n") == "东村 三组"


def test_v09_multiline_free_text_keeps_its_lines_but_not_other_controls():
    raw = "第一行  \r\n第二行\x1b\r\n\n  缩进的第四行\x00\n"
    assert normalize_text(raw, multiline=True) == "第一行\n第二行\n\n  缩进的第四行"


def test_v09_chinese_punctuation_and_signs_are_kept_as_typed():
    text = "你好，世界！（附件①）面积120㎡，体温37℃……"
    assert normalize_text(text) == text


def test_v09_full_width_signs_left_by_full_width_mode_are_folded():
    assert normalize_text("ＳＢ－０１ ５０％ ａ＠ｂ．ｃｎ") == "SB-01 50% a@b.cn"


def test_v09_superscripts_and_radical_look_alikes_fold_to_plain_characters():
    assert normalize_text("¹²³") == "123"
    assert normalize_text("⼈民") == "人民"


def test_v09_plain_ascii_is_only_trimmed():
    assert normalize_text("  zs 138  ") == "zs 138"
    assert normalize_text(None) == ""


def test_v09_compact_form_folds_full_width_signs_and_drops_spaces():
    assert normalize_compact("＋８６ １３８－００１３") == "+86138-0013"


def test_v09_full_width_id_number_is_accepted():
    parsed = parse_id_number(FULL_WIDTH_ID, TODAY)
    assert parsed.number == "11010519491231002X"
    assert normalize_id_number(FULL_WIDTH_ID) == "11010519491231002X"


def test_v09_id_number_with_zero_width_chars_and_group_spaces_is_accepted():
    assert parse_id_number("110105 \u200b19491231 002X", TODAY).number == "11010519491231002X"


def test_v09_superscript_digit_in_id_number_is_normalised_not_a_crash():
    assert parse_id_number("¹10105¹9491231002X", TODAY).number == "11010519491231002X"


def test_v09_other_script_digits_get_a_chinese_message_not_a_crash():
    with pytest.raises(IdNumberError, match="前17位应为数字"):
        parse_id_number("١10105194912310021", TODAY)
    with pytest.raises(IdNumberError, match="15位身份证号码应全部为数字"):
        parse_id_number("١10105491231002", TODAY)


def test_v09_15_digit_full_width_id_is_upgraded():
    assert normalize_id_number("１１０１０５４９１２３１００２") == "11010519491231002X"


def test_v09_text_that_is_no_id_is_kept_normalised():
    assert normalize_id_number(" ａｂｃ ") == "ABC"


@pytest.mark.parametrize("raw", [
    "１３８００１３８０００", "+86 138 0013 8000", "＋８６－１３８００１３８０００", "0086 13800138000",
    "8613800138000", "138-0013-8000", "138\u200b0013 8000",
])
def test_v09_mobiles_are_stored_as_11_digits(raw):
    assert normalize_phone(raw) == "13800138000"
    assert parse_mobile(raw) == "13800138000"
    assert parse_phone(raw) == "13800138000"


@pytest.mark.parametrize("raw", [
    "0571-88886666", "057188886666", "０５７１－８８８８６６６６", "(0571) 8888 6666", "+86 571 88886666",
    "0086-571-88886666",
])
def test_v09_landlines_keep_the_area_code_hyphen(raw):
    assert parse_phone(raw) == "0571-88886666"


def test_v09_three_digit_area_codes_are_recognised():
    assert parse_phone("01088886666") == "010-88886666"
    assert parse_phone("+86 10 8888 6666") == "010-88886666"
    assert parse_phone("０２０８８８８６６６") == "020-8888666"


def test_v09_service_numbers_are_kept():
    assert parse_phone("１２３４５") == "12345"


def test_v09_bad_phones_still_get_the_chinese_message():
    with pytest.raises(PhoneError, match="区号"):
        parse_phone("８８８８６６６６")
    with pytest.raises(PhoneError, match="11位"):
        parse_mobile("+86 1380013800")
    assert normalize_phone("打不通") == "打不通"
    assert normalize_phone("镇民政办 ０５７１－６３２８００００") == "镇民政办 0571-63280000"
