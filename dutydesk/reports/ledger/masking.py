"""A masked copy of a ledger: every phone and ID number in any text cell, note or chart label
is masked (V09), whichever ledger module built it and whatever free text staff typed.

Ledger modules mask the columns they know hold personal data; this pass is the net under them,
applied wherever a ledger leaves the desk without an approved unmasked export (the township's
ledgers through ``LedgerSpec.make``, the yearly archive, the lookup register), so a new column
or a new free-text source cannot slip a full number onto paper.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from dutydesk.domain.personal_numbers import mask_personal_numbers
from dutydesk.reports.ledger.model import Chart, Chunk, Ledger, RowSource


def _cell(value: Any) -> Any:
    return mask_personal_numbers(value) if isinstance(value, str) else value


def masked_rows(rows: RowSource) -> RowSource:
    def source() -> Iterator[Chunk]:
        for chunk in rows():
            yield [tuple(_cell(v) for v in row) for row in chunk]

    return source


def _masked_chart(chart: Chart) -> Chart:
    return dataclasses.replace(chart, title=mask_personal_numbers(chart.title),
                               labels=[mask_personal_numbers(label) for label in chart.labels])


def masked_ledger(ledger: Ledger) -> Ledger:
    """The same ledger whose tables, notes and charts show personal numbers masked."""
    tables = [dataclasses.replace(t, rows=masked_rows(t.rows), heading=mask_personal_numbers(t.heading))
              for t in ledger.tables]
    return dataclasses.replace(
        ledger, tables=tables, charts=[_masked_chart(c) for c in ledger.charts],
        notes=[mask_personal_numbers(n) for n in ledger.notes],
    )
