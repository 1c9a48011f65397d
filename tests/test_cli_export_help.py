"""``dutydesk export -h`` and ``LEDGER_KEYS`` list every ledger of the registry
(``reports.ledgers.LEDGERS``), a ledger added later included, without loading them at start-up."""

from __future__ import annotations

import subprocess
import sys

import pytest

from dutydesk.cli import main
from dutydesk.commands import export
from dutydesk.reports.ledgers import LEDGERS
from dutydesk.reports.ledgers.registry import LedgerSpec


def _help(capsys) -> str:
    with pytest.raises(SystemExit) as done:
        main(["export", "-h"])
    assert done.value.code == 0
    return capsys.readouterr().out


def test_export_help_lists_every_registered_ledger(capsys):
    text = _help(capsys)
    for key, spec in LEDGERS.items():
        assert f"  {key} " in text and spec.name in text, key
    keys = export.LEDGER_KEYS
    assert {"messages", "meetings", "relay", "accountability", "letters"} <= set(keys)
    assert keys == tuple(LEDGERS)


def test_a_ledger_registered_later_is_listed_too(capsys, monkeypatch):
    spec = LedgerSpec("wells", "水井巡查记录", True, lambda desk, period: None)
    monkeypatch.setitem(LEDGERS, "wells", spec)
    assert "wells" in export.LEDGER_KEYS
    assert "水井巡查记录（按月）" in _help(capsys)


def test_cli_start_does_not_load_the_ledgers():
    code = ("import sys; from dutydesk.cli import build_parser; build_parser(); "
            "print('dutydesk.reports.ledgers' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
