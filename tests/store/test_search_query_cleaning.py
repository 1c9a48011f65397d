"""Archive queries with control characters: cleaned in the search layer, never an SQLite error."""

from dutydesk.store.search_index import clean_query, search, terms
from dutydesk.store.visits.visit import register_visit
from tests.store.conftest import draft


def test_control_characters_are_dropped_and_line_breaks_become_spaces():
    assert clean_query("张\x00三\r\n低\u200b保\x07") == "张三  低保"
    assert terms("张\x00三\t低保") == ["张三", "低保"]
    assert clean_query("𠀀\ue000") == "𠀀\ue000"  # rare characters (private use too) are kept


def test_a_query_with_nul_finds_the_record(desk):
    register_visit(draft(request="咨询低保续办材料"), desk.who, desk.now(), desk.calendar())
    assert [hit.kind for hit in search("低保\x00续办")] == ["visit"]
    assert [hit.kind for hit in search("\x00低\x00保\x00")] == ["visit"]
