"""The figures each bundle carries as the village's desk computed them: the attendance tally (考勤统计,
D14, kind ``tally``) and the cadres' household-visit quota lines (走访完成情况统计, G03/G04, kind
``visit_quota``). Append-only: each bundle's rows are kept; a month's are those of its newest bundle
that carried that kind."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

from peewee import CharField, ForeignKeyField, TextField

from dutydesk.township.bundle_import import BundleImport
from dutydesk.township.township_database import TownshipModel
from dutydesk.township.village import Village


class VillageTally(TownshipModel):
    village = ForeignKeyField(Village)
    period = CharField()
    bundle_import = ForeignKeyField(BundleImport)
    data = TextField()  # one staff member's tally row (or one quota line) as JSON
    kind = CharField(default="tally")  # "tally" or "visit_quota"


TALLY_KIND = "tally"
QUOTA_KIND = "visit_quota"


def keep_tally(village: Village, bundle: BundleImport, rows: Iterable[Mapping], kind: str = TALLY_KIND) -> None:
    from dutydesk.township.village_record import canonical

    values = [{"village": village.id, "period": bundle.period, "bundle_import": bundle.id, "data": canonical(row),
               "kind": kind} for row in rows]
    if values:
        VillageTally.insert_many(values).execute()


def _newest(village: Village, period: str) -> BundleImport | None:
    return (BundleImport.select().where((BundleImport.village == village.id) & (BundleImport.period == period))
            .order_by(BundleImport.id.desc()).first())


def month_tally(village: Village, period: str, kind: str = TALLY_KIND,
                newest: BundleImport | None = None) -> list[dict]:
    """The month's rows of ``kind`` from its newest bundle (``newest`` when the caller has it)."""
    newest = newest or _newest(village, period)
    if newest is None:
        return []
    return [json.loads(data) for (data,) in tally_query(newest.id, kind)]


def tally_query(bundle_id: int, kind: str):
    """One bundle's rows of ``kind``: found through the index ``village_tally_bundle`` (t0006), not a
    scan of every village's months (the summary asks this for every village and month of a year)."""
    return (VillageTally.select(VillageTally.data)
            .where((VillageTally.bundle_import == bundle_id) & (VillageTally.kind == kind))
            .order_by(VillageTally.id).tuples())


def month_quota(village: Village, period: str, newest: BundleImport | None = None) -> list[dict] | None:
    """The month's quota lines from its newest bundle; None when that bundle carried none (a bundle
    of an older desk, or a center without 网格走访): the summary then shows no quota figure."""
    from dutydesk.township.visit_quota import QUOTA

    newest = newest or _newest(village, period)
    if newest is None or QUOTA not in json.loads(newest.row_counts or "{}"):
        return None
    return month_tally(village, period, QUOTA_KIND, newest)
