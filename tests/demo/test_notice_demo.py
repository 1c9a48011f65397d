"""The demo's catalogue, notices and proxy cases: cases at every stage, deterministic."""

from dutydesk.commands.demo import fill_demo_folder
from dutydesk.domain.clock import FixedClock
from dutydesk.store.base import connect
from dutydesk.store.datafolder import DataFolder
from tests.conftest import DEFAULT_NOW


def test_demo_has_catalogue_notices_and_cases_at_various_steps(tmp_path):
    folder = DataFolder(tmp_path / "demo")
    fill_demo_folder(folder, seed=7, days=40, scale=0.3, clock=FixedClock(DEFAULT_NOW))
    db = connect(folder.db_path)
    try:
        items = db.execute_sql("SELECT COUNT(DISTINCT code) FROM catalogue_version").fetchone()[0]
        states = {row[0] for row in db.execute_sql("SELECT state FROM proxy_case WHERE voided_at IS NULL")}
        voided = db.execute_sql("SELECT COUNT(*) FROM proxy_case WHERE voided_at IS NOT NULL").fetchone()[0]
        linked = db.execute_sql("SELECT COUNT(*) FROM proxy_case WHERE visit_id IS NULL").fetchone()[0]
        numbers = [r[0] for r in db.execute_sql("SELECT slip_no FROM proxy_case ORDER BY id")]
        notices = db.execute_sql("SELECT COUNT(*) FROM notice_record WHERE outcome = 'missing'").fetchone()[0]
        handovers = db.execute_sql("SELECT COUNT(*) FROM proxy_step WHERE kind = 'handover'").fetchone()[0]
    finally:
        db.close()
    assert items >= 20
    assert {"closed", "submitted"} <= states and len(states) >= 3
    assert voided == 1 and linked == 0 and handovers == 1
    assert numbers == [f"DB2026-{i:06d}" for i in range(1, len(numbers) + 1)]
    assert notices >= 1
