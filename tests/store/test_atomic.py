"""Files appear complete under their final name or not at all."""

import pytest

from dutydesk.store.atomic import atomic_path, atomic_write


def test_complete_write_appears_under_final_name(tmp_path):
    target = tmp_path / "out" / "台账.xlsx"
    with atomic_write(target) as fh:
        fh.write(b"data")
    assert target.read_bytes() == b"data"
    assert list(target.parent.iterdir()) == [target]


def test_failure_half_way_leaves_nothing(tmp_path):
    target = tmp_path / "台账.pdf"
    target.write_bytes(b"old complete file")
    with pytest.raises(OSError), atomic_write(target) as fh:
        fh.write(b"half")
        raise OSError(28, "No space left on device")
    assert target.read_bytes() == b"old complete file"  # the previous file is untouched
    assert [p.name for p in tmp_path.iterdir()] == ["台账.pdf"]


def test_atomic_path_for_libraries(tmp_path):
    target = tmp_path / "a.txt"
    with atomic_path(target) as tmp:
        assert tmp != target
        tmp.write_text("ok", encoding="utf-8")
        assert not target.exists()
    assert target.read_text(encoding="utf-8") == "ok"
