"""The figures a bundle carried are read by that bundle (``village_tally.month_tally``: the newest
bundle's tally or quota lines); without an index each read scanned every village's figures of every
month, which made the 镇级汇总表 over a township's year slow on both engines (issue 16 point 9)."""

from peewee import Database


def statements(db: Database) -> list[str]:
    return ["CREATE INDEX village_tally_bundle ON village_tally (bundle_import_id, kind)"]


def apply(db: Database) -> None:
    for sql in statements(db):
        db.execute_sql(sql)
