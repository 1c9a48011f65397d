"""Pinyin initials of names with several readings (朝 z/c, 行 x/h, 单 d/s/c, 曾 z/c)."""

from __future__ import annotations

from dutydesk.domain.name_initials import MAX_VARIANTS, char_initials, default_initials, initials_variants


def test_polyphonic_characters_give_every_initial():
    assert set(char_initials("朝")) == {"z", "c"}
    assert set(char_initials("行")) == {"x", "h"}
    assert set(char_initials("单")) == {"d", "s", "c"}
    assert set(char_initials("曾")) == {"z", "c"}
    assert char_initials("张") == ("z",)


def test_surname_table_decides_the_default():
    assert initials_variants("单田芳")[0] == "stf"
    assert set(initials_variants("单田芳")) == {"stf", "dtf", "ctf"}
    assert default_initials("曾小贤") == "zxx"
    assert default_initials("张三") == "zs"
    assert initials_variants("张三") == ["zs"]


def test_every_reading_of_a_given_name():
    assert set(initials_variants("朝阳")) == {"zy", "cy"}
    assert set(initials_variants("刘行")) == {"lx", "lh"}


def test_latin_letters_and_empty_names():
    assert initials_variants("Tom李") == ["toml"]
    assert initials_variants("  ") == []
    assert default_initials("") == ""


def test_variants_are_capped_and_each_reading_comes_before_combinations():
    name = "单朝行重曾长"  # 3*2*2*3*2*2 = 144 combinations
    variants = initials_variants(name)
    assert len(variants) == MAX_VARIANTS == 16
    assert len(set(variants)) == len(variants)
    usual = variants[0]
    # every single other reading of every character is indexed before pairs of them
    singles = {v for v in variants if sum(a != b for a, b in zip(v, usual, strict=True)) == 1}
    assert len(singles) == 2 + 1 + 1 + 2 + 1 + 1
    assert initials_variants(name, cap=4) == variants[:4]
