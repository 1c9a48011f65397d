"""Yearly filing (A04): a director closes a year after 31 December; its records become read-only
and the year's ledgers are written to an archive folder. Corrections to a closed year are
additions with a reason (``add_correction``), never edits (A03).

The read-only rule is a ``BEFORE_WRITE`` guard on every audited write: a create dated in a closed
year, or an update/void of a record filed in one, raises ``RecordLocked``. Records are filed by
the date their search registration gives (``search_index.filing_day``).

What is written to the archive folder is decided in ``reports.year_archive`` (the ledgers of the
year from ``reports.ledgers``, a catalogue of every record type, the lookup register).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from peewee import CharField, DateTimeField, IntegerField, Model, TextField

from dutydesk.domain.field_errors import FieldErrors
from dutydesk.store import audit
from dutydesk.store.accounts.account import Account
from dutydesk.store.base import BaseModel, database
from dutydesk.store.datafolder import DeskError
from dutydesk.store.search_index import SOURCES, filing_day


class YearClosure(BaseModel):
    year = IntegerField(unique=True)
    closed_at = DateTimeField()
    closed_by = CharField()
    archive_path = TextField(default="")
    files = TextField(default="")  # JSON list of the files written


class Correction(BaseModel):
    """An addition to a filed record: what was wrong and what is right, with the reason."""

    ref_table = CharField()
    ref_id = IntegerField()
    reason = TextField()
    text = TextField()
    corrected_at = DateTimeField()
    corrected_by = CharField()


def closed_years() -> set[int]:
    return {row.year for row in YearClosure.select(YearClosure.year)}


def _closed_year_guard(instance: Model, action: str) -> None:
    if instance._meta.table_name not in SOURCES:
        return
    closed = closed_years()
    if not closed:
        return
    days = [filing_day(instance)]
    if action != "create" and instance.get_id() is not None:
        stored = type(instance).get_or_none(type(instance)._meta.primary_key == instance.get_id())
        if stored is not None:
            days.append(filing_day(stored))
    for day in days:
        if day is not None and day.year in closed:
            raise audit.RecordLocked(f"{day.year}年档案已归档，记录只读；如需更正，请添加更正说明")


if _closed_year_guard not in audit.BEFORE_WRITE:
    audit.BEFORE_WRITE.append(_closed_year_guard)


def is_closed(day: dt.date) -> bool:
    return day.year in closed_years()


class FilingRefused(DeskError):
    """Why a year cannot be closed (Chinese)."""


def check_can_close(account: Account | None, year: int, today: dt.date) -> None:
    if account is None or not account.is_director:
        raise FilingRefused("年度归档须由主任进行")
    if today <= dt.date(year, 12, 31):
        raise FilingRefused(f"{year}年尚未结束，须在{year}年12月31日之后归档")
    if year in closed_years():
        raise FilingRefused(f"{year}年已归档")


def archive_dir(root: Path, year: int) -> Path:
    return root / "archive" / str(year)


def close_year(account: Account | None, year: int, archive_path: Path, files: list[str],
               now: dt.datetime) -> YearClosure:
    """Record that a year is closed (A04), after its ledgers were written to ``archive_path``
    (``reports.year_archive.write_year_archive``); from now on its records are read-only."""
    with database.atomic():
        check_can_close(account, year, now.date())
        assert account is not None
        return audit.create(
            YearClosure, account.name, now, year=year, closed_at=now, closed_by=account.name,
            archive_path=str(archive_path), files=json.dumps(files, ensure_ascii=False),
        )


class CorrectionInvalid(FieldErrors):
    """A correction lacking its reason or text, per form field."""


def add_correction(ref_table: str, ref_id: int, reason: str, text: str, who: str,
                   at: dt.datetime) -> Correction:
    """Add a correction to a record (the way to correct a closed year, A03/A04)."""
    errors = {}
    if not reason.strip():
        errors["reason"] = "请填写更正原因"
    if not text.strip():
        errors["text"] = "请填写更正内容"
    if errors:
        raise CorrectionInvalid(errors)
    return audit.create(Correction, who, at, ref_table=ref_table, ref_id=ref_id, reason=reason.strip(),
                        text=text.strip(), corrected_at=at, corrected_by=who)


def corrections_for(ref_table: str, ref_id: int) -> list[Correction]:
    return list(Correction.select()
                .where((Correction.ref_table == ref_table) & (Correction.ref_id == ref_id))
                .order_by(Correction.id))
