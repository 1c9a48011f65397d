"""The service catalogue's rules: the shipped template, checklist outcomes, fees, search, diff."""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from dutydesk.domain.catalogue import (
    CatalogueError,
    Outcome,
    ServiceItem,
    Tick,
    check_fee,
    decide,
    describe_diff,
    diff_catalogues,
    dump_catalogue,
    matches,
    parse_catalogue,
    pinyin_initials,
)
from dutydesk.resources_path import resource_path


@pytest.fixture(scope="module")
def items() -> list[ServiceItem]:
    return parse_catalogue(resource_path("catalogue", "default_catalogue.json").read_text(encoding="utf-8"))


def by_code(items, code) -> ServiceItem:
    return next(i for i in items if i.code == code)


def test_p01_default_catalogue_covers_the_typical_proxy_items(items):
    """P01: the shipped template has every typical proxy item and the consultation services."""
    names = " ".join(i.name for i in items)
    for word in ("养老保险", "医疗保险", "户口迁移", "最低生活保障", "建房", "补贴", "党员组织关系", "临时救助",
                 "医疗救助", "生育", "独生子女", "流动人口婚育", "奖励扶助", "林木采伐", "法律咨询", "政策咨询",
                 "农业技术", "就业"):
        assert word in names, word
    assert len(items) >= 20
    assert {i.kind for i in items} == {"代办", "咨询", "公益联系"}


def test_default_catalogue_is_marked_as_a_template():
    doc = json.loads(resource_path("catalogue", "default_catalogue.json").read_text(encoding="utf-8"))
    assert "模板" in doc["title"] and "核对" in doc["template_notice"]


def test_every_proxy_item_says_what_to_bring_and_where_it_goes(items):
    """N01: every proxy item tells conditions, materials, steps and the handling unit at once."""
    for item in items:
        if item.kind == "代办":
            assert item.materials and item.steps and item.unit.name, item.code


def test_n02_all_materials_on_a_proxy_item_is_accepted(items):
    item = by_code(items, "SB-01")
    result = decide(item, [Tick(m, True, 2) for m in item.materials])
    assert result.outcome is Outcome.ACCEPT_PROXY and result.missing == ()
    assert sum(t.pages for t in result.received) == 2 * len(item.materials)


def test_n02_all_materials_on_an_on_the_spot_item_is_done_now(items):
    item = by_code(items, "CW-01")
    assert item.done_on_spot
    assert decide(item, [Tick(m, True, 1) for m in item.materials]).outcome is Outcome.DONE_NOW


def test_n03_missing_materials_lists_exactly_the_unticked_ones(items):
    item = by_code(items, "SB-01")
    ticks = [Tick(m, i in (0, 2), 1) for i, m in enumerate(item.materials)]
    result = decide(item, ticks)
    assert result.outcome is Outcome.MISSING
    assert [m.name for m in result.missing] == [item.materials[1].name, item.materials[3].name]


def test_n04_not_eligible_needs_a_reason(items):
    item = by_code(items, "SJ-01")
    with pytest.raises(CatalogueError, match="原因"):
        decide(item, [], eligible=False, reason="  ")
    result = decide(item, [], eligible=False, reason="家庭人均收入高于低保标准")
    assert result.outcome is Outcome.NOT_ELIGIBLE and "低保标准" in result.reason


def test_p07_free_item_refuses_any_fee(items):
    item = by_code(items, "SB-01")
    assert item.fee.is_free
    assert check_fee(item, "0") == ""
    assert "不收取任何费用" in check_fee(item, "5")


def test_p07_only_the_statutory_fee_may_be_recorded(items):
    item = by_code(items, "HJ-02")
    assert item.fee.value == Decimal("20") and item.fee.basis
    assert check_fee(item, "20") == ""
    assert check_fee(item, "20.00") == ""
    assert "20元" in check_fee(item, "30")
    assert "数字" in check_fee(item, "二十")


def test_p07_a_fee_without_statutory_basis_is_refused_in_the_catalogue(items):
    data = by_code(items, "SB-01").to_dict()
    data["fee"] = {"amount": "10", "basis": ""}
    with pytest.raises(CatalogueError, match="收费依据"):
        ServiceItem.from_dict(data)


def test_search_by_name_code_and_pinyin_initials(items):
    item = by_code(items, "SB-01")
    assert pinyin_initials("养老保险") == "ylbx"
    for query in ("养老", "ylbx", "YLBX", "cxjm", "sb-01"):
        assert matches(item, query), query
    assert not matches(item, "dbsq")


def test_item_round_trips_through_json(items):
    for item in items:
        assert ServiceItem.from_json(item.to_json()) == item
    assert parse_catalogue(dump_catalogue(items)) == sorted(items, key=lambda i: i.code)


def test_diff_shows_added_changed_and_removed(items):
    data = by_code(items, "SB-01").to_dict()
    data["materials"] = [*data["materials"], {"name": "村委会证明", "form": "原件", "copies": 1, "note": ""}]
    changed = ServiceItem.from_dict(data)
    added = ServiceItem.from_dict({**data, "code": "XX-01", "name": "新事项"})
    incoming = [changed if i.code == "SB-01" else i for i in items if i.code != "ZX-04"] + [added]
    diff = diff_catalogues(items, incoming)
    assert [i.code for i in diff.added] == ["XX-01"]
    assert [i.code for i in diff.removed] == ["ZX-04"]
    assert [(c.new.code, c.fields) for c in diff.changed] == [("SB-01", ("materials",))]
    lines = describe_diff(diff)
    assert "新增：XX-01 新事项" in lines and any("＋材料：村委会证明" in line for line in lines)
    assert any(line.startswith("停用：ZX-04") for line in lines)
    assert diff_catalogues(items, items).is_empty


@pytest.mark.parametrize("text, message", [
    ("not json", "JSON"),
    ('{"format": "other"}', "不是值班台"),
    ('{"format": "dutydesk-catalogue", "format_version": 1, "items": []}', "没有任何事项"),
    ('{"format": "dutydesk-catalogue", "format_version": 1, "items": [{"code": "A", "name": "x", "kind": "乱"}]}',
     "类别"),
    ('{"format": "dutydesk-catalogue", "format_version": 1, "items": [{"code": "A", "name": "x", "kind": "咨询",'
     ' "materials": [{"name": "m", "copies": 0}]}]}', "份数"),
])
def test_malformed_catalogue_is_refused_with_a_clear_message(text, message):
    with pytest.raises(CatalogueError, match=message):
        parse_catalogue(text)


def test_duplicate_codes_are_refused(items):
    text = dump_catalogue([items[0], items[0]])
    with pytest.raises(CatalogueError, match="重复"):
        parse_catalogue(text)


def test_shipped_catalogue_file_is_valid_json_utf8():
    path = Path(resource_path("catalogue", "default_catalogue.json"))
    assert json.loads(path.read_bytes().decode("utf-8"))["format"] == "dutydesk-catalogue"
