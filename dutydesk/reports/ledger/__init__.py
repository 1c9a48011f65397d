"""Ledgers (台账): declarations plus the xlsx and PDF writers that print them."""

from __future__ import annotations

from pathlib import Path

from dutydesk.reports.ledger.model import (
    Chart,
    Column,
    ExportCancelled,
    Ledger,
    Progress,
    Table,
    chunked,
    static_rows,
)

FORMATS = ("xlsx", "pdf")


def write_ledger(ledger: Ledger, final: Path, fmt: str, progress: Progress | None = None) -> Path:
    """Write in the chosen format through ``store.atomic`` (no half file under ``final``)."""
    if fmt == "xlsx":
        from dutydesk.reports.ledger.xlsx import write_xlsx

        return write_xlsx(ledger, final, progress)
    if fmt == "pdf":
        from dutydesk.reports.ledger.pdf import write_pdf

        return write_pdf(ledger, final, progress)
    raise ValueError(f"unknown format {fmt!r}")


__all__ = [
    "FORMATS", "Chart", "Column", "ExportCancelled", "Ledger", "Progress", "Table", "chunked",
    "static_rows", "write_ledger",
]
