"""V09/A05: phones and ID numbers masked for roles not entitled; unmasked exports need a director
and a reason and are logged."""

from __future__ import annotations

import pytest

from dutydesk.store.accounts.account import Account
from dutydesk.store.accounts.login import set_password
from dutydesk.store.privacy import (
    UNMASKED_ROLES,
    ExportLog,
    ExportRefused,
    authorize_unmasked_export,
    export_masker,
    log_export,
    mask_for,
    mask_numbers,
    mask_text,
    mask_value,
)
from dutydesk.store.settings import set_setting


def _acc(name: str) -> Account:
    return Account.get(Account.name == name)


def test_v09_masks():
    assert mask_value("phone", "13812345678") == "138****5678"
    assert mask_value("id_number", "11010519491231002X") == "110105********002X"
    assert mask_value("phone", "0571-63281234") == "0571-****1234"
    assert mask_numbers("张三 13812345678，身份证11010519491231002x，座机0571-63281234") == (
        "张三 138****5678，身份证110105********002x，座机0571-****1234")


def test_v09_operator_sees_masked_director_unmasked(desk):
    assert mask_for(_acc("李文书"), "phone", "13812345678") == "138****5678"
    assert mask_for(_acc("王书记"), "phone", "13812345678") == "13812345678"
    assert mask_text(_acc("李文书"), "电话13812345678") == "电话138****5678"


def test_v09_unmasked_roles_are_a_setting(desk):
    set_setting(UNMASKED_ROLES, ["admin"], desk.today(), desk.who, desk.now())
    assert mask_for(_acc("王书记"), "id_number", "11010519491231002X") == "110105********002X"
    assert mask_for(_acc("管理员"), "id_number", "11010519491231002X") == "11010519491231002X"


def test_v09_exports_are_masked_by_default(desk):
    assert export_masker(None)("phone", "13812345678") == "138****5678"


def test_v09_unmasked_export_needs_director_and_reason(desk):
    set_password(_acc("王书记"), "1357", desk.who, desk.now())
    with pytest.raises(ExportRefused) as exc:
        authorize_unmasked_export(_acc("李文书"), "来访登记簿", "", desk.now(), "王书记", "1357")
    assert "reason" in exc.value.errors
    with pytest.raises(ExportRefused) as exc:
        authorize_unmasked_export(_acc("李文书"), "来访登记簿", "镇里核查", desk.now(), "王书记", "9999")
    assert "password" in exc.value.errors
    grant = authorize_unmasked_export(_acc("李文书"), "来访登记簿", "镇里核查", desk.now(), "王书记", "1357")
    assert export_masker(grant)("phone", "13812345678") == "13812345678"
    log_export("李文书", desk.now(), "来访登记簿", grant, "/tmp/x.xlsx")
    entry = ExportLog.get()
    assert (entry.unmasked, entry.approved_by, entry.reason, entry.exported_by) == (
        True, "王书记", "镇里核查", "李文书")


def test_director_logged_in_grants_own_export(desk):
    set_password(_acc("王书记"), "1357", desk.who, desk.now())
    grant = authorize_unmasked_export(_acc("王书记"), "来访登记簿", "存档", desk.now())
    assert grant.approved_by == "王书记"


def test_v09_director_without_password_cannot_grant_an_unmasked_export(desk):
    """V09: an account anyone can choose without a secret approves nothing, not even itself."""
    with pytest.raises(ExportRefused) as exc:
        authorize_unmasked_export(_acc("王书记"), "来访登记簿", "存档", desk.now())
    assert "王书记尚未设置密码" in exc.value.errors["director"]
    with pytest.raises(ExportRefused) as exc:
        authorize_unmasked_export(_acc("李文书"), "来访登记簿", "存档", desk.now(), "", "")
    assert "没有设置了密码的主任" in exc.value.errors["director"]
    with pytest.raises(ExportRefused) as exc:
        authorize_unmasked_export(_acc("李文书"), "来访登记簿", "存档", desk.now(), "王书记", "")
    assert "王书记尚未设置密码" in exc.value.errors["director"]
    assert not ExportLog.select().exists()
