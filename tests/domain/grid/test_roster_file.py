"""Reading the village's 花名册 (G02): header below title rows, synonyms, 15-digit IDs upgraded,
rare characters kept, every faulty row named by its spreadsheet row number and why."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from dutydesk.domain.grid.key_persons import DEFAULT_TAGS
from dutydesk.domain.grid.roster_file import (
    HEAD,
    MAX_ROWS,
    RELATION_WORDS,
    RosterFileError,
    map_columns,
    map_tags,
    read_roster,
    relation_word,
)
from tests.roster_helpers import (
    FAULTY,
    GOOD_ROWS,
    LI_18,
    ROWS,
    WANG_ID,
    write_csv,
    write_roster,
)

TODAY = dt.date(2026, 11, 24)


def _read(path):
    return read_roster(path, TODAY, DEFAULT_TAGS)


def test_g02_header_found_below_title_rows_and_synonyms_mapped(tmp_path):
    roster = _read(write_roster(tmp_path / "r.xlsx"))
    assert roster.header_row == 3
    assert roster.columns == {"head_name": "户主姓名", "name": "姓名", "relation": "与户主关系",
                              "id_number": "公民身份号码", "phone": "联系电话", "village_group": "组别",
                              "address": "家庭住址", "tags": "人员类别"}
    assert roster.ignored_columns == ["序号", "备注"]


def test_g02_each_faulty_row_is_named_by_its_row_number_and_why(tmp_path):
    roster = _read(write_roster(tmp_path / "r.xlsx"))
    assert [r.row for r in roster.rows] == GOOD_ROWS
    assert {p.row: p for p in roster.problems}.keys() == FAULTY.keys()
    for problem in roster.problems:
        assert FAULTY[problem.row] in problem.message, problem.text
        assert problem.text.startswith(f"第{problem.row}行")
    assert next(p for p in roster.problems if p.row == 7).text.startswith("第7行（赵六）：")


def test_g02_v09_15_digit_ids_upgraded_rare_characters_and_full_width_phones(tmp_path):
    rows = {r.row: r for r in _read(write_roster(tmp_path / "r.xlsx")).rows}
    assert rows[4].name == "王𠀀" and rows[5].name == "李堃" and rows[6].name == "王喆"
    assert rows[4].id_number == WANG_ID and not rows[4].upgraded
    assert rows[5].id_number == LI_18 and len(LI_18) == 18 and rows[5].upgraded
    assert rows[4].phones == ["13812340001"]  # spaces between groups
    assert rows[12].phones == ["13900001111"]  # full-width digits (V09)


def test_g02_members_join_their_heads_household(tmp_path):
    rows = {r.row: r for r in _read(write_roster(tmp_path / "r.xlsx")).rows}
    assert rows[4].relation == HEAD and rows[4].head_row == 4
    assert (rows[5].relation, rows[5].head_row) == ("配偶", 4)
    assert (rows[6].relation, rows[6].head_row) == ("子", 4)
    assert (rows[13].relation, rows[13].head_row) == ("孙子女", 12)  # blank 户主: the head above


def test_g02_tags_mapped_to_the_key_person_tags(tmp_path):
    rows = {r.row: r for r in _read(write_roster(tmp_path / "r.xlsx")).rows}
    assert rows[4].tags == ["低保户"]
    assert rows[12].tags == ["残疾人", "五保户"]
    assert (rows[6].tags, rows[6].other_tags) == (["留守儿童"], ["读书"])
    assert map_tags("孤寡、大病，信访", DEFAULT_TAGS) == (["孤寡老人", "大病", "信访户"], [])


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk"])
def test_g02_csv_in_utf8_and_gbk(tmp_path, encoding):
    rows = [[1, "张堃", "张堃", "户主", WANG_ID, "13812340001", "一组", "一组1号", "低保户"]]
    roster = _read(write_csv(tmp_path / "r.csv", encoding, rows))
    assert roster.header_row == 2
    assert [(r.row, r.name, r.id_number, r.tags) for r in roster.rows] == [(3, "张堃", WANG_ID, ["低保户"])]


def test_g02_rare_character_outside_gbk_survives_a_utf8_csv(tmp_path):
    rows = [[1, "王𠀀", "王𠀀", "户主", WANG_ID, "", "", "", ""]]
    roster = _read(write_csv(tmp_path / "r.csv", "utf-8", rows))
    assert roster.rows[0].name == "王𠀀"


def test_g02_an_id_stored_by_excel_as_a_number_is_refused_not_guessed(tmp_path):
    rows = [[1, "王五", "王五", "户主", int(WANG_ID[:17] + "0"), "", "", "", ""]]
    roster = _read(write_roster(tmp_path / "r.xlsx", rows))
    assert roster.rows == []
    assert "存成了数字" in roster.problems[0].message


def test_g02_same_name_and_phone_twice_without_id(tmp_path):
    rows = [[1, "钱十", "钱十", "户主", "", "13900001111"], [2, "钱十", "钱十", "户主", "", "13900001111"]]
    roster = _read(write_roster(tmp_path / "r.xlsx", rows))
    assert [p.text for p in roster.problems] == ["第5行（钱十）：姓名和电话与第4行相同"]


def test_g02_relations_map_to_the_household_words():
    from dutydesk.store.grid.household import RELATIONS

    assert set(RELATION_WORDS) == set(RELATIONS)
    assert relation_word("本人") == HEAD
    assert relation_word("次女") == "女"
    assert relation_word("儿媳") == "其他"
    assert relation_word(" ") is None


def test_g02_headers_compared_without_stars_spaces_and_notes():
    columns, ignored = map_columns(["* 姓 名", "身份证号（18位）", "手机号：", "户别"])
    assert columns == {"name": 0, "id_number": 1, "phone": 2}
    assert ignored == ["户别"]


@pytest.mark.parametrize("name, data, message", [
    ("r.xls", b"x", ".xlsx 或 .csv"),
    ("r.xlsx", b"not a zip", "无法读取"),
    ("r.csv", b"", "空的"),
    ("r.csv", b"a,b\n1,2\n", "找不到表头"),
    ("r.csv", "姓名,身份证号\n张三,1".encode("utf-16"), "编码|找不到表头"),
])
def test_g02_unreadable_files_get_one_chinese_sentence(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(RosterFileError, match=message):
        _read(path)


def test_g02_import_guard_refuses_an_absurdly_long_file(tmp_path, monkeypatch):
    import dutydesk.domain.grid.roster_file as roster_file

    monkeypatch.setattr(roster_file, "MAX_ROWS", 5)
    with pytest.raises(RosterFileError, match="超过 5 行"):
        _read(write_roster(tmp_path / "r.xlsx"))
    assert MAX_ROWS >= 10_000


def test_g02_import_guard_names_a_row_with_a_control_character(tmp_path):
    rows = [[1, "王五", "王五\x07", "户主"]]
    roster = _read(write_csv(tmp_path / "r.csv", "utf-8", rows))
    assert roster.problems[0].row == 3 and "无法识别的字符" in roster.problems[0].message


def test_g02_roster_reads_only_the_first_sheet_in_read_only_mode(tmp_path):
    path = write_roster(tmp_path / "r.xlsx")
    book = openpyxl.load_workbook(path)
    other = book.create_sheet("说明")
    other.append(["姓名", "身份证号"])
    other.append(["不该导入", WANG_ID])
    book.save(path)
    assert "不该导入" not in [r.name for r in _read(path).rows]
    assert len(ROWS) == 10


def test_g02_repeated_headers_and_numbered_blank_rows_are_no_people(tmp_path):
    from tests.roster_helpers import HEADER

    blank_but_a_note = [3, *[None] * 8, "空行"]
    rows = [[1, "王五", "王五", "户主", WANG_ID], HEADER, [2], blank_but_a_note]
    roster = _read(write_roster(tmp_path / "r.xlsx", rows))
    assert [r.name for r in roster.rows] == ["王五"]
    assert roster.problems == []
