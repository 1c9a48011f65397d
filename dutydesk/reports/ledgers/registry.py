"""The ledgers the desk hands to the township, by key, and the period each covers.

Each ledger module declares a ``LedgerSpec`` (key, Chinese name, whether it is monthly, and a
builder from a desk and a period to a ``Ledger``) and registers it here; the CLI, the export
dialog and the USB hand-off all read this one list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from dutydesk.desk import Desk
from dutydesk.reports.ledger.model import Ledger, cn_date
from dutydesk.store.center import load_center
from dutydesk.store.privacy import ExportGrant


@dataclass(frozen=True)
class Period:
    """A date range (both ends included); ``monthly`` when it is exactly one calendar month."""

    start: dt.date
    end: dt.date
    monthly: bool = False

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        first = dt.date(year, month, 1)
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        return cls(first, nxt - dt.timedelta(days=1), monthly=True)

    @classmethod
    def parse_month(cls, text: str) -> Period:
        """``2026-11`` → November 2026; ValueError with a Chinese message otherwise."""
        try:
            year, month = (int(p) for p in text.strip().split("-"))
            return cls.month(year, month)
        except (ValueError, TypeError):
            raise ValueError(f"月份格式应为 YYYY-MM，例如 2026-11：{text}") from None

    @property
    def year_month(self) -> tuple[int, int]:
        return self.start.year, self.start.month

    def previous_month(self) -> Period:
        year, month = self.year_month
        return Period.month(year - (month == 1), (month - 2) % 12 + 1)

    @property
    def text(self) -> str:
        if self.monthly:
            return f"{self.start.year}年{self.start.month}月"
        return f"{cn_date(self.start)}至{cn_date(self.end)}"

    @property
    def slug(self) -> str:
        """For file and folder names: ``2026-11`` or ``2026-11-01至2026-11-30``."""
        if self.monthly:
            return f"{self.start:%Y-%m}"
        return f"{self.start:%Y-%m-%d}至{self.end:%Y-%m-%d}"

    def datetimes(self) -> tuple[dt.datetime, dt.datetime]:
        """Half-open datetime bounds [start 00:00, day after end 00:00) for timestamp columns."""
        return (dt.datetime.combine(self.start, dt.time()),
                dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time()))


@dataclass(frozen=True)
class LedgerSpec:
    key: str  # CLI name: duty, visits, proxy, attendance, monthly
    name: str  # 值班记录簿 …
    monthly: bool  # built for a calendar month (attendance tally, monthly statistics)
    build: Callable[..., Ledger]  # (desk, period) or, when ``personal``, (desk, period, grant)
    rule: str = ""  # the DOMAIN.md rule it serves
    personal: bool = False  # shows phones or ID numbers: masked unless an unmasked export was approved (V09)

    def make(self, desk: Desk, period: Period, grant: ExportGrant | None = None) -> Ledger:
        """The ledger for ``period``; ``grant`` (an approved unmasked export) only reaches the
        ledgers that hold personal data, so the others never need to know about it."""
        return self.build(desk, period, grant) if self.personal else self.build(desk, period)

    def file_name(self, center: str, period: Period, fmt: str) -> str:
        return safe_name(f"{center}{self.name}_{period.slug}.{fmt}")


LEDGERS: dict[str, LedgerSpec] = {}
ORDER = ("duty", "visits", "proxy", "attendance", "monthly")  # as the township's checklist lists them


def register(spec: LedgerSpec) -> LedgerSpec:
    LEDGERS[spec.key] = spec
    ordered = sorted(LEDGERS.values(), key=lambda s: ORDER.index(s.key) if s.key in ORDER else len(ORDER))
    LEDGERS.clear()
    LEDGERS.update((s.key, s) for s in ordered)
    return spec


def safe_name(name: str) -> str:
    """Drop characters Windows and FAT-formatted USB sticks refuse in file names."""
    return "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in name).strip(" .")


def header(desk: Desk) -> tuple[str, str]:
    """(center name, township) as printed on every ledger."""
    profile = load_center()
    return (profile.name, profile.township) if profile else ("", "")


def privacy_footer(grant: ExportGrant | None) -> str:
    """The line under a ledger with personal data: masked, or who approved showing it in full."""
    if grant is None:
        return "电话、身份证号已按规定隐去部分数字"
    return f"本台账含完整电话、身份证号，经{grant.approved_by}批准导出（原因：{grant.reason}），请妥善保管"


def ledger_for(desk: Desk, title: str, period: Period, **kwargs) -> Ledger:
    center, township = header(desk)
    return Ledger(title=title, center=center, township=township, period=period.text,
                  prepared_on=desk.today(), **kwargs)
