"""Which rows of which tables a month's bundle carries, and which of their values are personal.

Each table is picked by the month its record belongs to: a visit by when it was received, a
follow-up by its visit's month, and so on, so a record always travels in the same month's bundle;
what changes later travels as a correction (``bundle.corrections``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BundleTable:
    table: str
    month_sql: str  # WHERE clause with two parameters: first and last day of the month (ISO)
    phones: tuple[str, ...] = ()  # columns holding a phone number (masked as one)
    texts: tuple[str, ...] = ()  # free text: personal numbers inside masked (V09)
    owner: tuple[str, str] | None = None  # (parent table, column): a child row's month is its parent's


_VISIT_MONTH = "visit_id IN (SELECT id FROM visit WHERE date(received_at) BETWEEN ? AND ?)"
_CASE_MONTH = "case_id IN (SELECT id FROM proxy_case WHERE date(accepted_at) BETWEEN ? AND ?)"
_HV_MONTH = "household_visit_id IN (SELECT id FROM household_visit WHERE date(day) BETWEEN ? AND ?)"

TABLES: tuple[BundleTable, ...] = (
    BundleTable("visit", "date(received_at) BETWEEN ? AND ?", phones=("contact", "outside_phone"),
                texts=("request", "result", "close_reason", "dispute_parties", "mediation_result")),
    BundleTable("visit_followup", _VISIT_MONTH, texts=("text",), owner=("visit", "visit_id")),
    BundleTable("visit_feedback", _VISIT_MONTH, texts=("content",), owner=("visit", "visit_id")),
    # V04: paused working days move the promised date on; the township counts on time with them
    BundleTable("visit_pause", _VISIT_MONTH, texts=("note",), owner=("visit", "visit_id")),
    BundleTable("proxy_case", "date(accepted_at) BETWEEN ? AND ?", phones=("person_phone",),
                texts=("materials",)),
    BundleTable("proxy_step", _CASE_MONTH, texts=("details",), owner=("proxy_case", "case_id")),
    BundleTable("roster_slot", "date(day) BETWEEN ? AND ?"),
    BundleTable("sign_in", "date(day) BETWEEN ? AND ?"),
    BundleTable("household_visit", "date(day) BETWEEN ? AND ?", texts=("found",)),
    BundleTable("household_visit_cadre", _HV_MONTH, owner=("household_visit", "household_visit_id")),
    BundleTable("household_visit_need", _HV_MONTH, texts=("text",),
                owner=("household_visit", "household_visit_id")),
)

BY_NAME = {t.table: t for t in TABLES}
