"""A01/A02/A03: the audit trail, the lookup register and the export log refuse UPDATE and DELETE in
the database itself (m0046), whatever code path tries."""

from __future__ import annotations

import pytest
from peewee import IntegrityError

from dutydesk.store.accounts.account import create_account
from dutydesk.store.archive.lookup_register import LookupEntry
from dutydesk.store.audit import AuditEntry
from dutydesk.store.privacy import ExportLog

TABLES = ("audit_entry", "lookup_entry", "export_log")


@pytest.fixture
def logs(desk):
    create_account("赵干部", "operator", desk.who, desk.now())  # one audit entry more
    now = desk.now()
    LookupEntry.create(opened_at=now, opened_by="李文书", query="张三", ref_table="visit", ref_id=1,
                       kind="visit", title="来访", reason="核对", approved_by="王书记",
                       approval="logged_in")
    ExportLog.create(exported_at=now, exported_by="李文书", what="来访登记", unmasked=False)
    return desk


@pytest.mark.parametrize("table", TABLES)
def test_a03_log_rows_cannot_be_updated_or_deleted(logs, table):
    db = logs.db
    before = db.execute_sql(f"SELECT * FROM {table} ORDER BY id").fetchall()
    assert before
    column = {"audit_entry": "account", "lookup_entry": "opened_by", "export_log": "exported_by"}[table]
    with pytest.raises(IntegrityError, match="只能追加，不能修改"):
        db.execute_sql(f"UPDATE {table} SET {column} = '某人'")
    with pytest.raises(IntegrityError, match="只能追加，不能删除"):
        db.execute_sql(f"DELETE FROM {table}")
    assert db.execute_sql(f"SELECT * FROM {table} ORDER BY id").fetchall() == before


def test_a02_models_cannot_edit_or_remove_entries_either(logs):
    entry = AuditEntry.select().first()
    entry.account = "改过的"
    with pytest.raises(IntegrityError):
        entry.save()
    with pytest.raises(IntegrityError):
        LookupEntry.delete().execute()
    with pytest.raises(IntegrityError):
        ExportLog.update(what="别的").execute()
    assert AuditEntry.get_by_id(entry.id).account != "改过的"
    assert LookupEntry.select().count() == 1 and ExportLog.get().what == "来访登记"


def test_a01_appending_still_works(logs):
    count = AuditEntry.select().count()
    create_account("孙干部", "operator", logs.who, logs.now())
    assert AuditEntry.select().count() == count + 1
