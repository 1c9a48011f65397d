"""Slip numbers: unique per center and year under concurrent creation (P02)."""

import threading

from dutydesk.store.base import database
from dutydesk.store.notices import slip_numbers


def test_numbers_count_up_per_year(desk):
    assert slip_numbers.next_number("DB", 2026) == "DB2026-000001"
    assert slip_numbers.next_number("DB", 2026) == "DB2026-000002"
    assert slip_numbers.next_number("DB", 2027) == "DB2027-000001"
    assert slip_numbers.next_number("GZ", 2026) == "GZ2026-000001"
    assert slip_numbers.last_number("DB", 2026) == 2


def test_p02_numbers_are_unique_under_concurrent_creation(desk):
    """Eight threads, each on its own SQLite connection to the same file, draw 25 numbers each."""
    drawn: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def worker() -> None:
        try:
            # Eight writers at once, each commit fsynced, on a loaded 2-core CI box can wait longer
            # than the desk's 5 s busy timeout (a desk has at most the GUI and one CLI command).
            database.execute_sql("PRAGMA busy_timeout = 60000")
            for _ in range(25):
                with database.atomic():
                    number = slip_numbers.next_number("DB", 2026)
                with lock:
                    drawn.append(number)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            database.close()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(drawn) == 200 and len(set(drawn)) == 200
    assert sorted(drawn)[-1] == "DB2026-000200"


def test_a_rolled_back_slip_does_not_consume_a_number(desk):
    try:
        with database.atomic():
            slip_numbers.next_number("DB", 2026)
            raise RuntimeError("the slip could not be stored")
    except RuntimeError:
        pass
    assert slip_numbers.next_number("DB", 2026) == "DB2026-000001"
