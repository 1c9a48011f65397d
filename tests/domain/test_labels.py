"""Codes stored in the books always reach users as their Chinese labels (issue 13)."""

from __future__ import annotations

import datetime as dt

from dutydesk.domain import labels
from dutydesk.domain.catalogue import Outcome
from dutydesk.domain.proxy_case import CaseState, StepKind


def test_label_translates_each_family():
    assert labels.label("visit_status", "in_progress") == "办理中"
    assert labels.label("case_state", CaseState.SUBMITTED) == "已送交"
    assert labels.label("step_kind", "handover") == "移交"
    assert labels.label("notice_outcome", Outcome.MISSING.value) == "材料不全，一次性告知所缺材料"
    assert labels.label("deadline_kind", "review") == "需审核"
    assert labels.label("session", "am") == "上午"


def test_free_text_passes_through_unchanged():
    assert labels.label("visit_status", "随便写的") == "随便写的"
    assert labels.label("visit_status", None) == ""


def test_value_label_knows_which_column_holds_which_family():
    assert labels.value_label("visit", "status", "pending") == "待处理"
    assert labels.value_label("proxy_case", "state", "closed") == "办结"
    assert labels.value_label("handover", "session_key", "pm") == "下午"
    assert labels.value_label("visit", "request", "pending") == "pending"  # free text is left alone


def test_value_label_says_yes_and_no():
    assert labels.value_label("account", "principal", "True") == "是"
    assert labels.value_label("staff", "active", False) == "否"


def test_value_label_shortens_iso_timestamps():
    assert labels.value_label("proxy_case", "closed_at", "2026-11-10T10:00:00") == "2026-11-10 10:00"
    assert labels.value_label("visit", "received_at", dt.datetime(2026, 11, 10, 10, 0)) == "2026-11-10 10:00"


def test_every_family_has_chinese_labels_only():
    for family, table in labels.FAMILIES.items():
        for code, text in table.items():
            assert not any("a" <= ch.lower() <= "z" for ch in text), (family, code, text)
    assert {"in_progress", "pending", "review", "missing", "proxy", "submit"} <= labels.all_codes()
    assert StepKind.SUBMIT.value in labels.all_codes()


def test_a_family_is_read_from_its_owner_once_and_kept():
    """Issue 17: the owners' tables are imported when first asked for (off the window's start path)."""
    from dutydesk.domain.proxy_case import STATE_LABELS

    first = labels.FAMILIES["case_state"]
    assert first is labels.FAMILIES["case_state"]
    assert first == {state.value: text for state, text in STATE_LABELS.items()}
    assert len(labels.FAMILIES) == len(list(labels.FAMILIES)) and "breach_kind" in labels.FAMILIES
