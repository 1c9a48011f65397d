"""Demo data generation into a data folder: deterministic and never over real books."""

import pytest

from dutydesk.commands.demo import fill_demo_folder
from dutydesk.domain.clock import FixedClock
from dutydesk.store.base import connect
from dutydesk.store.datafolder import DataFolder, DeskError
from dutydesk.store.integrity import user_tables
from tests.conftest import DEFAULT_NOW


def dump(folder: DataFolder) -> dict[str, list]:
    db = connect(folder.db_path)
    try:
        skip = {"schema_migration"}
        out = {}
        for table in user_tables(db):
            if table in skip or "_fts" in table:
                continue
            cols = [c.name for c in db.get_columns(table)]
            # timestamps of when the generator ran are not part of the generated content
            keep = [c for c in cols if c not in ("applied_at",)]
            out[table] = db.execute_sql(
                f'SELECT {", ".join(keep)} FROM "{table}" ORDER BY 1'
            ).fetchall()
        return out
    finally:
        db.close()


def test_demo_is_deterministic_for_a_seed(tmp_path):
    a, b = DataFolder(tmp_path / "a"), DataFolder(tmp_path / "b")
    fill_demo_folder(a, seed=5, days=14, scale=0.1, clock=FixedClock(DEFAULT_NOW))
    fill_demo_folder(b, seed=5, days=14, scale=0.1, clock=FixedClock(DEFAULT_NOW))
    assert a.is_demo() and b.is_demo()
    assert dump(a) == dump(b)


def test_demo_refuses_a_folder_with_real_data(desk):
    with pytest.raises(DeskError, match="正式数据"):
        fill_demo_folder(desk.folder, seed=1, days=7, scale=0.1)


def test_cancelled_generation_leaves_no_half_filled_books(tmp_path):
    from dutydesk.demo.generate import DemoCancelled

    folder = DataFolder(tmp_path / "c")
    calls = []

    def cancel_after_first_step():
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(DemoCancelled):
        fill_demo_folder(folder, seed=1, days=7, scale=0.1, cancelled=cancel_after_first_step)
    assert not folder.db_path.exists()
