"""The township's simple checks on a village's month (issue 16 point 5), without a database."""

from __future__ import annotations

import datetime as dt

from dutydesk.domain.month_flags import closed_without_feedback, month_flags, overdue_visits

END = dt.date(2026, 11, 30)


def visit(id_: int, deadline: str | None, status: str = "in_progress", **more) -> dict:
    return {"id": id_, "deadline": deadline, "status": status, "outcome": "代办", "received_at": "2026-11-02 09:00:00",
            "closed_at": None, "voided_at": None, **more}


def test_v04_open_past_its_deadline_or_answered_late_is_overdue():
    visits = [visit(1, "2026-11-10"), visit(2, "2026-12-10"), visit(3, "2026-11-10", "fed_back"),
              visit(4, "2026-11-10", "fed_back"), visit(5, None), visit(6, "2026-11-01", voided_at="x"),
              visit(7, "2026-11-01", "done", outcome="即办")]
    feedbacks = [{"visit_id": 3, "given_at": "2026-11-12 10:00:00", "voided_at": None},
                 {"visit_id": 4, "given_at": "2026-11-09 10:00:00", "voided_at": None}]
    # 1 open and late, 3 answered late; 2 not due yet, 4 in time, 7 done the day it came (after a
    # deadline typed wrong: received on the 2nd, so late); 5 has no deadline, 6 is void
    assert overdue_visits(visits, feedbacks, END) == (3, 5)


def test_closed_without_feedback_counts_closed_matters():
    assert closed_without_feedback([visit(1, None, "done", closed_at="2026-11-20 09:00:00"), visit(2, None)]) == 1


def test_flags_in_chinese_with_thresholds_from_settings():
    tally = [{"name": "陈立新", "absent": 3}, {"name": "王芳", "absent": 2}]
    flags = month_flags([visit(1, "2026-11-10"), visit(2, None, closed_at="2026-11-20")], [], tally, END, 0.1, 3)
    assert flags == ["超期率100%（1/1件），高于10%", "1件事项未反馈即关闭", "陈立新缺勤3次"]
    assert month_flags([visit(1, "2026-11-10")], [], tally, END, 1.0, 4) == []
