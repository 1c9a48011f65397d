"""G03/G04 at the township: the cadres' household-visit quota lines a bundle carries are kept by the
township's books (newest bundle wins, apart from the attendance tally) and reach the summary through
``village_months`` like the records do."""

from __future__ import annotations

import pytest

from dutydesk.township.bundle import FOLDER
from dutydesk.township.importing import IMPORTED, import_bundles
from dutydesk.township.summary import village_figures
from dutydesk.township.township_books import village_months
from dutydesk.township.village_tally import QUOTA_KIND, TALLY_KIND, VillageTally
from dutydesk.township.visit_quota import TABLE as QUOTA_TABLE
from tests.township.demo_villages import demo_villages, months


@pytest.fixture(scope="module")
def villages():
    return demo_villages()


def _bundles(village) -> list:
    this, last = months()
    return [next((village.books.parent / f"{village.code}-{p.slug}").glob(f"*/{FOLDER}")) for p in (last, this)]


def test_g03_g04_quota_lines_reach_the_townships_months_as_the_bundle_carried_them(villages, township):
    outcomes = import_bundles(township, [b for v in villages for b in _bundles(v)], lambda _q: True)
    assert {o.outcome for o in outcomes} == {IMPORTED}
    this, _last = months()
    held = {m.code: m for m in village_months(this.slug)}
    for village in villages:
        carried = list(village.months[this.slug].rows(QUOTA_TABLE))
        assert carried, "the demo villages' cadres have household-visit quotas"
        assert list(held[village.code].rows(QUOTA_TABLE)) == carried
        assert list(held[village.code].tally) == list(village.months[this.slug].tally)  # kinds kept apart
    assert VillageTally.select().where(VillageTally.kind == QUOTA_KIND).count() > 0
    assert VillageTally.select().where(VillageTally.kind == TALLY_KIND).count() > 0


def test_g03_the_summary_from_the_townships_books_shows_the_quota_rate(villages, township):
    import_bundles(township, [b for v in villages for b in _bundles(v)], lambda _q: True)
    this, _last = months()
    for month in village_months(this.slug):
        figures = village_figures(month)
        assert figures.quota_required > 0 and figures.quota_rate is not None
