"""The audit trail: every create, update and void, with who, when, old and new (A03).

Records are never edited in place without a trace and never deleted. Feature code writes through
``create``, ``update`` and ``void`` below instead of calling ``save()`` directly, so history is kept
the same way everywhere. ``AFTER_WRITE`` lets other parts (the archive search index) follow every
write inside the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from peewee import CharField, DateTimeField, IntegerField, Model, TextField

from dutydesk.domain.text_input import normalize_text
from dutydesk.store.base import BaseModel, database
from dutydesk.store.feature_loading import load_features

M = TypeVar("M", bound=Model)

# Called as hook(model_instance, action) after each audited write, inside the transaction.
AFTER_WRITE: list[Callable[[Model, str], None]] = []


class RecordLocked(RuntimeError):
    """Raised when a write touches a record that may no longer change (a closed year, A04)."""


# Called as guard(model_instance, action) before each audited write; raises RecordLocked to refuse.
BEFORE_WRITE: list[Callable[[Model, str], None]] = []


class AuditEntry(BaseModel):
    at = DateTimeField()
    account = CharField()
    table_name = CharField()
    record_id = IntegerField()
    action = CharField()  # create / update / void
    field = CharField(null=True)
    old_value = TextField(null=True)
    new_value = TextField(null=True)
    reason = TextField(null=True)


class VoidableMixin(Model):
    """Fields for records that are voided with a reason instead of deleted."""

    voided_at = DateTimeField(null=True)
    voided_by = CharField(null=True)
    void_reason = TextField(null=True)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Model):
        return str(value.get_id())
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _typed(values: dict[str, Any]) -> dict[str, Any]:
    """V09: text reaches the books in one normal form, whichever way it came in (full-width
    digits folded, invisible and control characters dropped, trimmed). Line breaks are kept:
    which fields are single-line is up to each store function, which normalises first."""
    return {k: normalize_text(v, multiline=True) if isinstance(v, str) else v for k, v in values.items()}


def _log(instance: Model, action: str, who: str, at: dt.datetime, **extra: Any) -> None:
    AuditEntry.create(
        at=at,
        account=who,
        table_name=instance._meta.table_name,
        record_id=instance.get_id(),
        action=action,
        **extra,
    )


def create(model: type[M], who: str, at: dt.datetime, **values: Any) -> M:
    """Insert a row and record its creation."""
    load_features()  # every guard and hook registered (closed years, the search index)
    with database.atomic():
        instance = model(**_typed(values))
        for guard in BEFORE_WRITE:
            guard(instance, "create")
        instance.save(force_insert=True)
        _log(instance, "create", who, at)
        for hook in AFTER_WRITE:
            hook(instance, "create")
    return instance


def update(instance: M, who: str, at: dt.datetime, reason: str | None = None, **changes: Any) -> M:
    """Change fields of a row, recording each field's old and new value."""
    load_features()
    with database.atomic():
        changed = []
        for field, new in _typed(changes).items():
            old = getattr(instance, field)
            if _text(old) == _text(new):
                continue
            setattr(instance, field, new)
            changed.append((field, old, new))
        if not changed:
            return instance
        # Guards see the changed instance (the stored row is still in the database), so a
        # closed-year guard can refuse moving a record into a closed year as well as out of it.
        try:
            for guard in BEFORE_WRITE:
                guard(instance, "update")
        except BaseException:
            for field, old, _new in changed:
                setattr(instance, field, old)
            raise
        instance.save()
        for field, old, new in changed:
            _log(
                instance, "update", who, at,
                field=field, old_value=_text(old), new_value=_text(new), reason=reason,
            )
        for hook in AFTER_WRITE:
            hook(instance, "update")
    return instance


def void(instance: M, who: str, at: dt.datetime, reason: str) -> M:
    """Mark a wrong record void with a reason; it stays in the books (A03)."""
    if not reason.strip():
        raise ValueError("作废必须填写原因")
    if getattr(instance, "voided_at", None) is not None:
        raise ValueError("该记录已作废")
    load_features()
    with database.atomic():
        for guard in BEFORE_WRITE:
            guard(instance, "void")
        instance.voided_at = at
        instance.voided_by = who
        instance.void_reason = reason
        instance.save()
        _log(instance, "void", who, at, reason=reason)
        for hook in AFTER_WRITE:
            hook(instance, "void")
    return instance


def history(instance: Model) -> list[AuditEntry]:
    """The audit entries of one record, oldest first."""
    return list(
        AuditEntry.select()
        .where(
            (AuditEntry.table_name == instance._meta.table_name)
            & (AuditEntry.record_id == instance.get_id())
        )
        .order_by(AuditEntry.id)
    )
