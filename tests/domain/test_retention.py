"""A02: 永久/长期 files need the principal leader's approval, 一般 (短期) files the director's."""

from __future__ import annotations

from dutydesk.domain.retention import (
    DEFAULT_RETENTION,
    DIRECTOR,
    LONG_TERM,
    PERMANENT,
    PRINCIPAL,
    SHORT_TERM,
    UNLISTED,
    approval_level,
    approver_needed,
    covers,
    retention_of,
    strictest,
)


def test_a02_permanent_and_long_term_files_need_the_principal_leader():
    assert approver_needed(PERMANENT) == PRINCIPAL
    assert approver_needed(LONG_TERM) == PRINCIPAL
    assert approver_needed(SHORT_TERM) == DIRECTOR


def test_a02_principal_leader_approves_every_class_director_only_short_term():
    principal = approval_level(is_director=False, is_principal=True)
    director = approval_level(is_director=True, is_principal=False)
    operator = approval_level(is_director=False, is_principal=False)
    assert (principal, director, operator) == (PRINCIPAL, DIRECTOR, None)
    assert covers(principal, PRINCIPAL) and covers(principal, DIRECTOR)
    assert covers(director, DIRECTOR) and not covers(director, PRINCIPAL)
    assert not covers(operator, DIRECTOR) and not covers(operator, PRINCIPAL)


def test_a02_retention_table_falls_back_to_defaults_then_to_long_term():
    assert retention_of("visit") == SHORT_TERM == DEFAULT_RETENTION["visit"]
    assert retention_of("resident") == PERMANENT
    assert retention_of("visit", {"visit": LONG_TERM}) == LONG_TERM
    assert retention_of("visit", {"visit": "forever"}) == SHORT_TERM  # a bad value is ignored
    assert retention_of("ledger_we_never_saw") == UNLISTED == LONG_TERM  # unclassified: the stricter rule


def test_strictest_of_several():
    assert strictest([DIRECTOR, DIRECTOR]) == DIRECTOR
    assert strictest([DIRECTOR, PRINCIPAL]) == PRINCIPAL
