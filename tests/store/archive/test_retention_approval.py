"""A02, second sentence: permanent and long-term files need the principal leader's approval; the
lookup register records the record's retention class and which approval was given by whom."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.domain.retention import LONG_TERM, PRINCIPAL, RETENTION
from dutydesk.store.accounts.account import Account, create_account, set_principal
from dutydesk.store.accounts.login import set_password
from dutydesk.store.archive.audit_query import record_history
from dutydesk.store.archive.lookup_register import ApprovalRefused, approve, needed_for, needs_password, record_lookup
from dutydesk.store.archive.retention import retention_for, retention_table, set_retention
from dutydesk.store.search_index import SearchFilter, search
from dutydesk.store.visits.residents import ResidentData, create_resident
from dutydesk.store.visits.visit import register_visit
from tests.store.conftest import draft


def _acc(name: str) -> Account:
    return Account.get(Account.name == name)


@pytest.fixture
def books(desk):
    create_resident(ResidentData("张三丰", village_group="三组", tags=["低保户"]), desk.who, desk.now())
    register_visit(draft(person_name="张三丰"), desk.who, desk.now(), desk.calendar())
    create_account("赵书记", "director", desk.who, desk.now())
    set_principal(_acc("赵书记"), True, desk.who, desk.now())
    for name, pin in (("王书记", "1357"), ("赵书记", "2468")):
        set_password(_acc(name), pin, desk.who, desk.now())
    return desk


def _hit(kind: str):
    [hit] = search("张三丰", SearchFilter(kinds=(kind,)))
    return hit


def test_a02_resident_file_needs_principal_visit_needs_director(books):
    assert needed_for(_hit("resident")) == PRINCIPAL
    assert needed_for(_hit("visit")) == "director"


def test_a02_director_cannot_approve_a_permanent_file(books):
    director, operator, now = _acc("王书记"), _acc("李文书"), books.now()
    assert needs_password(director, now.date(), PRINCIPAL)  # logged in is not enough
    with pytest.raises(ApprovalRefused) as exc:
        approve(operator, "张三丰", "核对户籍", now, director_name="王书记", password="1357", needed=PRINCIPAL)
    assert exc.value.errors == {"director": "请选择批准查阅的主要领导"}
    # The screen cannot slip a director's approval through: the register refuses it.
    director_ok = approve(director, "张三丰", "核对户籍", now)
    with pytest.raises(ApprovalRefused, match="保管期限为永久，须经主要领导批准"):
        record_lookup(director_ok, _hit("resident"), now)


def test_a02_principal_password_on_the_spot_is_registered_with_level_and_retention(books):
    now = books.now()
    approval = approve(_acc("李文书"), "张三丰", "核对户籍", now, director_name="赵书记", password="2468",
                       needed=PRINCIPAL)
    entry = record_lookup(approval, _hit("resident"), now)
    assert (entry.opened_by, entry.approved_by, entry.approval, entry.approval_level, entry.retention) == (
        "李文书", "赵书记", "password", "principal", "permanent")
    # ... and the same approval covers the short-term visit of the same query.
    assert approval.covers(_acc("李文书"), "张三丰", now, 30, "director")
    assert record_lookup(approval, _hit("visit"), now).retention == "short_term"


def test_a02_logged_in_principal_approves_by_themselves(books):
    approval = approve(_acc("赵书记"), "张三丰", "年终核查", books.now(), needed=PRINCIPAL)
    assert (approval.approved_by, approval.method, approval.level) == ("赵书记", "logged_in", "principal")


def test_a02_no_principal_leader_named_is_explained(books):
    set_principal(_acc("赵书记"), False, "管理员", books.now())
    with pytest.raises(ApprovalRefused) as exc:
        approve(_acc("李文书"), "张三丰", "核对", books.now(), needed=PRINCIPAL)
    assert exc.value.errors["director"] == "尚未指定主要领导：请管理员在“账户与权限”中指定"


def test_a03_naming_the_principal_leader_is_in_the_audit_trail(books):
    entries = [e for e in record_history("account", _acc("赵书记").id) if e.field == "principal"]
    assert len(entries) == 1 and entries[0].account == "管理员"
    assert entries[0].new_value in ("True", "true", "1") and entries[0].old_value in ("False", "false", "0")


def test_a02_retention_is_a_dated_setting_by_filing_day(books, clock):
    today = books.today()
    assert retention_table(today)["visit"] == "short_term"
    set_retention({**retention_table(today), "visit": LONG_TERM}, dt.date(2026, 6, 1), "王书记", books.now())
    assert retention_for("visit", dt.date(2026, 5, 31)) == "short_term"  # filed before: keeps its class
    assert retention_for("visit", dt.date(2026, 6, 1)) == LONG_TERM
    assert needed_for(_hit("visit")) == PRINCIPAL  # filed 2026-11-24
    with pytest.raises(ValueError):
        set_retention({"visit": "forever"}, today, "王书记", books.now())
    assert RETENTION.key == "archive.retention"
