"""Users read only Chinese: no rule number (D05, V04...) on any of the five ledgers, in xlsx or
pdf, nor in the yearly archive's ledgers and catalogues."""

from __future__ import annotations

import re

import pytest

from dutydesk.reports.ledger import write_ledger
from dutydesk.reports.ledgers import LEDGERS, Period
from tests.personal_numbers_data import seed_numbers
from tests.reports.test_masked_ledgers import pdf_text, xlsx_cells

RULE_ID = re.compile(r"(?<![A-Za-z0-9])[DVNPAG]\d\d(?![0-9])")


@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
@pytest.mark.parametrize("key", list(LEDGERS))
def test_no_rule_ids_on_any_ledger(desk, tmp_path, key, fmt):
    seed_numbers(desk)
    path = write_ledger(LEDGERS[key].make(desk, Period.month(2026, 11)), tmp_path / f"{key}.{fmt}", fmt)
    texts = xlsx_cells(path) if fmt == "xlsx" else [pdf_text(path)]
    assert [t for t in texts if RULE_ID.search(t)] == []
