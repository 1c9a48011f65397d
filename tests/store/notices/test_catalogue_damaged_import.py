"""A damaged catalogue file is refused by the import and changes nothing in the books."""

from __future__ import annotations

import pytest

from dutydesk.domain.catalogue import CatalogueError
from tests.domain.test_import_guard import _catalogue


def test_a_damaged_catalogue_file_changes_nothing(desk, tmp_path):
    from dutydesk.store.notices import catalogue

    catalogue.seed_default_catalogue(desk.who, desk.now())
    before = [item.to_dict() for item in catalogue.current_items()]
    path = tmp_path / "目录.json"
    path.write_text(_catalogue(fee={"amount": "NaN", "basis": "文件"}), encoding="utf-8")
    with pytest.raises(CatalogueError, match="不是有效的数字"):
        catalogue.read_import(path)
    assert [item.to_dict() for item in catalogue.current_items()] == before
