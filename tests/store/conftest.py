from __future__ import annotations

import pytest

from dutydesk.store.visits.residents import ResidentData, create_resident
from dutydesk.store.visits.visit import VisitDraft


@pytest.fixture
def zhang(desk):
    return create_resident(ResidentData("张三", id_number="11010519491231002X", phones=["13812345678"],
                                        village_group="三组", tags=["低保户"]), desk.who, desk.now())


def draft(**changes) -> VisitDraft:
    values = dict(channel="来访", category="政策咨询", person_name="张三", request="咨询低保续办材料",
                  responder_name="李文书", outcome="即办", result="已告知所需材料", contact="13812345678")
    values.update(changes)
    return VisitDraft(**values)
