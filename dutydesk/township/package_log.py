"""The township's packages for its villages, as a chain (issue 16, the channel back down).

``package_content(township, catalogue, holidays)`` gathers what the next package carries from the
township's books: the 退回/审核 decisions and 代办 results recorded since the last package written
(``decisions_since`` / ``proxy_results_since`` after the ids that package carried), the dated
settings the township set (its own ``township.*`` thresholds stay home), a catalogue export file and
holiday files for years DutyDesk does not ship, all as ``package.write_package``'s arguments.
``remember_package`` logs a written package (append-only), so the next one links to its hash and
starts after it. A package written but not logged (a crash between the two) is simply carried
again by the next one: the village applies nothing twice.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from peewee import CharField, DateTimeField, IntegerField

from dutydesk.domain.calendar_file import CalendarFileError, parse_calendar_text
from dutydesk.domain.settings import REGISTRY
from dutydesk.store import audit
from dutydesk.store.datafolder import DeskError
from dutydesk.store.settings import SettingValue
from dutydesk.township import package as pkg
from dutydesk.township.month_review import decisions_since
from dutydesk.township.proxy_result import DONE, proxy_results_since
from dutydesk.township.township_database import TownshipModel

OWN_SETTINGS = "township."  # the township's own thresholds (报送情况), not the villages'


class PackageLog(TownshipModel):
    folder = CharField()
    sha256 = CharField()
    previous_sha256 = CharField(default="")
    last_decision_id = IntegerField(default=0)
    last_result_id = IntegerField(default=0)
    decisions = IntegerField(default=0)
    proxy_results = IntegerField(default=0)
    written_at = DateTimeField()
    written_by = CharField()


def last_package() -> PackageLog | None:
    return PackageLog.select().order_by(PackageLog.id.desc()).first()


def dated_settings() -> list[pkg.DatedSetting]:
    """Every value the township set for the villages' settings, oldest first (dated, so a village
    applies each from its own date on)."""
    import dutydesk.store.features  # noqa: F401  every module's settings declared

    rows = SettingValue.select().order_by(SettingValue.effective_from, SettingValue.id)
    out = []
    for row in rows:
        if row.key in REGISTRY and not row.key.startswith(OWN_SETTINGS):
            out.append(pkg.DatedSetting(row.key, json.loads(row.value), row.effective_from))
    return out


def holiday_years(files: list[Path], shipped: Callable[[int], bool]) -> dict[int, Path]:
    """``--holidays FILE…``: each file one year's days (its year read from its dates); a year the
    app already ships is refused, the villages have it."""
    years: dict[int, Path] = {}
    for path in files:
        try:
            days = parse_calendar_text(Path(path).read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, CalendarFileError) as exc:
            raise DeskError(f"节假日文件无法读取（{path}）：{exc}") from None
        found = {d.day.year for d in days}
        if len(found) != 1:
            raise DeskError(f"一个节假日文件只能是一年的日期：{path}")
        year = found.pop()
        if shipped(year):
            raise DeskError(f"{year}年的节假日软件已自带，各村无需再导入：{path}")
        years[year] = Path(path)
    return years


def package_content(township, catalogue: Path | None = None, holidays: dict[int, Path] | None = None,
                    ) -> tuple[dict[str, Any], tuple[int, int]]:
    """``write_package``'s keyword arguments for the next package, and the (decision, result) ids
    it carries up to (for the log)."""
    last = last_package()
    decisions = decisions_since(last.last_decision_id if last else 0)
    results = proxy_results_since(last.last_result_id if last else 0)
    profile = township.profile()
    content = {
        "township_name": profile.name, "township_code": profile.code, "key_folder": township.folder.path,
        "decisions": [pkg.Decision(d.code, d.period, d.decision, d.reasons, d.at, d.by) for d in decisions],
        "proxy_results": [pkg.ProxyResult(r.code, r.slip_no, pkg.DONE if r.result == DONE
                                          else pkg.RETURNED_FOR_MATERIALS, r.reason, r.at, r.by)
                          for r in results],
        "settings": dated_settings(), "catalogue": catalogue, "holiday_years": holidays or {},
        "previous_sha256": last.sha256 if last else "", "written_at": township.now(),
        "written_by": township.who,
    }
    upto = (decisions[-1].id if decisions else (last.last_decision_id if last else 0),
            results[-1].id if results else (last.last_result_id if last else 0))
    return content, upto


def remember_package(written: pkg.WrittenPackage, upto: tuple[int, int], who: str, at: dt.datetime) -> PackageLog:
    """Log a written package: the next one links to its hash and starts after what it carried."""
    return audit.create(PackageLog, who, at, folder=str(written.folder), sha256=written.sha256,
                        previous_sha256=written.previous_sha256, last_decision_id=upto[0],
                        last_result_id=upto[1], decisions=written.rows.get(pkg.DECISIONS, 0),
                        proxy_results=written.rows.get(pkg.PROXY_RESULTS, 0), written_at=at, written_by=who)


def write_next_package(township, out: Path, catalogue: Path | None = None,
                       holidays: dict[int, Path] | None = None) -> pkg.WrittenPackage:
    """Write the next package into a new folder under ``out`` (a stick) and log it (the GUI's way;
    the CLI goes through ``package.run_package`` with the same content)."""
    content, upto = package_content(township, catalogue, holidays)
    written = pkg.write_into(out, content)
    with township.db.atomic():
        remember_package(written, upto, township.who, content["written_at"])
    return written
