"""The five ledgers, each a declaration over the ledger machinery (``reports.ledger``).

Importing this package registers them all in ``registry.LEDGERS`` in the order the export
dialog lists them.
"""

from dutydesk.reports.ledgers import (  # noqa: F401  (each module registers its ledger)
    accountability_ledger,
    attendance_tally,
    duty_log,
    grid_checks,
    grid_register,
    letter_register,
    meeting_attendance,
    message_book,
    monthly_stats,
    proxy_ledger,
    relay_register,
    visit_register,
)
from dutydesk.reports.ledgers.registry import LEDGERS, LedgerSpec, Period

__all__ = ["LEDGERS", "LedgerSpec", "Period"]
