"""A03: every create, update and void keeps who, when, old and new; nothing is deleted."""

import datetime as dt

import pytest

from dutydesk.store import audit
from dutydesk.store.accounts.account import Account
from dutydesk.store.center import CenterRecord, load_center, save_center


def test_a03_update_keeps_old_and_new_values(desk, clock):
    profile = load_center()
    profile.address = "青石村新村部二楼"
    clock.advance(hours=1)
    save_center(profile, "王书记", clock.now())
    record = CenterRecord.get()
    entries = audit.history(record)
    assert [(e.action, e.field) for e in entries] == [
        ("create", None), ("update", "updated_at"), ("update", "address")
    ]
    change = entries[2]
    assert (change.field, change.old_value, change.new_value) == (
        "address", "桃源镇青石村村部一楼", "青石村新村部二楼"
    )
    assert change.account == "王书记"
    assert change.at == dt.datetime(2026, 11, 24, 10, 0)


def test_a03_unchanged_values_write_no_history(desk, clock):
    save_center(load_center(), "王书记", clock.now())
    assert [e.action for e in audit.history(CenterRecord.get())] == ["create"]


def test_guard_refuses_write_and_nothing_changes(desk, clock):
    def guard(instance, action):
        raise audit.RecordLocked("该年度已归档，不能修改")

    audit.BEFORE_WRITE.append(guard)
    try:
        with pytest.raises(audit.RecordLocked):
            audit.update(Account.get(Account.name == "李文书"), "管理员", clock.now(), role="director")
    finally:
        audit.BEFORE_WRITE.remove(guard)
    assert Account.get(Account.name == "李文书").role == "operator"


def test_after_write_hook_runs_inside_the_transaction(desk, clock):
    seen = []

    def hook(instance, action):
        seen.append((instance._meta.table_name, action))
        raise RuntimeError("index failed")

    audit.AFTER_WRITE.append(hook)
    try:
        with pytest.raises(RuntimeError):
            audit.create(Account, "管理员", clock.now(), name="张三", role="operator",
                         created_at=clock.now())
    finally:
        audit.AFTER_WRITE.remove(hook)
    assert seen == [("account", "create")]
    # the failed hook rolled the insert back: the books never disagree with the index
    assert not Account.select().where(Account.name == "张三").exists()
