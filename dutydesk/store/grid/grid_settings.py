"""The grid's settings as one form edits them (工具 → 网格走访设置): checked together, written as
dated values from a day on (older months keep the values they were counted with)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.grid import diary_deadline, key_persons, quota, spot_check
from dutydesk.domain.settings import Setting
from dutydesk.store.base import database
from dutydesk.store.grid.household import CODE_PREFIX
from dutydesk.store.settings import get_setting, set_setting

SETTINGS: tuple[Setting, ...] = (
    quota.MAIN_MONTHLY, quota.MAIN_FIRST_YEAR_ALL, quota.OTHER_YEARLY_TIMES, quota.TOWNSHIP_QUARTERLY_TIMES,
    quota.COMMUNITY_WORKDAY_SHARE, quota.PAIRED_MIN, quota.PAIRED_MONTHLY_VISITS, quota.MENTOR_MIN,
    quota.MENTOR_MAX, quota.BEHIND_RED_SHARE, diary_deadline.REPORT_DAYS, diary_deadline.ANSWER_DAYS,
    diary_deadline.DAY_KIND, key_persons.KEY_PERSON_TAGS, key_persons.DIFFICULTY_TAGS, CODE_PREFIX,
    spot_check.SAMPLE_SIZE, spot_check.TARGET, spot_check.VISIT_DAYS,
)


class GridSettingsInvalid(FieldErrors):
    """Bad values, keyed by setting key."""


def current(on: dt.date) -> dict[str, Any]:
    return {s.key: get_setting(s, on) for s in SETTINGS}


def check(values: dict[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    if values[quota.MENTOR_MIN.key] > values[quota.MENTOR_MAX.key]:
        errors[quota.MENTOR_MAX.key] = "帮带户数上限不能小于下限"
    share = values[quota.COMMUNITY_WORKDAY_SHARE.key]
    if not (isinstance(share, list) and len(share) == 2 and 0 < share[0] <= share[1]):
        errors[quota.COMMUNITY_WORKDAY_SHARE.key] = "请写成“分子/分母”，如 2/3"
    if values[diary_deadline.DAY_KIND.key] not in diary_deadline.DAY_KINDS:
        errors[diary_deadline.DAY_KIND.key] = "请选择自然日或工作日"
    for setting in (key_persons.KEY_PERSON_TAGS, key_persons.DIFFICULTY_TAGS):
        if not values[setting.key]:
            errors[setting.key] = "至少填写一个标签"
    unknown = set(values[key_persons.DIFFICULTY_TAGS.key]) - set(values[key_persons.KEY_PERSON_TAGS.key])
    if unknown and key_persons.DIFFICULTY_TAGS.key not in errors:
        errors[key_persons.DIFFICULTY_TAGS.key] = f"不在重点人员标签中：{'、'.join(sorted(unknown))}"
    if values.get(spot_check.SAMPLE_SIZE.key, 1) < 1:
        errors[spot_check.SAMPLE_SIZE.key] = "每名干部至少抽查1户"
    if not re.fullmatch(r"[A-Z]{1,3}", str(values[CODE_PREFIX.key])):
        errors[CODE_PREFIX.key] = "户编码前缀应为1到3个大写英文字母"
    return errors


def save(values: dict[str, Any], since: dt.date, who: str, at: dt.datetime) -> int:
    """Write the changed values from ``since`` in one transaction; returns how many changed."""
    errors = check(values)
    if errors:
        raise GridSettingsInvalid(errors)
    changed = 0
    with database.atomic():
        for setting in SETTINGS:
            if get_setting(setting, since) != values[setting.key]:
                set_setting(setting, values[setting.key], since, who, at)
                changed += 1
    return changed
