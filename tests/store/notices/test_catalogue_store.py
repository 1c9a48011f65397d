"""The stored catalogue: versions that never change (N06), export/import with a diff first."""

import json

import pytest

from dutydesk.domain.catalogue import CatalogueError, ServiceItem
from dutydesk.store.audit import AuditEntry
from dutydesk.store.notices import catalogue
from dutydesk.store.notices.catalogue import CatalogueVersion


@pytest.fixture
def seeded(desk):
    count = catalogue.seed_default_catalogue(desk.who, desk.now())
    assert count >= 20
    return desk


def edited(item: ServiceItem, **changes) -> ServiceItem:
    return ServiceItem.from_dict({**item.to_dict(), **changes})


def test_seed_only_fills_an_empty_catalogue(seeded):
    assert catalogue.seed_default_catalogue(seeded.who, seeded.now()) == 0
    assert len(catalogue.current_items()) == len(catalogue.default_items())


def test_n06_edit_makes_a_new_version_and_keeps_the_old_one(seeded):
    v1 = catalogue.current_version("SB-01")
    v2 = catalogue.save_item(edited(v1.item, notes="新的注意事项"), "王书记", seeded.now())
    assert (v1.version, v2.version) == (1, 2)
    assert catalogue.version_by_id(v1.id).item.notes != "新的注意事项"  # the printed version is untouched
    assert catalogue.current_version("SB-01").id == v2.id
    assert [v.version for v in catalogue.history("SB-01")] == [1, 2]
    assert AuditEntry.select().where((AuditEntry.table_name == "catalogue_version")
                                     & (AuditEntry.record_id == v2.id)).exists()


def test_saving_an_unchanged_item_adds_no_version(seeded):
    v1 = catalogue.current_version("SB-01")
    assert catalogue.save_item(v1.item, "王书记", seeded.now()).id == v1.id


def test_retire_keeps_the_versions_and_hides_the_item(seeded):
    with pytest.raises(CatalogueError, match="原因"):
        catalogue.retire_item("ZX-04", "王书记", seeded.now(), " ")
    catalogue.retire_item("ZX-04", "王书记", seeded.now(), "镇里统一办理")
    assert "ZX-04" not in {i.code for i in catalogue.current_items()}
    assert len(catalogue.history("ZX-04")) == 2


def test_search_by_pinyin_initials(seeded):
    assert [v.code for v in catalogue.search("dbsq")] == []
    assert "SJ-01" in [v.code for v in catalogue.search("zdshbz")]


def test_export_import_round_trip_is_equal(seeded, tmp_path):
    path = catalogue.export_catalogue(tmp_path / "目录.json", "青石村")
    before = catalogue.current_items()
    items, diff = catalogue.read_import(path)
    assert diff.is_empty
    assert items == before
    versions = CatalogueVersion.select().count()
    catalogue.apply_import(items, "王书记", seeded.now())
    assert CatalogueVersion.select().count() == versions  # nothing changed, nothing written


def test_import_with_a_changed_item_shows_the_difference_before_applying(seeded, tmp_path):
    path = catalogue.export_catalogue(tmp_path / "目录.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    for raw in doc["items"]:
        if raw["code"] == "SB-01":
            raw["time_limit_days"] = 3
    doc["items"] = [raw for raw in doc["items"] if raw["code"] != "ZX-04"]
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    items, diff = catalogue.read_import(path)
    assert [(c.new.code, c.fields) for c in diff.changed] == [("SB-01", ("time_limit_days",))]
    assert [i.code for i in diff.removed] == ["ZX-04"]
    assert catalogue.current_version("SB-01").item.time_limit_days == 5  # not applied yet
    catalogue.apply_import(items, "王书记", seeded.now(), "镇标准目录")
    assert catalogue.current_version("SB-01").item.time_limit_days == 3
    assert catalogue.current_version("SB-01").note == "导入：镇标准目录"
    assert "ZX-04" not in {i.code for i in catalogue.current_items()}


@pytest.mark.parametrize("content", [b"\xff\xfe garbage", b"{\"format\": \"dutydesk-catalogue\"", b"[]"])
def test_malformed_file_is_refused_and_changes_nothing(seeded, tmp_path, content):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    versions = CatalogueVersion.select().count()
    with pytest.raises(CatalogueError):
        catalogue.read_import(path)
    assert CatalogueVersion.select().count() == versions


def test_n06_a_versions_item_is_parsed_once_and_the_same_for_every_caller(seeded, monkeypatch):
    """Issue 17: the item lists read the whole catalogue on every search; a version row is never
    rewritten (N06), so its item is parsed once and shared (items are frozen)."""
    versions = catalogue.current_versions()
    assert versions
    parses = []
    real = ServiceItem.from_json
    monkeypatch.setattr(ServiceItem, "from_json", classmethod(lambda cls, text: parses.append(1) or real(text)))
    catalogue._parsed.cache_clear()
    first = [v.item for v in catalogue.current_versions()]
    second = [v.item for v in catalogue.search("")]
    assert first == [ServiceItem.from_dict(json.loads(v.data)) for v in versions]
    assert len(parses) == len(versions)  # the search parsed nothing again
    assert [i.code for i in second] == [i.code for i in first]
