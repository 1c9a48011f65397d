"""Imports every feature's store modules, so their models, settings and feed providers are
registered whenever the books are opened (GUI, CLI or tests). One line per feature module."""

from dutydesk.store import (  # noqa: F401  # noqa: F401
    accounts,
    attendance,
    audit,
    backup_schedule,
    calendar_days,
    catalogue,
    center,
    handover,
    inspections,
    leave,
    login,
    notices,
    proxy_cases,
    proxy_feeds,
    residents,
    roster,
    settings,
    slip_numbers,
    staff,
    visit_feeds,
    visit_progress,
    visits,
    whereabouts,
)
