"""The duty models and migration m0020 cannot drift: every field has its column."""

from __future__ import annotations

from dutydesk.store.duty.attendance import SignIn
from dutydesk.store.duty.handover import DutyNote, Handover
from dutydesk.store.duty.inspections import DutyFinding
from dutydesk.store.duty.leave import LeaveRequest
from dutydesk.store.duty.roster import DutySwap, RosterSlot, SpecialPeriod
from dutydesk.store.duty.satisfaction import SatisfactionSurvey
from dutydesk.store.duty.staff import Staff, StaffPhone
from dutydesk.store.duty.whereabouts import Whereabouts

MODELS = [Staff, StaffPhone, RosterSlot, SpecialPeriod, DutySwap, SignIn, LeaveRequest, DutyFinding,
          Handover, DutyNote, Whereabouts, SatisfactionSurvey]


def test_every_duty_model_column_exists_after_migrating(desk):
    for model in MODELS:
        table = model._meta.table_name
        columns = {c.name for c in desk.db.get_columns(table)}
        expected = {f.column_name for f in model._meta.sorted_fields}
        assert expected <= columns, (table, expected - columns)
