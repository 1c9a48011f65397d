"""Imports every feature's store modules, so their models, settings and feed providers are
registered whenever the books are opened (GUI, CLI or tests). One line per feature module."""

import dutydesk.store.township_inbox  # noqa: F401  (the township's packages, issue 16)
from dutydesk.store import audit, backup_schedule, bundle_log, calendar_days, center, privacy, settings  # noqa: F401
from dutydesk.store.accounts import account, login  # noqa: F401
from dutydesk.store.archive import lookup_register, register_search, search_sources, year_filing  # noqa: F401
from dutydesk.store.duty import (  # noqa: F401
    attendance,
    handover,
    inspections,
    leave,
    leave_return,
    meetings,
    relay,
    review_meeting,
    roster,
    satisfaction,
    staff,
    whereabouts,
)
from dutydesk.store.grid import area, diary, household, household_visit, pairing, quota, search  # noqa: F401
from dutydesk.store.messages import appointments, inquiry_letters, message  # noqa: F401
from dutydesk.store.notices import (  # noqa: F401
    catalogue,
    notice,
    notice_follow_up,
    proxy_cases,
    proxy_feeds,
    proxy_investigation,
    reprints,
    session_agent,
    slip_numbers,
)
from dutydesk.store.visits import (  # noqa: F401
    accountability,
    analysis_meeting,
    incident_reports,
    leadership_requests,
    residents,
    sent_up,
    visit,
    visit_feeds,
    visit_progress,
)
