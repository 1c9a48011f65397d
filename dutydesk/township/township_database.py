"""Where the township's books live: a SQLite file in its data folder (the default), or a
PostgreSQL server once the township outgrows one PC (``--database postgresql://…``).

Both engines sit behind the store's one database proxy (``store.base.database``), so the
store machinery the desk uses (audit trail, accounts, dated settings) works on either unchanged.
The server's address is remembered in the data folder (``township.json``) without its password:
libpq reads that from ``PGPASSWORD`` or ``~/.pgpass``, never from a file of ours.
"""

from __future__ import annotations

import json
import urllib.parse
from pathlib import Path

from peewee import Database, Model, OperationalError, PostgresqlDatabase

from dutydesk.store.base import connect, database
from dutydesk.store.datafolder import DataFolder, DeskError
from dutydesk.store.server_drivers import load_drivers
from dutydesk.township.folder_mark import config_path

SQLITE_FILE = "township.sqlite3"
SCHEMES = ("postgresql", "postgres")


class TownshipModel(Model):
    """Base of the township's own tables: bound to the same proxy as the desk's models, but not a
    ``store.base.BaseModel`` (the desk's schema checks walk those, and these are not the desk's)."""

    class Meta:
        database = database
        legacy_table_names = False


def sqlite_path(folder: DataFolder) -> Path:
    return folder.path / SQLITE_FILE


def read_config(folder: DataFolder) -> dict:
    try:
        return json.loads(config_path(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def without_password(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    user = parts.username or ""
    return urllib.parse.urlunsplit(parts._replace(netloc=f"{user}@{host}" if user else host))


def check_url(url: str) -> str:
    """A ``postgresql://`` address as typed, or a Chinese DeskError."""
    url = (url or "").strip()
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in SCHEMES or not parts.path.strip("/"):
        raise DeskError("数据库地址应写成 postgresql://用户名@服务器:端口/数据库名")
    return url


def postgres(url: str) -> PostgresqlDatabase:
    from playhouse.db_url import parse

    try:
        import psycopg2  # noqa: F401
    except ImportError:
        raise DeskError("本机未安装 PostgreSQL 支持：请安装 dutydesk[postgresql]（psycopg2-binary）") from None
    load_drivers()  # a window's process imported peewee without them (store.server_drivers)
    return PostgresqlDatabase(**parse(check_url(url)))


def connect_books(folder: DataFolder, url: str | None) -> Database:
    """Open the township's books and bind the store's models to them."""
    if not url:
        return connect(sqlite_path(folder))
    db = postgres(url)
    try:
        db.connect(reuse_if_open=True)
    except OperationalError as exc:
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        raise DeskError(f"连不上镇级数据库服务器（{without_password(url)}）：{detail}。"
                        "请检查地址、用户名、密码（PGPASSWORD）和服务器是否已启动") from None
    database.initialize(db)
    return db
