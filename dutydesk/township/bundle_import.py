"""One bundle imported at the township: which village, which month, its hash and its link to the
bundle before (the chain), when, by whom, from where, how many rows, masked or not, and the gap
the clerk confirmed. Append-only (a trigger refuses changes): the township's import log (A01)."""

from __future__ import annotations

from peewee import BooleanField, CharField, DateTimeField, ForeignKeyField, TextField

from dutydesk.township.township_database import TownshipModel
from dutydesk.township.village import Village


class BundleImport(TownshipModel):
    village = ForeignKeyField(Village, backref="imports")
    period = CharField()
    sha256 = CharField(unique=True)
    previous_sha256 = CharField()
    written_at = CharField()  # when the village wrote it (the manifest's word)
    imported_at = DateTimeField()
    imported_by = CharField()
    source = TextField()  # the folder it was read from
    row_counts = TextField()  # JSON: file name → rows
    masked = BooleanField()
    gap = TextField(default="")  # the missing bundles the clerk confirmed importing past


class BundleRefusal(TownshipModel):
    """A bundle refused (tampered, truncated, another key, out of order): logged, nothing applied."""

    source = TextField()
    village_code = CharField(default="")
    period = CharField(default="")
    reason = TextField()
    refused_at = DateTimeField()
    refused_by = CharField()


def log_refusal(source: str, code: str, period: str, reason: str, who: str, at) -> None:
    """Its own write, after the refused bundle's transaction was rolled back (A01)."""
    BundleRefusal.create(source=source, village_code=code, period=period, reason=reason, refused_at=at,
                         refused_by=who)


def import_by_hash(sha256: str) -> BundleImport | None:
    return BundleImport.get_or_none(BundleImport.sha256 == sha256)


def last_import(village: Village) -> BundleImport | None:
    return village.imports.order_by(BundleImport.id.desc()).first()


def imports_of(village: Village, period: str) -> list[BundleImport]:
    return list(BundleImport.select().where((BundleImport.village == village.id) & (BundleImport.period == period))
                .order_by(BundleImport.id))
