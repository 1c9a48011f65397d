"""Dated setting values: a change applies from a date and never rewrites past months (D14)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from peewee import CharField, DateField, DateTimeField, TextField

from dutydesk.domain.settings import REGISTRY, Setting
from dutydesk.store.base import BaseModel


class SettingValue(BaseModel):
    key = CharField()
    value = TextField()  # JSON
    effective_from = DateField()
    created_at = DateTimeField()
    created_by = CharField()


def get_setting(setting: Setting, on: dt.date) -> Any:
    """The value in force on a day: the newest value effective on or before it, else the default."""
    row = (
        SettingValue.select()
        .where((SettingValue.key == setting.key) & (SettingValue.effective_from <= on))
        .order_by(SettingValue.effective_from.desc(), SettingValue.id.desc())
        .first()
    )
    return json.loads(row.value) if row else setting.default


def set_setting(
    setting: Setting, value: Any, effective_from: dt.date, who: str, at: dt.datetime
) -> None:
    """Record a new value from a date on; older values stay for the months they governed."""
    if setting.key not in REGISTRY:
        raise KeyError(setting.key)
    SettingValue.create(
        key=setting.key,
        value=json.dumps(value, ensure_ascii=False),
        effective_from=effective_from,
        created_at=at,
        created_by=who,
    )


def setting_history(setting: Setting) -> list[SettingValue]:
    return list(
        SettingValue.select()
        .where(SettingValue.key == setting.key)
        .order_by(SettingValue.effective_from, SettingValue.id)
    )
