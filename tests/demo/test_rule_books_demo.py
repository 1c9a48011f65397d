"""The demo covers issue 18's points: the wall guide prints (N08), notices followed up (N07), an
agent per session (P10), investigated cases sent up (P11), a decided breach (V12), a meeting (V11)."""

from __future__ import annotations

from dutydesk.commands.demo import fill_demo_folder
from dutydesk.domain.clock import FixedClock
from dutydesk.store.base import connect
from dutydesk.store.datafolder import DataFolder
from tests.conftest import DEFAULT_NOW


def test_demo_fills_the_rule_book_duties(tmp_path):
    folder = DataFolder(tmp_path / "demo")
    fill_demo_folder(folder, seed=7, days=60, scale=0.5, clock=FixedClock(DEFAULT_NOW))
    db = connect(folder.db_path)
    try:
        def count(sql: str) -> int:
            return db.execute_sql(sql).fetchone()[0]

        assert count("SELECT COUNT(*) FROM catalogue_version WHERE data LIKE '%请填写%' AND id IN "
                     "(SELECT MAX(id) FROM catalogue_version GROUP BY code)") == 0  # N08: printable
        assert count("SELECT COUNT(*) FROM notice_follow_up WHERE outcome = '不予受理'") >= 1  # N07
        assert count("SELECT COUNT(*) FROM session_agent") >= 1  # P10
        assert count("SELECT COUNT(*) FROM proxy_investigation WHERE found_at IS NOT NULL") >= 1  # P11
        assert count("SELECT COUNT(*) FROM accountability_record") == 1  # V12
        assert count("SELECT COUNT(*) FROM meeting_decision") == 2  # V11
    finally:
        db.close()
