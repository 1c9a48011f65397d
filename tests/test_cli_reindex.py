"""``dutydesk reindex``: books from before polyphonic initials (issue 15 point 7) find a resident by
every reading's initials once it has run, in the resident lookup and in 档案查询."""

from __future__ import annotations

import pytest

from dutydesk.cli import main
from dutydesk.store.search_index import search
from dutydesk.store.search_rebuild import reindex_all
from dutydesk.store.visits.resident_lookup import lookup
from dutydesk.store.visits.residents import Resident, ResidentData, create_resident


def found_in_archive(query: str, resident_id: int) -> bool:
    return any(hit.ref_table == "resident" and hit.ref_id == resident_id for hit in search(query))


def test_reindex_refreshes_old_initials_and_the_search_keys(desk, folder, capsys):
    person = create_resident(ResidentData("朝阳"), desk.who, desk.now())
    Resident.update(name_initials="cy").where(Resident.id == person.id).execute()  # as books before the change
    reindex_all()
    assert not found_in_archive("zy", person.id)
    assert person.id not in [m.resident.id for m in lookup("zy")]

    assert main(["--data-dir", str(folder.path), "reindex"]) == 0
    assert "已更新 1 名群众的拼音首字母" in capsys.readouterr().out
    assert person.id in [m.resident.id for m in lookup("zy")]
    assert found_in_archive("zy", person.id) and found_in_archive("cy", person.id)

    assert main(["--data-dir", str(folder.path), "reindex"]) == 0  # once more: nothing left to change
    assert "已更新 0 名群众的拼音首字母" in capsys.readouterr().out


def test_reindex_is_listed_in_the_chinese_help(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")  # the help line unwrapped
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "reindex" in out and "重建档案检索索引" in out
