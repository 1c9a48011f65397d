"""When every feature's store modules are imported (``store.features``), so that the window's
first paint does not wait for them (issue 17).

Opening the books (``desk.open_desk``) imports them all, as before, for the command line,
the demo generator and every test. The window's start opens the books without them, builds
its first screen inside ``first_screen()`` and imports them just after it has shown (the main
window's ``finish_entries``). Whatever reads a registry the features fill imports them first,
whenever it runs: ``open_matters``, the duty log's feed, the archive's search sources and
every audited write (its guards and hooks: closed years, the search index). The one thing
the first screen shows from them, the open matters in 今日值班's handover box, reads
"正在读取…" until then (``handover.open_matters_text``), and is filled right after.
"""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

FEATURES = "dutydesk.store.features"

# The window imports the features one module per turn of the event loop once it has shown (issue
# 17: all at once held it ~0.1-0.2 s). Each module comes after the modules it imports, so no turn
# imports a long chain: a module whose imports are heavy has them listed above it. A feature
# module not listed here still loads, with ``store.features`` at the end; ``tests/store/
# test_feature_loading.py`` checks that none is missing and that no step imports a chain.
STEPS = tuple(f"dutydesk.{name}" for name in (
    "store.audit", "store.settings", "store.privacy", "store.center", "store.calendar_days",
    "store.atomic", "store.restore_target", "store.backup_check", "store.restore", "store.backup_schedule",
    "store.accounts.account", "store.accounts.login", "domain.idcard",
    "domain.name_initials", "store.visits", "store.visits.residents", "domain.incident", "domain.visit_rules",
    "store.visits.visit", "store.duty.staff", "store.duty.roster", "store.duty.leave",
    "store.duty.leave_return", "store.duty.sign_in_identity", "store.duty.attendance", "store.duty.whereabouts",
    "store.duty.meetings",
    "store.duty.inspections", "store.duty.handover", "domain.appointment", "store.messages",
    "store.messages.appointments", "store.township_inbox", "store.bundle_log", "store.archive",
    "store.archive.retention", "store.archive.lookup_register", "store.archive.record_view",
    "store.messages.inquiry_letters", "domain.message", "store.duty_log_feed", "store.messages.message",
    "store.notices", "domain.import_guard", "store.notices.catalogue", "domain.placeholders",
    "store.notices.slip_numbers",
    "store.notices.notice", "store.visits.visit_progress", "store.notices.proxy_visit",
    "store.notices.proxy_cases", "store.visits.accountability", "store.visits.analysis_meeting",
    "store.visits.leadership_requests", "domain.higher_approval", "store.visits.sent_up",
    "store.archive.register_search", "store.search_rebuild", "store.archive.search_sources",
    "store.archive.year_filing", "store.duty.relay", "store.duty.review_meeting", "domain.assessment",
    "store.duty.satisfaction", "store.grid", "store.grid.area", "domain.grid", "domain.grid.diary_deadline",
    "domain.grid.key_persons", "store.grid.household", "store.grid.diary", "store.grid.household_visit",
    "store.grid.pairing", "domain.grid.period", "domain.grid.quota", "domain.grid.roles", "store.grid.quota",
    "domain.grid.spot_check", "store.grid.spot_check", "store.grid.search", "store.notices.notice_follow_up",
    "store.notices.proxy_feeds", "domain.item_suggestion", "store.notices.session_agent",
    "store.visits.first_responder", "store.notices.proxy_intake", "store.notices.proxy_investigation",
    "store.notices.reprints", "store.visits.incident_reports", "store.visits.visit_feeds",
))

_loaded = False
_first_screen = False
_lock = threading.RLock()  # a worker thread asking meanwhile waits for the one import


def load_features() -> None:
    """Import every feature's store modules (once; cheap afterwards)."""
    global _loaded
    if _loaded:
        return
    with _lock:
        if not _loaded:
            importlib.import_module(FEATURES)
            _loaded = True


def feature_steps() -> list[str]:
    """The modules still to import, in order (``STEPS``, then ``store.features`` itself)."""
    return [name for name in (*STEPS, FEATURES) if name not in sys.modules]


def load_feature_step(name: str) -> None:
    """Import one module of ``feature_steps`` (the window: one per turn of the event loop)."""
    global _loaded
    with _lock:
        importlib.import_module(name)
        if name == FEATURES:
            _loaded = True


def features_loaded() -> bool:
    """Imported, by ``load_features`` or directly (tests import ``store.features`` themselves)."""
    return _loaded or FEATURES in sys.modules


def features_pending() -> bool:
    """True while the window's first screen is built without the features."""
    return _first_screen and not features_loaded()


@contextmanager
def first_screen() -> Iterator[None]:
    """Build the first screen without importing the features for what can wait a moment."""
    global _first_screen
    _first_screen = True
    try:
        yield
    finally:
        _first_screen = False
