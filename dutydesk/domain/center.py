"""The center's profile: printed on every notice, slip, ledger and the roster board."""

from __future__ import annotations

from dataclasses import dataclass, fields

from dutydesk.domain.phone import PhoneError, parse_phone

CENTER_KINDS = {"village": "村党群服务中心", "community": "社区党群服务中心"}


@dataclass
class CenterProfile:
    name: str
    township: str
    address: str
    public_phone: str
    supervision_phone: str
    kind: str = "village"


FIELD_LABELS = {
    "name": "服务中心名称",
    "township": "所属乡镇/街道",
    "address": "地址",
    "public_phone": "服务电话",
    "supervision_phone": "监督电话",
    "kind": "类型",
}


def validate_center(profile: CenterProfile) -> dict[str, str]:
    """Return {field: Chinese message} for every problem; empty when the profile is usable."""
    errors: dict[str, str] = {}
    for f in fields(profile):
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
    if profile.kind not in CENTER_KINDS and "kind" not in errors:
        errors["kind"] = "类型应为村或社区"
    return errors
