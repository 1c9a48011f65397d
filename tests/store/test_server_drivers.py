"""Issue 17: the window's process imports peewee without the PostgreSQL drivers; the township's
server path hands them to peewee as peewee's own import would have (``store.server_drivers``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytest.importorskip("psycopg2")  # the [test] extra installs it (the township's books run on PostgreSQL too)

# peewee's driver names and adapter constants, as JSON (what ``load_drivers`` sets).
STATE = """
import json, uuid, peewee
from psycopg2 import extensions
state = {name: getattr(getattr(peewee, name), "__name__", repr(getattr(peewee, name)))
         for name in ("psycopg2", "pg_extensions", "Json_pg2", "pg_register_uuid", "psycopg", "Json_pg3")}
for adapter in (peewee.Psycopg2Adapter, peewee.Psycopg3Adapter):
    state[adapter.__name__] = [adapter.txn_idle, adapter.txn_inerror, adapter.txn_unknown]
db = peewee.PostgresqlDatabase("dutydesk_never_opened")
state["adapter"] = [type(db._adapter).__name__, db._adapter.json_type.__name__]
state["uuid adapted"] = (uuid.UUID, extensions.ISQLQuote) in extensions.adapters
print(json.dumps(state, sort_keys=True))
"""

WINDOW = """
import sys
import dutydesk.ui  # what the window's process imports first
from dutydesk.store.server_drivers import drivers_held, load_drivers
print(sorted(name for name in ("psycopg2", "psycopg", "ssl") if name in sys.modules), drivers_held())
load_drivers()
print(drivers_held())
"""


def _run(code: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout.strip().splitlines()


def test_the_window_imports_peewee_without_drivers_and_the_server_path_restores_them_as_peewee_would():
    plain = _run(STATE)[-1]
    held, loaded, state = _run(WINDOW + STATE)[-3:]
    assert held == "[] True"  # neither driver nor ssl loaded with the window's peewee
    assert loaded == "False"
    assert json.loads(state) == json.loads(plain)
    assert json.loads(plain)["psycopg2"] == "psycopg2"  # a real driver was compared, not two Nones


def test_a_peewee_laid_out_otherwise_is_imported_again_with_its_drivers():
    code = ("import sys\nfrom dutydesk.store import server_drivers as s\n"
            "s.KNOWN_LAYOUT += ('a_name_peewee_does_not_have',)\n"
            "peewee = s.import_peewee_without_drivers()\n"
            "print('psycopg2' in sys.modules, peewee.psycopg2 is not None, s.drivers_held(),\n"
            "      peewee is sys.modules['peewee'])")
    assert _run(code)[-1] == "True True False True"


def test_loading_is_a_no_op_when_peewee_came_with_its_drivers():
    code = ("import peewee\nfrom dutydesk.store.server_drivers import drivers_held, load_drivers, "
            "import_peewee_without_drivers\n"
            "assert import_peewee_without_drivers() is peewee\nload_drivers()\n"
            "print(drivers_held(), peewee.psycopg2.__name__)")
    assert _run(code)[-1] == "False psycopg2"


@pytest.mark.skipif(not os.environ.get("DUTYDESK_TEST_POSTGRES"), reason="needs DUTYDESK_TEST_POSTGRES (a server)")
def test_the_township_opens_its_server_books_from_a_window_process(tmp_path):
    code = WINDOW.replace("load_drivers()\n", "") + f"""
from dutydesk.store.datafolder import DataFolder
from dutydesk.township.township_database import connect_books
db = connect_books(DataFolder(__import__("pathlib").Path({str(tmp_path)!r})), {os.environ["DUTYDESK_TEST_POSTGRES"]!r})
print(db.execute_sql("SELECT 1").fetchone()[0], db.is_connection_usable(), drivers_held())
db.close()
"""
    assert _run(code)[-1] == "1 True False"
