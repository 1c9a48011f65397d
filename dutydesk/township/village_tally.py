"""The attendance tally (考勤统计, D14) each bundle carries, as the village's desk computed it.
Append-only: each bundle's tally is kept; a month's tally is that of its newest bundle."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

from peewee import CharField, ForeignKeyField, TextField, fn

from dutydesk.township.bundle_import import BundleImport
from dutydesk.township.township_database import TownshipModel
from dutydesk.township.village import Village


class VillageTally(TownshipModel):
    village = ForeignKeyField(Village)
    period = CharField()
    bundle_import = ForeignKeyField(BundleImport)
    data = TextField()  # one staff member's tally row as JSON


def keep_tally(village: Village, bundle: BundleImport, rows: Iterable[Mapping]) -> None:
    from dutydesk.township.village_record import canonical

    values = [{"village": village.id, "period": bundle.period, "bundle_import": bundle.id, "data": canonical(row)}
              for row in rows]
    if values:
        VillageTally.insert_many(values).execute()


def month_tally(village: Village, period: str) -> list[dict]:
    newest = (BundleImport.select(fn.MAX(BundleImport.id))
              .where((BundleImport.village == village.id) & (BundleImport.period == period)).scalar())
    if newest is None:
        return []
    rows = VillageTally.select().where(VillageTally.bundle_import == newest).order_by(VillageTally.id)
    return [json.loads(row.data) for row in rows]
