"""Issue 16 point 3: the township's data folder and books, on SQLite and PostgreSQL (point 8).

A03: the audit trail is append-only on both engines; the township's own migration set creates
every table its models (and the store machinery it reuses) need.
"""

from __future__ import annotations

import pytest

from dutydesk.store.accounts.account import Account
from dutydesk.store.accounts.login import LoginAttempt, login_required, set_password
from dutydesk.store.audit import AuditEntry
from dutydesk.store.datafolder import DataFolder, DeskError
from dutydesk.store.settings import SettingValue
from dutydesk.township import township_books  # noqa: F401  (imports every township model)
from dutydesk.township.migrations import MIGRATIONS, applied
from dutydesk.township.township_database import TownshipModel, read_config
from dutydesk.township.township_folder import init_township, open_township
from tests.township.books.conftest import TOWNSHIP_CODE


def _models() -> list:
    found, stack = [], list(TownshipModel.__subclasses__())
    while stack:
        model = stack.pop()
        stack.extend(model.__subclasses__())
        found.append(model)
    return found


def test_every_township_model_and_the_reused_store_tables_exist_after_migrating(township):
    models = [*_models(), Account, LoginAttempt, AuditEntry, SettingValue]
    assert len(models) > 9
    for model in models:
        table = model._meta.table_name
        columns = {c.name for c in township.db.get_columns(table)}
        wanted = {f.column_name for f in model._meta.sorted_fields}
        assert wanted <= columns, f"{table}: {wanted - columns} not created by the township's migrations"
    assert applied(township.db) == MIGRATIONS


def test_init_writes_the_profile_and_a_first_administrator(township):
    profile = township.profile()
    assert (profile.name, profile.code) == ("桃源镇", TOWNSHIP_CODE)
    assert township.account.name == "管理员" and township.account.role == "admin"
    assert read_config(township.folder)["code"] == TOWNSHIP_CODE


def test_a03_the_audit_trail_is_append_only(township):
    assert AuditEntry.select().where(AuditEntry.table_name == "township_profile").exists()
    with pytest.raises(Exception, match="只能追加"):
        AuditEntry.update(account="别人").execute()
    if township.db.in_transaction():
        township.db.rollback()
    with pytest.raises(Exception, match="只能追加"):
        AuditEntry.delete().execute()


def test_reopening_finds_the_same_books_and_passwords_work(township):
    set_password(township.account, "2468", township.who, township.now())
    folder, url = township.folder, township.url
    township.close()
    again = open_township(folder, clock=township.clock)  # the server, if any, from township.json
    try:
        assert again.url == url and again.profile().code == TOWNSHIP_CODE
        assert login_required()
    finally:
        again.close()
        township.db = again.db


@pytest.mark.parametrize(("code", "message"), [("12345", "12位"), ("35042510000A", "只能是数字"),
                                                ("", "请填写")])
def test_init_refuses_a_bad_code_in_chinese(tmp_path, code, message):
    with pytest.raises(DeskError, match=message):
        init_township(DataFolder(tmp_path / "t"), "桃源镇", code)
    assert not (tmp_path / "t").exists()


def test_init_refuses_a_folder_that_is_already_a_township_or_a_desk(tmp_path, desk):
    with pytest.raises(DeskError, match="村（社区）值班台数据"):
        init_township(desk.folder, "桃源镇", TOWNSHIP_CODE)
    folder = DataFolder(tmp_path / "t")
    init_township(folder, "桃源镇", TOWNSHIP_CODE).close()
    with pytest.raises(DeskError, match="已经是镇级数据文件夹"):
        init_township(folder, "桃源镇", TOWNSHIP_CODE)


def test_opening_a_folder_that_is_no_township_is_refused(tmp_path):
    with pytest.raises(DeskError, match="不是镇级数据文件夹"):
        open_township(DataFolder(tmp_path / "nothing"))


def test_a_database_address_that_is_wrong_or_unreachable_is_said_in_chinese(tmp_path):
    with pytest.raises(DeskError, match="postgresql://用户名@服务器"):
        init_township(DataFolder(tmp_path / "a"), "桃源镇", TOWNSHIP_CODE, "mysql://root@host/db")
    with pytest.raises(DeskError, match="连不上镇级数据库服务器") as caught:
        init_township(DataFolder(tmp_path / "b"), "桃源镇", TOWNSHIP_CODE,
                      "postgresql://clerk:secret@127.0.0.1:1/township")
    assert "secret" not in str(caught.value)  # the password is never shown or kept
    assert not (tmp_path / "b" / "township.json").exists()


def test_books_from_a_newer_release_are_refused_in_chinese(township):
    from dutydesk.store.migrations import SchemaError
    from dutydesk.township.migrations import TRACKING, migrate

    p = township.db.param
    township.db.execute_sql(f"INSERT INTO {TRACKING} (name, applied_at) VALUES ({p}, {p})",
                            ("t9999_future", "2030-01-01"))
    with pytest.raises(SchemaError, match="更新版本"):
        migrate(township.db)


def test_a_township_folder_whose_file_is_gone_is_said_plainly(tmp_path):
    folder = DataFolder(tmp_path / "t")
    init_township(folder, "桃源镇", TOWNSHIP_CODE).close()
    (folder.path / "township.sqlite3").rename(tmp_path / "elsewhere.sqlite3")
    with pytest.raises(DeskError, match="找不到数据文件"):
        open_township(folder)
