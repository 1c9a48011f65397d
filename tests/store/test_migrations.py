"""Migrations: from an empty file, from every earlier version, and models matching the schema."""

import sqlite3

import pytest
from peewee import SqliteDatabase

from dutydesk.store import migrations
from dutydesk.store.base import BaseModel, connect
from dutydesk.store.migrations import MIGRATIONS, SchemaError, migrate, schema_version


def schema(db: SqliteDatabase) -> set[tuple]:
    rows = db.execute_sql(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchall()
    # Normalise whitespace so formatting differences do not count.
    return {(t, n, tb, " ".join((s or "").split())) for t, n, tb, s in rows}


def fresh(path) -> SqliteDatabase:
    db = connect(path)
    migrate(db)
    return db


def test_migrations_are_numbered_and_unique():
    numbers = [int(name[1:5]) for name in MIGRATIONS]
    assert numbers == sorted(numbers)
    assert len(set(numbers)) == len(numbers)
    assert MIGRATIONS[0] == "m0001_foundation"


def test_empty_file_migrates_to_latest(tmp_path):
    db = fresh(tmp_path / "a.sqlite3")
    assert schema_version(db) == int(MIGRATIONS[-1][1:5])
    assert migrate(db) == []  # idempotent: nothing left to run
    db.close()


@pytest.mark.parametrize("upto", range(len(MIGRATIONS)))
def test_each_earlier_version_upgrades_to_the_same_schema(tmp_path, upto):
    """A data folder made by any earlier release opens in this one, without loss."""
    reference = fresh(tmp_path / "ref.sqlite3")
    expected = schema(reference)
    reference.close()

    old = connect(tmp_path / "old.sqlite3")
    migrate(old, upto=MIGRATIONS[upto])
    assert schema_version(old) == int(MIGRATIONS[upto][1:5])
    # A row written by the old version survives the upgrade.
    old.execute_sql(
        "INSERT INTO audit_entry (at, account, table_name, record_id, action) "
        "VALUES ('2026-01-05T09:00:00', '旧版', 'center_profile', 1, 'create')"
    )
    migrate(old)
    assert schema(old) == expected
    assert old.execute_sql("SELECT account FROM audit_entry").fetchall() == [("旧版",)]
    old.close()


def test_every_model_matches_its_migrated_table(tmp_path):
    from dutydesk.store import features  # noqa: F401  (imports every model)

    db = fresh(tmp_path / "m.sqlite3")
    models = []
    stack = list(BaseModel.__subclasses__())
    while stack:
        model = stack.pop()
        stack.extend(model.__subclasses__())
        if not getattr(model._meta, "abstract", False):
            models.append(model)
    assert models
    for model in models:
        table = model._meta.table_name
        columns = {c.name for c in db.get_columns(table)}
        assert columns, f"table {table} missing"
        wanted = {f.column_name for f in model._meta.sorted_fields}
        assert wanted <= columns, f"{table}: model columns {wanted - columns} not in migration"
    db.close()


def test_database_from_a_newer_release_is_refused(tmp_path):
    db = fresh(tmp_path / "n.sqlite3")
    db.execute_sql("INSERT INTO schema_migration VALUES ('m9999_future', '2030-01-01')")
    with pytest.raises(SchemaError, match="更新版本"):
        migrate(db)
    db.close()


def test_failed_migration_rolls_back_completely(tmp_path, monkeypatch):
    db = connect(tmp_path / "f.sqlite3")

    def broken(database):
        database.execute_sql("CREATE TABLE half_done (id INTEGER)")
        raise sqlite3.OperationalError("boom")

    monkeypatch.setattr(migrations, "_load", lambda name: broken)
    with pytest.raises(sqlite3.OperationalError):
        migrate(db)
    tables = {r[0] for r in db.execute_sql("SELECT name FROM sqlite_master")}
    assert "half_done" not in tables
    assert migrations.applied(db) == []
    db.close()
