"""The visit/resident/calendar models match what migration m0010 created (model and DDL in step)."""

from __future__ import annotations

import pytest

from dutydesk.store.calendar_days import CalendarDay
from dutydesk.store.visits.residents import Resident, ResidentPhone
from dutydesk.store.visits.visit import Visit, VisitExtension, VisitFeedback, VisitFollowup, VisitPause


@pytest.mark.parametrize("model", [Resident, ResidentPhone, Visit, VisitFollowup, VisitFeedback,
                                   VisitPause, VisitExtension, CalendarDay])
def test_model_columns_exist_after_migrating(desk, model):
    columns = {c.name for c in desk.db.get_columns(model._meta.table_name)}
    assert {f.column_name for f in model._meta.sorted_fields} <= columns


def test_lookup_columns_are_indexed(desk):
    def indexed(table):
        return {tuple(i.columns) for i in desk.db.get_indexes(table)}

    assert ("name_initials",) in indexed("resident")
    assert ("phone",) in indexed("resident_phone")
    assert ("id_number",) in indexed("resident")
