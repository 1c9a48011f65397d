"""The one per-field error type every form's store call raises (shown beside the inputs)."""

from __future__ import annotations

import pytest

from dutydesk.domain.field_errors import FieldErrors


def test_field_errors_keep_each_message_and_join_them_for_one_line():
    error = FieldErrors({"reason": "请填写查阅原因", "director": "请选择批准查阅的主任"})
    assert error.errors == {"reason": "请填写查阅原因", "director": "请选择批准查阅的主任"}
    assert str(error) == "请填写查阅原因；请选择批准查阅的主任"
    assert isinstance(error, ValueError)  # callers that catch ValueError still catch it


@pytest.mark.parametrize("module, name", [
    ("visits.visit", "VisitInvalid"), ("notices.notice", "NoticeInvalid"), ("privacy", "ExportRefused"),
    ("duty.roster", "RosterEditError"), ("duty.inspections", "FindingError"),
    ("visits.residents", "ResidentInvalid"), ("duty.staff", "StaffError"),
    ("archive.lookup_register", "ApprovalRefused"), ("archive.year_filing", "CorrectionInvalid"),
    ("notices.proxy_cases", "CaseInvalid"), ("duty.leave", "LeaveError"), ("duty.satisfaction", "SurveyError"),
])
def test_store_input_errors_are_field_errors(module, name):
    import importlib

    cls = getattr(importlib.import_module(f"dutydesk.store.{module}"), name)
    error = cls({"name": "请填写姓名"})
    assert isinstance(error, FieldErrors) and error.errors == {"name": "请填写姓名"} and str(error) == "请填写姓名"
