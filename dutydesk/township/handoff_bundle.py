"""The bundle's place in a hand-off (导出到U盘 and ``dutydesk handoff``): written in the staging
folder beside the ledgers, checked again on the stick, remembered in the books only once safely
there (so a pulled stick does not break the chain of bundles)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dutydesk.reports.ledgers.registry import Period
from dutydesk.store.center import load_center
from dutydesk.store.privacy import ExportGrant
from dutydesk.township.bundle import FOLDER, BundleError, WrittenBundle, remember_bundle, verify_bundle, write_bundle


@dataclass
class StagedBundle:
    desk: object
    period: Period
    grant: ExportGrant | None
    written: WrittenBundle | None = field(default=None)

    def place(self, staging: Path) -> list[str]:
        """Write the bundle into ``staging/数据包``; its file names relative to ``staging``."""
        self.written = write_bundle(self.desk, staging / FOLDER, self.period, self.grant)
        return [f"{FOLDER}/{p.name}" for p in sorted((staging / FOLDER).iterdir())]

    def folder_in(self, final: Path) -> Path:
        return final / FOLDER

    def check(self, final: Path) -> list[str]:
        """Problems found reading the bundle back from where it was copied (empty: intact)."""
        try:
            verify_bundle(self.folder_in(final))
        except BundleError as exc:
            return [str(exc)]
        return []

    def remember(self, desk, final: Path) -> None:
        assert self.written is not None
        remember_bundle(desk, self.written, self.folder_in(final))


def stage_bundle(desk, period: Period, grant: ExportGrant | None) -> StagedBundle | None:
    """The month's bundle to hand off, or None while the center has no division code yet."""
    profile = load_center()
    if profile is None or not profile.division_code:
        return None
    return StagedBundle(desk, period, grant)
