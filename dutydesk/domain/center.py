"""The center's profile: printed on every notice, slip, ledger and the roster board."""

from __future__ import annotations

from dataclasses import dataclass, fields

from dutydesk.domain.division_code import DivisionCodeError, parse_division_code
from dutydesk.domain.phone import PhoneError, parse_phone

CENTER_KINDS = {"village": "村党群服务中心", "community": "社区党群服务中心"}


@dataclass(repr=False)  # compared (the profile as saved); never printed (issue 17)
class CenterProfile:
    """The center's own particulars, printed on notices, receipts and ledgers."""
    name: str
    township: str
    address: str
    public_phone: str
    supervision_phone: str
    kind: str = "village"
    division_code: str = ""  # 统计用区划代码 (issue 16); asked for, required only to hand off a bundle


FIELD_LABELS = {
    "name": "服务中心名称",
    "township": "所属乡镇/街道",
    "address": "地址",
    "public_phone": "服务电话",
    "supervision_phone": "监督电话",
    "kind": "类型",
    "division_code": "统计用区划代码",
}


def validate_center(profile: CenterProfile) -> dict[str, str]:
    """Return {field: Chinese message} for every problem; empty when the profile is usable."""
    errors: dict[str, str] = {}
    for f in fields(profile):
        if f.name == "division_code":
            continue
        value = getattr(profile, f.name)
        if not str(value).strip():
            errors[f.name] = f"请填写{FIELD_LABELS[f.name]}"
    for name in ("public_phone", "supervision_phone"):
        if name in errors:
            continue
        try:
            setattr(profile, name, parse_phone(getattr(profile, name)))
        except PhoneError as exc:
            errors[name] = str(exc)
    if profile.division_code.strip():
        try:
            profile.division_code = parse_division_code(profile.division_code)
        except DivisionCodeError as exc:
            errors["division_code"] = str(exc)
    if profile.kind not in CENTER_KINDS and "kind" not in errors:
        errors["kind"] = "类型应为村或社区"
    return errors
