"""Who runs a command (issue 12.10): the command line acts as a named account, with its password.

Once any account in the data folder has a password, commands that read or write personal data or
the books (export, backup, restore, imports) need ``--user NAME`` and that account's password:
typed at a prompt (getpass), or given to scripts in the ``DUTYDESK_PASSWORD`` environment
variable. The attempt is recorded like a GUI login and counts towards the same lockout; the
audit trail and the export log then name that account. A folder without passwords works as it
always did (the first administrator, or the account named by ``--user``).
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
import sqlite3
import sys
from pathlib import Path

from dutydesk.domain.passwords import verify_password
from dutydesk.store.accounts.account import Account, first_admin
from dutydesk.store.datafolder import DataFolder, DeskError

ENV_PASSWORD = "DUTYDESK_PASSWORD"
PURPOSE = "cli"
NEED_USER = ("本数据文件夹的账户已设密码：请用 --user 账户名 指明由谁执行"
             f"（密码在提示时输入，脚本可用环境变量 {ENV_PASSWORD}）")


def read_password(name: str) -> str:
    """``DUTYDESK_PASSWORD`` when set, else asked on the terminal (a line from stdin when piped)."""
    given = os.environ.get(ENV_PASSWORD)
    if given is not None:
        return given
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(f"请输入账户“{name}”的密码：")
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.rstrip("\n")


def _active(name: str) -> Account:
    account = Account.get_or_none((Account.name == name) & (Account.active == True))  # noqa: E712
    if account is None:
        raise DeskError(f"没有名为“{name}”的可用账户")
    return account


def identify(user: str | None, now: dt.datetime) -> Account | None:
    """The account a command runs as, on the open books; DeskError (one Chinese line) when
    ``--user`` is missing or the password is wrong (the attempt is logged, lockout applies)."""
    from dutydesk.store.accounts.login import LoginError, check_password, login_required

    name = (user or "").strip()
    if not login_required():
        return _active(name) if name else first_admin()
    if not name:
        raise DeskError(NEED_USER)
    account = _active(name)
    try:
        return check_password(account, read_password(name), now, purpose=PURPOSE)
    except LoginError as exc:
        raise DeskError(f"账户“{name}”：{exc}") from None


MANAGER_ROLES = ("director", "admin")


def require_manager(account: Account | None, what: str) -> None:
    """V09: a whole copy of the books (backup), replacing them (restore) or changing the calendar
    is for a director or administrator, as in the window (工具 menus); an operator's account,
    even with its password, is refused with one Chinese line."""
    if account is not None and account.role not in MANAGER_ROLES:
        raise DeskError(f"{what}须由主任、书记或管理员执行：账户“{account.name}”是{account.role_label}")


def identify_on_folder(folder: DataFolder, user: str | None, now: dt.datetime, need: str = "") -> str:
    """``identify`` for commands that do not keep the books open (backup): open them briefly,
    check, close. Returns the account name ("" when the folder has no accounts yet). With
    ``need`` (what the command does, in Chinese) the account must be a director or administrator."""
    from dutydesk.store.integrity_schedule import end_session
    from dutydesk.store.opening import open_books

    db = open_books(folder)
    try:
        account = identify(user, now)
        if need:
            require_manager(account, need)
        return account.name if account else ""
    finally:
        db.close()
        end_session(folder)


def identify_on_file(path: Path, user: str | None, need: str = "") -> str:
    """Check ``--user`` and password against a database file read-only (a restore onto damaged
    or missing books: the backup's own accounts decide). No attempt can be logged there. With
    ``need`` a named account must be a director or administrator there."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = con.execute("SELECT name, password_hash, role FROM account WHERE active = 1").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return (user or "").strip()
    hashes = {name: stored for name, stored, _role in rows}
    roles = {name: role for name, _stored, role in rows}
    name = (user or "").strip()
    if need and name in roles:
        require_manager(Account(name=name, role=roles[name]), need)
    if not any(hashes.values()):
        return name
    if not name:
        raise DeskError(NEED_USER)
    if name not in hashes:
        raise DeskError(f"没有名为“{name}”的可用账户")
    if not hashes[name]:
        raise DeskError(f"账户“{name}”：该账户尚未设置密码，请管理员先设置密码")
    if not verify_password(read_password(name), hashes[name]):
        raise DeskError(f"账户“{name}”：密码不正确")
    return name
