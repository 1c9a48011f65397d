"""The township's data folder and its open books: ``init_township`` makes them, ``open_township``
opens them (issue 16).

The folder holds the folder lock, the logs and the backups as a desk's does, plus
``township.json`` (name, code, and the PostgreSQL server when the books live on one). The books
themselves are ``township.sqlite3`` there, or the server's database; either way they are migrated
by the township's own migration set and written through the desk's audit trail (A03).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from peewee import CharField, Database, DateTimeField

from dutydesk.domain.clock import Clock, SystemClock
from dutydesk.domain.division_code import DivisionCodeError, parse_division_code
from dutydesk.domain.text_input import normalize_text
from dutydesk.store import audit
from dutydesk.store.accounts.account import Account, create_account, first_admin
from dutydesk.store.atomic import atomic_write
from dutydesk.store.datafolder import DataFolder, DeskError
from dutydesk.store.migrations import SchemaError
from dutydesk.township.folder_mark import config_path, is_township
from dutydesk.township.migrations import migrate
from dutydesk.township.township_database import (
    TownshipModel,
    connect_books,
    read_config,
    sqlite_path,
    without_password,
)

FIRST_ACCOUNT = "管理员"


class TownshipProfile(TownshipModel):
    name = CharField()
    code = CharField()
    created_at = DateTimeField()
    created_by = CharField()


@dataclass
class Township:
    """The open township books: like ``desk.Desk``, one object passed to everything."""

    folder: DataFolder
    db: Database
    clock: Clock = field(default_factory=SystemClock)
    account: Account | None = None
    url: str = ""
    notice: str = ""  # an interrupted restore settled on opening, explained (township_restore)

    @property
    def who(self) -> str:
        return self.account.name if self.account else "系统"

    def now(self) -> dt.datetime:
        return self.clock.now()

    def today(self) -> dt.date:
        return self.clock.today()

    def profile(self) -> TownshipProfile:
        return TownshipProfile.select().order_by(TownshipProfile.id).first()

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()


def _migrated(folder: DataFolder, url: str | None) -> Database:
    db = connect_books(folder, url)
    try:
        migrate(db)
    except SchemaError as exc:
        db.close()
        raise DeskError(str(exc)) from None
    return db


def init_township(folder: DataFolder, name: str, code: str, url: str | None = None,
                  clock: Clock | None = None) -> Township:
    """Make a township's data folder: its books (migrated), profile and first account."""
    name = normalize_text(name or "")
    if not name:
        raise DeskError("请填写乡镇（街道）名称")
    try:
        code = parse_division_code(code)
    except DivisionCodeError as exc:
        raise DeskError(str(exc)) from None
    if is_township(folder):
        raise DeskError(f"该文件夹已经是镇级数据文件夹：{folder.path}")
    if folder.db_path.exists():
        raise DeskError(f"该文件夹存放的是村（社区）值班台数据，请换一个空文件夹：{folder.path}")
    folder.ensure()
    clock = clock or SystemClock()
    db = _migrated(folder, url)
    if TownshipProfile.select().exists():
        db.close()
        raise DeskError("该数据库中已经有一个乡镇的数据，请换一个空数据库")
    now = clock.now()
    with db.atomic():
        audit.create(TownshipProfile, "系统", now, name=name, code=code, created_at=now, created_by="系统")
        account = create_account(FIRST_ACCOUNT, "admin", "系统", now)
    with atomic_write(config_path(folder)) as fh:
        config = {"name": name, "code": code, "database": without_password(url) if url else ""}
        fh.write(json.dumps(config, ensure_ascii=False, indent=2).encode("utf-8"))
    return Township(folder, db, clock, account, url or "")


def open_township(folder: DataFolder, url: str | None = None, clock: Clock | None = None) -> Township:
    """Open a township's books (the server named at init unless ``url`` names another)."""
    if not is_township(folder) and folder.db_path.exists():
        raise DeskError(f"这是村（社区）值班台的数据文件夹，不是镇级数据文件夹：{folder.path}。"
                        "请用 dutydesk（不加 --township）打开")
    if not is_township(folder):
        raise DeskError(f"这不是镇级数据文件夹（请先用 dutydesk township init 建立）：{folder.path}")
    url = url or read_config(folder).get("database") or None
    notice = ""
    if url is None:
        from dutydesk.store.restore import before_opening
        from dutydesk.township.township_restore import TOWNSHIP

        notice = before_opening(folder, TOWNSHIP) or ""  # a restore killed part-way is settled first
    if url is None and not sqlite_path(folder).exists():
        from dutydesk.township.township_restore import township_backups

        backups = township_backups(folder)
        hint = f"。有备份，可用 dutydesk township restore {backups[0]} 恢复" if backups else ""
        raise DeskError(f"镇级数据文件夹中找不到数据文件：{sqlite_path(folder)}{hint}")
    db = _migrated(folder, url)
    return Township(folder, db, clock or SystemClock(), first_admin(), url or "", notice)
