"""peewee without the PostgreSQL drivers until the township's server needs them (issue 17).

peewee imports psycopg2 (and psycopg 3) when it is imported, for every program, though only the
township's books on a server use them: in a venv with the ``[postgresql]`` extra that is psycopg2,
its C library and Python's ``ssl``, ~15 ms before the village desk's window can show. The frozen
village bundle ships neither driver (``packaging/dutydesk.spec``). The window's package imports
peewee through ``import_peewee_without_drivers`` first; ``township_database.postgres`` calls
``load_drivers`` before it opens a server, which hands peewee the drivers as its own import would have.

``load_drivers`` sets peewee's private module names and adapter constants (peewee 4.5, pinned below
4.6 in pyproject.toml): ``tests/store/test_server_drivers.py`` compares them with a plain import's.
A peewee laid out otherwise is imported again at once with its drivers (``KNOWN_LAYOUT``).
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

DRIVERS = ("psycopg2", "psycopg")
# What ``load_drivers`` sets: peewee's names for each driver's pieces and its adapter class.
KNOWN_LAYOUT = ("Psycopg2Adapter", "Psycopg3Adapter", "psycopg2", "Json_pg2", "psycopg", "Json_pg3", "Jsonb_pg3")


def import_peewee_without_drivers() -> ModuleType:
    """peewee, imported with the PostgreSQL drivers held back (once; as is when already imported)."""
    if "peewee" in sys.modules:
        return sys.modules["peewee"]
    held = [name for name in DRIVERS if name not in sys.modules]
    for name in held:
        sys.modules[name] = None  # type: ignore[assignment]  # "not installed" for this import only
    try:
        import peewee
    finally:
        for name in held:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]
    if not all(hasattr(peewee, name) for name in KNOWN_LAYOUT):  # not the peewee this was written for
        del sys.modules["peewee"]
        return importlib.import_module("peewee")  # with its drivers, as a plain import
    peewee.dutydesk_drivers_held = True  # type: ignore[attr-defined]
    return peewee


def drivers_held() -> bool:
    """peewee was imported without its drivers and ``load_drivers`` has not run yet."""
    peewee = sys.modules.get("peewee")
    return bool(getattr(peewee, "dutydesk_drivers_held", False))


def load_drivers() -> None:
    """Give peewee the installed PostgreSQL drivers, as a plain ``import peewee`` would have."""
    if not drivers_held():
        return
    import peewee

    _load_psycopg2(peewee)
    _load_psycopg3(peewee)
    peewee.dutydesk_drivers_held = False


def _load_psycopg2(peewee: ModuleType) -> None:
    if peewee.psycopg2 is not None:
        return
    try:
        import psycopg2
        from psycopg2 import extensions
        from psycopg2.extras import Json, register_uuid
    except ImportError:
        return
    register_uuid()  # peewee registers the uuid adapter when it imports psycopg2
    peewee.psycopg2, peewee.pg_extensions, peewee.Json_pg2, peewee.pg_register_uuid = (
        psycopg2, extensions, Json, register_uuid)
    adapter = peewee.Psycopg2Adapter
    adapter.txn_idle = extensions.TRANSACTION_STATUS_IDLE
    adapter.txn_inerror = extensions.TRANSACTION_STATUS_INERROR
    adapter.txn_unknown = extensions.TRANSACTION_STATUS_UNKNOWN


def _load_psycopg3(peewee: ModuleType) -> None:
    if peewee.psycopg is not None:
        return
    try:
        import psycopg
        from psycopg.pq import TransactionStatus
        from psycopg.types.json import Json, Jsonb
    except ImportError:
        return
    peewee.psycopg, peewee.TransactionStatus, peewee.Json_pg3, peewee.Jsonb_pg3 = (
        psycopg, TransactionStatus, Json, Jsonb)
    adapter = peewee.Psycopg3Adapter
    adapter.txn_idle = TransactionStatus.IDLE
    adapter.txn_inerror = TransactionStatus.INERROR
    adapter.txn_unknown = TransactionStatus.UNKNOWN
