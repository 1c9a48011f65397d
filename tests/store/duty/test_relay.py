"""上传下达 in the books: a township notice relayed, one not yet relayed in 待跟进, a matter passed
up, and the audit trail (D18)."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.store.audit import history
from dutydesk.store.duty.relay import DOWN, UP, RelayDraft, RelayInvalid, mark_relayed, record_entry, unrelayed
from dutydesk.store.open_matters import open_matters

DAY = dt.date(2026, 11, 23)


def notice(desk, subject: str, **changes):
    values = dict(direction=DOWN, day=DAY, counterpart="桃源镇党政办", subject=subject, detail="11月30日前完成")
    values.update(changes)
    return record_entry(RelayDraft(**values), desk.who, desk.now())


def test_d18_a_township_notice_relayed_with_to_whom_when_and_how(desk):
    entry = notice(desk, "关于开展冬季防火检查的通知")
    assert entry.status_text == "未传达" and entry.handled_by == "管理员"
    with pytest.raises(RelayInvalid) as err:
        mark_relayed(entry, "", "", "李文书", desk.now())
    assert err.value.errors == {"relayed_to": "请填写传达对象（向谁传达）", "relay_how": "请选择或填写传达方式"}
    mark_relayed(entry, "各村民小组长", "微信群", "李文书", desk.now())
    assert entry.status_text == "已传达（11-24 09:00）" and entry.handled_by == "李文书"
    assert history(entry)[0].action == "create"
    assert {e.field for e in history(entry) if e.action == "update"} >= {"relayed_to", "relay_how", "relayed_at"}
    with pytest.raises(RelayInvalid) as err:
        mark_relayed(entry, "全体村民", "广播", "李文书", desk.now())
    assert err.value.errors["entry"] == "该通知已于11月24日 09:00传达"
    assert unrelayed() == []


def test_d18_an_unrelayed_notice_joins_the_open_matters_until_relayed(desk):
    waiting = notice(desk, "关于医保缴费的通知", day=dt.date(2026, 11, 20))
    notice(desk, "当场传达的通知", relayed_to="全体两委干部", relay_how="会议传达")
    matters = [m for m in open_matters(desk.today(), desk.calendar()) if m.kind == "relay"]
    assert [(m.summary, m.due, m.status) for m in matters] == [
        ("未传达：桃源镇党政办《关于医保缴费的通知》", dt.date(2026, 11, 23), "overdue")]
    mark_relayed(waiting, "低保户、五保户", "电话通知", "李文书", desk.now())
    assert [m for m in open_matters(desk.today(), desk.calendar()) if m.kind == "relay"] == []


def test_d18_a_matter_passed_up_is_logged_as_sent(desk):
    with pytest.raises(RelayInvalid) as err:
        record_entry(RelayDraft(UP, DAY, "", ""), desk.who, desk.now())
    assert err.value.errors == {"counterpart": "请填写报送单位", "subject": "请填写事由"}
    entry = record_entry(RelayDraft(UP, DAY, "桃源镇民政办", "报送11月低保动态调整名单"), desk.who, desk.now())
    assert entry.relayed_to == "桃源镇民政办" and entry.status_text == "已报送"
    assert unrelayed() == []
