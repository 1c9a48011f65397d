"""Which settings a township may set for its villages, and which values it may give them (issue 16).

A township package carries dated standards down to every village: penalty amounts, deadlines,
quotas, thresholds — numbers, or tables of numbers (per role, per kind of center). Nothing else
travels: who may see unmasked numbers, sign-in sessions, code prefixes or modes are each center's
own choice, and a package must not widen them. A value must have its default's shape (the same
fixed keys; a role table keeps role names as keys), be a whole number where the default is one,
never negative, never beyond ``MAX_NUMBER``, and a share (a default between 0 and 1 written as a
decimal) stays between 0 and 1. ``value_problem`` says in Chinese what is wrong, "" when nothing.
"""

from __future__ import annotations

import math
from typing import Any

from dutydesk.domain.import_guard import MAX_NUMBER
from dutydesk.domain.settings import Setting
from dutydesk.domain.text_input import normalize_text

MAX_ROLE_CHARS = 20


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def township_may_set(setting: Setting) -> bool:
    """A number, or a table of numbers (per role, per kind of center): a standard, not a choice."""
    default = setting.default
    if isinstance(default, dict):
        return bool(default) and all(_is_number(v) for v in default.values())
    return _is_number(default)


def _number_problem(value: Any, default: Any) -> str:
    if not _is_number(value):
        return "应为数字"
    if isinstance(default, int) and not isinstance(value, int):
        return "应为整数"
    if not math.isfinite(value) or value < 0:
        return "不能为负数"
    if value > MAX_NUMBER:
        return "数值过大"
    if isinstance(default, float) and 0 <= default <= 1 and value > 1:
        return "比例应在0到1之间"
    return ""


def _table_problem(value: Any, default: dict) -> str:
    if not isinstance(value, dict) or not value:
        return "应为一张数值表"
    fixed = all(isinstance(k, str) and k.isascii() for k in default)  # {"village": 6, "community": 8}
    if fixed and set(value) != set(default):
        return "表中的项目不对"
    sample = next(iter(default.values()))
    for key, number in value.items():
        if not fixed and (not isinstance(key, str) or normalize_text(key) != key or not key
                          or len(key) > MAX_ROLE_CHARS):
            return "表中的职务名称不对"
        problem = _number_problem(number, default[key] if fixed else sample)
        if problem:
            return f"{key}：{problem}"
    return ""


def value_problem(setting: Setting, value: Any) -> str:
    """Why ``value`` may not be given to ``setting`` by a township ("" when it may)."""
    if not township_may_set(setting):
        return "这项设置由各中心自行决定，镇（街道）不能统一修改"
    if isinstance(setting.default, dict):
        return _table_problem(value, setting.default)
    return _number_problem(value, setting.default)
