"""Issue 17: the register's cells are worked out once per row (masking V09, deadline text), not on
every paint and column sizing; what the user sees is unchanged."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dutydesk.store.visits.visit import VisitDraft, register_visit
from dutydesk.store.visits.visit_queries import VisitFilter
from dutydesk.ui.visits import register_list
from dutydesk.ui.visits.register_list import COLUMNS, VisitTableModel


def test_v09_register_cells_masked_once_per_row(app, desk, monkeypatch):
    for name in ("张三", "李四"):
        draft = VisitDraft(channel="来电", category="求助", person_name=name, request="回电13812345678",
                           responder_name="李文书", outcome="即办", result="已回电")
        register_visit(draft, desk.who, desk.now(), desk.calendar())
    calls = []
    real = register_list.mask_numbers
    monkeypatch.setattr(register_list, "mask_numbers", lambda text: calls.append(text) or real(text))
    model = VisitTableModel(desk)
    model.set_filter(VisitFilter(start=desk.today(), end=desk.today()))
    seen = [[model.index(r, c).data(Qt.ItemDataRole.DisplayRole) for c in range(len(COLUMNS))]
            for _ in range(3) for r in range(model.rowCount())]
    assert model.rowCount() == 2 and len(calls) == 2
    assert {row[3] for row in seen} == {"张三", "李四"}
    assert all(row[5] == "回电138****5678" for row in seen)
