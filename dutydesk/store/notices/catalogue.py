"""The center's service catalogue, kept as numbered versions of each item.

Every edit writes a new version row; nothing is overwritten, so a notice or slip that points at
the version it was printed from still shows exactly what the person was told (N06). Removing an
item writes a "retired" version. Import from the township's file applies all changes in one
transaction after the director has seen the difference.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from peewee import BooleanField, CharField, DateTimeField, IntegerField, TextField, fn

from dutydesk.domain.catalogue import (
    CatalogueDiff,
    CatalogueError,
    ServiceItem,
    diff_catalogues,
    dump_catalogue,
    matches,
    parse_catalogue,
)
from dutydesk.domain.text_input import normalize_text
from dutydesk.resources_path import resource_path
from dutydesk.store import audit
from dutydesk.store.atomic import atomic_write
from dutydesk.store.base import BaseModel, database

TEMPLATE_NOTICE = (
    "本目录为软件自带模板，依据一般政策常识编写，仅供参考。使用前请对照本县（市、区）及乡镇现行规定逐项核对。"
)


class CatalogueVersion(BaseModel):
    code = CharField()
    version = IntegerField()
    name = CharField()
    kind = CharField()
    data = TextField()  # the whole ServiceItem as JSON
    retired = BooleanField(default=False)
    note = TextField(default="")
    created_at = DateTimeField()
    created_by = CharField()

    @property
    def item(self) -> ServiceItem:
        return _parsed(self.data)

    @property
    def label(self) -> str:
        return f"{self.name}（第{self.version}版）"


@lru_cache(maxsize=1024)
def _parsed(data: str) -> ServiceItem:
    """A version's item, parsed once: versions are never rewritten and items are frozen, and the
    item lists parse the whole catalogue on every search (issue 17: 一次性告知 opened slowly)."""
    return ServiceItem.from_json(data)


def default_catalogue_path() -> Path:
    return resource_path("catalogue", "default_catalogue.json")


def default_items() -> list[ServiceItem]:
    return parse_catalogue(default_catalogue_path().read_text(encoding="utf-8"))


def _latest_ids():
    return (
        CatalogueVersion.select(fn.MAX(CatalogueVersion.id))
        .group_by(CatalogueVersion.code)
    )


def current_versions(include_retired: bool = False) -> list[CatalogueVersion]:
    """The newest version of each item, ordered by code."""
    query = CatalogueVersion.select().where(CatalogueVersion.id.in_(_latest_ids()))
    if not include_retired:
        query = query.where(CatalogueVersion.retired == False)  # noqa: E712
    return list(query.order_by(CatalogueVersion.code))


def current_items() -> list[ServiceItem]:
    return [v.item for v in current_versions()]


def search(query: str) -> list[CatalogueVersion]:
    """Items whose name, code or pinyin initials match (the catalogue is small: filter in memory)."""
    query = normalize_text(query)  # V09: what is typed in 全角 mode finds the same items
    return [v for v in current_versions() if matches(v.item, query)]


def version_by_id(version_id: int) -> CatalogueVersion | None:
    return CatalogueVersion.get_or_none(CatalogueVersion.id == version_id)


def current_version(code: str) -> CatalogueVersion | None:
    return (
        CatalogueVersion.select()
        .where(CatalogueVersion.code == code)
        .order_by(CatalogueVersion.version.desc())
        .first()
    )


def history(code: str) -> list[CatalogueVersion]:
    return list(CatalogueVersion.select().where(CatalogueVersion.code == code).order_by(CatalogueVersion.version))


def save_item(item: ServiceItem, who: str, at: dt.datetime, note: str = "") -> CatalogueVersion:
    """Store ``item`` as the next version of its code; an unchanged item adds no version."""
    with database.atomic():
        latest = current_version(item.code)
        if latest is not None and not latest.retired and latest.data == item.to_json():
            return latest
        return audit.create(
            CatalogueVersion, who, at,
            code=item.code, version=(latest.version + 1) if latest else 1, name=item.name, kind=item.kind,
            data=item.to_json(), retired=False, note=note, created_at=at, created_by=who,
        )


def retire_item(code: str, who: str, at: dt.datetime, reason: str) -> CatalogueVersion:
    """Stop offering an item; its versions stay for the notices printed from them."""
    if not reason.strip():
        raise CatalogueError("停用事项必须填写原因")
    with database.atomic():
        latest = current_version(code)
        if latest is None or latest.retired:
            raise CatalogueError("该事项不存在或已停用")
        return audit.create(
            CatalogueVersion, who, at,
            code=code, version=latest.version + 1, name=latest.name, kind=latest.kind,
            data=latest.data, retired=True, note=reason.strip(), created_at=at, created_by=who,
        )


def seed_default_catalogue(who: str, at: dt.datetime) -> int:
    """Load the shipped template into an empty catalogue; returns how many items were added."""
    if CatalogueVersion.select().exists():
        return 0
    items = default_items()
    with database.atomic():
        for item in items:
            save_item(item, who, at, note="默认模板")
    return len(items)


def export_catalogue(path: Path, center_name: str = "") -> Path:
    """The whole current catalogue as one file (to hand to every village on a USB stick)."""
    text = dump_catalogue(current_items(), title=f"{center_name}办事指南目录".strip(), notice=TEMPLATE_NOTICE)
    with atomic_write(path) as fh:
        fh.write(text.encode("utf-8"))
    return path


def read_import(path: Path) -> tuple[list[ServiceItem], CatalogueDiff]:
    """Parse a catalogue file and compare it with the current one; changes nothing."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CatalogueError(f"无法读取文件：{exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CatalogueError("文件不是 UTF-8 编码的办事指南目录") from None
    items = parse_catalogue(text)
    return items, diff_catalogues(current_items(), items)


def apply_import(items: list[ServiceItem], who: str, at: dt.datetime, source: str = "") -> CatalogueDiff:
    """Apply an import: new and changed items get a new version, missing ones are retired."""
    diff = diff_catalogues(current_items(), items)
    note = f"导入：{source}" if source else "导入"
    with database.atomic():
        for item in diff.added:
            save_item(item, who, at, note)
        for change in diff.changed:
            save_item(change.new, who, at, note)
        for item in diff.removed:
            retire_item(item.code, who, at, f"{note}（新目录中没有此事项）")
    return diff
