"""A03: the audit trail as directors read it: filters, one record's history, readable lines."""

from __future__ import annotations

import datetime as dt

from dutydesk.store import audit
from dutydesk.store.accounts.account import Account
from dutydesk.store.archive.audit_query import AuditFilter, audit_page, describe, record_history
from dutydesk.store.duty.staff import StaffInput, add_staff, change_phone


def test_a03_update_shows_old_and_new_with_reason(desk):
    account = Account.get(Account.name == "李文书")
    audit.update(account, "管理员", desk.now(), reason="调整职责", role="director")
    [entry] = audit_page(AuditFilter(table_name="account", record_id=account.id, account="管理员"), 0, 10)[:1]
    assert describe(entry) == "修改 权限：值班员 → 主任（原因：调整职责）"


def test_d12_staff_phone_change_is_in_the_audit_trail(desk, clock):
    """D12: a changed duty phone is on record with when, who and the old and new number."""
    staff = add_staff(StaffInput("赵文书", "文书", "13800000004", active_from=dt.date(2026, 1, 1)), "管理员",
                      clock.now())
    clock.advance(hours=2)
    change_phone(staff, "13900000004", dt.date(2026, 11, 24), "王书记", clock.now())
    lines = [(e.at, e.account, describe(e)) for e in record_history("staff", staff.id)]
    assert lines[-1] == (dt.datetime(2026, 11, 24, 11, 0), "王书记",
                         "修改 手机号：13800000004 → 13900000004（原因：手机号变更）")


def test_date_filter_is_inclusive(desk, clock):
    audit.update(Account.get(Account.name == "李文书"), "管理员", clock.now(), role="director")
    day = clock.today()
    assert audit_page(AuditFilter(table_name="account", start=day, end=day), 0, 50)
    assert not audit_page(AuditFilter(table_name="account", start=day + dt.timedelta(days=1)), 0, 50)
