"""V09 in 审计记录: old and new values quoting residents' numbers are masked for the director who
reads the trail (who changed what stays readable; the numbers do not leave unlogged)."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

from dutydesk.store.accounts.account import Account
from dutydesk.store.visits.visit import VisitDraft, correct_visit, register_visit
from dutydesk.ui.archive.audit_viewer import AuditViewer
from tests.ui.helpers import by_name


def test_v09_audit_viewer_masks_numbers_in_old_and_new_values(app, qtbot, desk):
    visit = register_visit(VisitDraft(channel="来访", category="政策咨询", person_name="周桂兰",
                                      contact="13822223333", request="回电139 1234 5678",
                                      responder_name="李文书", outcome="即办", result="已答复"),
                           desk.who, desk.now(), desk.calendar())
    correct_visit(visit, desk.who, desk.now(), "更正号码", contact="13911112222",
                  request="回电 110105 19900307 1234")
    desk.account = Account.get(Account.name == "王书记")
    viewer = AuditViewer(desk)
    qtbot.addWidget(viewer)
    model = by_name(viewer, "审计记录", QTableView).model()
    cells = ["".join(str(model.index(r, c).data()).split()) for r in range(model.rowCount())
             for c in range(model.columnCount())]
    assert any("139****2222" in c for c in cells) and any("138****3333" in c for c in cells)
    for number in ("13822223333", "13911112222", "13912345678", "110105199003071234"):
        assert not [c for c in cells if number in c], number
