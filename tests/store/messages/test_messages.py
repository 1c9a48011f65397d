"""V10, D09: messages left at the desk are tracked until passed on; undelivered ones reach the
handover at once and 待跟进 after the setting's hours."""

from __future__ import annotations

import pytest

from dutydesk.domain import message as rules
from dutydesk.store.audit import AuditEntry
from dutydesk.store.duty.handover import open_matters_text
from dutydesk.store.messages.message import (
    Message,
    MessageDraft,
    MessageInvalid,
    deliver,
    leave_message,
    undelivered,
)
from dutydesk.store.open_matters import open_matters
from dutydesk.store.settings import set_setting


def _leave(desk, **changes) -> Message:
    values = dict(from_name="赵大爷", for_kind="干部", for_name="王书记", content="请回电商量修路的事，电话13812345678",
                  from_contact="13812345678", channel="来电")
    values.update(changes)
    return leave_message(MessageDraft(**values), desk.who, desk.now())


def test_v10_message_records_from_whom_for_whom_content_contact(desk):
    m = _leave(desk)
    assert (m.from_name, m.for_kind, m.for_name, m.from_contact, m.channel, m.taken_by) == (
        "赵大爷", "干部", "王书记", "13812345678", "来电", "管理员")
    assert m.state_label == "未转达"
    with pytest.raises(MessageInvalid) as exc:
        _leave(desk, from_name=" ", for_kind="领导", for_name="", content="", from_contact="123")
    assert set(exc.value.errors) == {"from_name", "for_kind", "for_name", "content", "from_contact"}
    assert "请填写留言人" in exc.value.errors.values()


def test_v10_d09_undelivered_message_in_handover_at_once_and_followup_after_hours(desk, clock):
    """V10/D09: handed over immediately; 待跟进 (overdue) only after the setting's hours."""
    m = _leave(desk)
    text = open_matters_text(desk.today(), desk.calendar(), desk.now())
    assert m.ref in text and "赵大爷→王书记" in text
    assert "13812345678" not in text  # V09: numbers masked in the handover
    [matter] = [x for x in open_matters(desk.today(), desk.calendar(), desk.now()) if x.kind == "message"]
    assert matter.status == "ok"
    clock.advance(hours=rules.FOLLOWUP_HOURS.default - 1)
    assert [x.status for x in open_matters(desk.today(), desk.calendar(), desk.now()) if x.kind == "message"] == ["ok"]
    clock.advance(hours=1)
    [matter] = [x for x in open_matters(desk.today(), desk.calendar(), desk.now()) if x.kind == "message"]
    assert matter.status == "overdue" and "已等24小时" in matter.summary


def test_v10_hours_are_a_setting(desk, clock):
    set_setting(rules.FOLLOWUP_HOURS, 2, desk.today(), desk.who, desk.now())
    _leave(desk)
    clock.advance(hours=2)
    assert [x.status for x in open_matters(desk.today(), desk.calendar(), desk.now()) if x.kind == "message"] == [
        "overdue"]


def test_v10_delivered_message_leaves_the_handover_with_who_and_how(desk, clock):
    m = _leave(desk)
    clock.advance(hours=1)
    with pytest.raises(MessageInvalid) as exc:
        deliver(m, "", "飞鸽", "", desk.who, desk.now())
    assert set(exc.value.errors) == {"delivered_by", "delivery_method"}
    done = deliver(m, "李文书", "电话", "王书记已回电", desk.who, desk.now())
    assert (done.delivered_by, done.delivery_method, done.delivered_at) == ("李文书", "电话", desk.now())
    assert undelivered() == []
    assert m.ref not in open_matters_text(desk.today(), desk.calendar(), desk.now())
    assert AuditEntry.select().where((AuditEntry.table_name == "message") & (AuditEntry.action == "update")).exists()
    with pytest.raises(MessageInvalid, match="已转达"):
        deliver(done, "李文书", "电话", "", desk.who, desk.now())


def test_d10_messages_in_the_day_duty_log(desk, clock):
    from dutydesk.store.duty_log_feed import entries_for

    m = _leave(desk)
    _leave(desk, from_name="镇农业办", for_kind="单位", for_name="村委会", content="报送统计表", from_contact="")
    deliver(m, "李文书", "电话", "", desk.who, desk.now())
    entries = [e for e in entries_for(desk.today()) if e.kind == "留言转告"]
    assert [e.result for e in entries] == ["已电话转达（李文书）", "未转达"]
    assert entries[0].text.startswith("赵大爷留言给王书记（干部）：请回电") and "13812345678" not in entries[0].text
    assert entries[1].text == "镇农业办留言给村委会（单位）：报送统计表"
