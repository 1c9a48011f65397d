"""The service catalogue (办事指南): items, their materials, the desk checklist and the fee rule.

A service item says everything the person must be told at once (N01): conditions, materials,
steps, time limit, fee and legal basis. The checklist outcome (N02-N04) and the fee check (P07)
are pure functions of an item so the same rules hold at the desk, in the PDFs and in tests.
The catalogue travels between township and villages as one JSON file; ``parse_catalogue``
refuses anything malformed with a Chinese message instead of importing half of it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

from dutydesk.domain.import_guard import UnsafeImport, load_json
from dutydesk.domain.text_input import normalize_text

FORMAT_NAME = "dutydesk-catalogue"
FORMAT_VERSION = 1
KINDS = ("代办", "咨询", "公益联系")
FORMS = ("原件", "复印件")


class CatalogueError(ValueError):
    """A catalogue file or item that cannot be used; the message is shown to the user."""


@dataclass(frozen=True)
class Material:
    name: str
    form: str = "复印件"  # 原件 or 复印件
    copies: int = 1
    note: str = ""

    def label(self) -> str:
        return f"{self.name}（{self.form}{self.copies}份）"


@dataclass(frozen=True)
class HandlingUnit:
    name: str
    address: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Fee:
    """The statutory fee (P07): amount "0" means the service is free."""

    amount: str = "0"
    basis: str = ""

    @property
    def value(self) -> Decimal:
        return Decimal(self.amount)

    @property
    def is_free(self) -> bool:
        return self.value == 0

    def label(self) -> str:
        return "不收费" if self.is_free else f"{self.value:g}元（{self.basis}）"


@dataclass(frozen=True)
class ServiceItem:
    code: str
    name: str
    kind: str
    category: str = ""
    conditions: tuple[str, ...] = ()
    materials: tuple[Material, ...] = ()
    steps: tuple[str, ...] = ()
    time_limit_days: int | None = None  # None means 即办 (done on the spot)
    fee: Fee = field(default_factory=Fee)
    basis: str = ""
    unit: HandlingUnit = field(default_factory=lambda: HandlingUnit(""))
    public_notice_days: int = 0  # P09: days of public notice before the matter proceeds
    notes: str = ""
    needs_verification: bool = False  # P11: an investigator checks the facts before it is sent up
    site_survey: bool = False  # P11: the check includes a 现场勘查 (e.g. house-building)

    @property
    def investigated(self) -> bool:
        """P11: a case of this item gets a named investigator and a due date before it goes up."""
        return self.needs_verification or self.site_survey

    @property
    def done_on_spot(self) -> bool:
        return self.time_limit_days is None

    def time_limit_label(self) -> str:
        return "即办" if self.done_on_spot else f"{self.time_limit_days}个工作日"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["conditions"] = list(self.conditions)
        data["steps"] = list(self.steps)
        data["materials"] = [asdict(m) for m in self.materials]
        for flag in ("needs_verification", "site_survey"):  # absent when off: older versions compare equal
            if not data[flag]:
                del data[flag]
        return data

    @classmethod
    def from_dict(cls, data: Any) -> ServiceItem:
        """Build and validate an item; raises CatalogueError naming the item and the problem."""
        if not isinstance(data, dict):
            raise CatalogueError("事项格式不正确")
        name = _text(data.get("name"))
        where = f"事项“{name or data.get('code', '?')}”"
        code = _text(data.get("code"))
        if not code:
            raise CatalogueError(f"{where}缺少编号")
        if not name:
            raise CatalogueError(f"编号 {code} 的事项缺少名称")
        kind = _text(data.get("kind"))
        if kind not in KINDS:
            raise CatalogueError(f"{where}的类别应为{'、'.join(KINDS)}之一")
        materials = []
        for raw in _list(data.get("materials"), where, "所需材料"):
            if not isinstance(raw, dict) or not _text(raw.get("name")):
                raise CatalogueError(f"{where}的材料缺少名称")
            form = _text(raw.get("form")) or "复印件"
            if form not in FORMS:
                raise CatalogueError(f"{where}的材料“{raw['name']}”应注明原件或复印件")
            copies = raw.get("copies", 1)
            if not isinstance(copies, int) or isinstance(copies, bool) or copies < 1:
                raise CatalogueError(f"{where}的材料“{raw['name']}”份数应为正整数")
            materials.append(Material(_text(raw["name"]), form, copies, _text(raw.get("note"))))
        limit = data.get("time_limit_days")
        if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or limit < 0):
            raise CatalogueError(f"{where}的承诺时限应为工作日天数或“即办”")
        fee_raw = data.get("fee") or {}
        if not isinstance(fee_raw, dict):
            raise CatalogueError(f"{where}的收费格式不正确")
        amount = _text(fee_raw.get("amount")) or "0"
        try:
            value = Decimal(amount)
        except InvalidOperation:
            raise CatalogueError(f"{where}的收费金额“{amount[:20]}”不是数字") from None
        if not value.is_finite():  # NaN or Infinity: comparing them would raise
            raise CatalogueError(f"{where}的收费金额“{amount[:20]}”不是有效的数字")
        if value < 0:
            raise CatalogueError(f"{where}的收费金额不能为负数")
        fee = Fee(amount, _text(fee_raw.get("basis")))
        if not fee.is_free and not fee.basis:
            raise CatalogueError(f"{where}收费必须写明法定收费依据")
        unit_raw = data.get("unit") or {}
        if not isinstance(unit_raw, dict):
            raise CatalogueError(f"{where}的办理单位格式不正确")
        notice_days = data.get("public_notice_days", 0) or 0
        if not isinstance(notice_days, int) or notice_days < 0:
            raise CatalogueError(f"{where}的公示天数应为非负整数")
        return cls(
            code=code,
            name=name,
            kind=kind,
            category=_text(data.get("category")),
            conditions=tuple(_text(c) for c in _list(data.get("conditions"), where, "办理条件") if _text(c)),
            materials=tuple(materials),
            steps=tuple(_text(s) for s in _list(data.get("steps"), where, "办理流程") if _text(s)),
            time_limit_days=limit,
            fee=fee,
            basis=_text(data.get("basis")),
            unit=HandlingUnit(
                _text(unit_raw.get("name")), _text(unit_raw.get("address")), _text(unit_raw.get("phone"))
            ),
            public_notice_days=notice_days,
            notes=_text(data.get("notes")),
            needs_verification=_flag(data, "needs_verification", where, "是否需调查核实"),
            site_survey=_flag(data, "site_survey", where, "是否需现场勘查"),
        )

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ServiceItem:
        return cls.from_dict(json.loads(text))


def _text(value: Any) -> str:
    # V09: an imported catalogue is text like any other typed in (full-width digits folded ...)
    return normalize_text(str(value), multiline=True) if value is not None else ""


def _flag(data: dict, key: str, where: str, what: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise CatalogueError(f"{where}的{what}应为 true 或 false")
    return value


def _list(value: Any, where: str, what: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise CatalogueError(f"{where}的{what}应为列表")
    return value


# -- the catalogue file ---------------------------------------------------------------------

def parse_catalogue(text: str) -> list[ServiceItem]:
    """Parse a whole catalogue file; refuse it entirely on the first problem (nothing half-applied).

    A damaged file (huge fields, deep nesting, NaN fees, lone surrogates) is refused with a
    Chinese message like any other problem (``import_guard``)."""
    try:
        doc = load_json(text)
    except UnsafeImport as exc:
        raise CatalogueError(f"文件不是有效的办事指南目录：{exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        line = getattr(exc, "lineno", "?")
        raise CatalogueError(f"文件不是有效的办事指南目录（JSON 格式错误，第{line}行）") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        raise CatalogueError("文件不是值班台导出的办事指南目录")
    if doc.get("format_version") != FORMAT_VERSION:
        raise CatalogueError("目录文件版本不受支持，请升级值班台")
    raw_items = doc.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise CatalogueError("目录文件中没有任何事项")
    items = [ServiceItem.from_dict(raw) for raw in raw_items]
    codes = [i.code for i in items]
    dupes = sorted({c for c in codes if codes.count(c) > 1})
    if dupes:
        raise CatalogueError("目录中事项编号重复：" + "、".join(dupes))
    return items


def dump_catalogue(items: list[ServiceItem], title: str = "办事指南目录", notice: str = "") -> str:
    doc = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "title": title,
        "template_notice": notice,
        "items": [i.to_dict() for i in sorted(items, key=lambda i: i.code)],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


@dataclass(frozen=True)
class ItemChange:
    old: ServiceItem
    new: ServiceItem
    fields: tuple[str, ...]


@dataclass(frozen=True)
class CatalogueDiff:
    added: tuple[ServiceItem, ...]
    changed: tuple[ItemChange, ...]
    removed: tuple[ServiceItem, ...]

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.changed or self.removed)


FIELD_LABELS = {
    "name": "名称", "kind": "类别", "category": "分类", "conditions": "办理条件", "materials": "所需材料",
    "steps": "办理流程", "time_limit_days": "承诺时限", "fee": "收费", "basis": "办理依据",
    "unit": "办理单位", "public_notice_days": "公示天数", "notes": "注意事项",
    "needs_verification": "调查核实", "site_survey": "现场勘查",
}


def diff_catalogues(current: list[ServiceItem], incoming: list[ServiceItem]) -> CatalogueDiff:
    """What an import would add, change and remove, so the director sees it before applying."""
    old = {i.code: i for i in current}
    new = {i.code: i for i in incoming}
    added = tuple(new[c] for c in sorted(new.keys() - old.keys()))
    removed = tuple(old[c] for c in sorted(old.keys() - new.keys()))
    changed = []
    for code in sorted(old.keys() & new.keys()):
        a, b = old[code].to_dict(), new[code].to_dict()
        fields_changed = tuple(k for k in FIELD_LABELS if a.get(k) != b.get(k))
        if fields_changed:
            changed.append(ItemChange(old[code], new[code], fields_changed))
    return CatalogueDiff(added, tuple(changed), removed)


def describe_diff(diff: CatalogueDiff) -> list[str]:
    """Lines shown to the director before an import is applied."""
    lines = [f"新增：{i.code} {i.name}" for i in diff.added]
    for change in diff.changed:
        what = "、".join(FIELD_LABELS[f] for f in change.fields)
        lines.append(f"修改：{change.new.code} {change.new.name}（{what}）")
        old_names = {m.name for m in change.old.materials}
        new_names = {m.name for m in change.new.materials}
        lines += [f"　　＋材料：{n}" for n in sorted(new_names - old_names)]
        lines += [f"　　－材料：{n}" for n in sorted(old_names - new_names)]
    lines += [f"停用：{i.code} {i.name}" for i in diff.removed]
    return lines


# -- search ---------------------------------------------------------------------------------

def pinyin_initials(text: str) -> str:
    """'城乡居民养老保险' -> 'cxjmylbx'; non-Chinese characters are kept, lowercased."""
    from pypinyin import Style, lazy_pinyin  # lazy: its phrase dictionary costs ~0.5 s at start

    return "".join(lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")).lower()


def matches(item: ServiceItem, query: str) -> bool:
    """Search by any part of the name, the code or the pinyin initials (ylbx finds 养老保险)."""
    q = query.strip().lower()
    if not q:
        return True
    return q in item.name.lower() or q in item.code.lower() or q in pinyin_initials(item.name)


# -- the checklist at the desk (N01-N04) -----------------------------------------------------

class Outcome(str, Enum):
    DONE_NOW = "done_now"  # N02: complete and compliant, done on the spot (即办)
    ACCEPT_PROXY = "proxy"  # N02/P02: complete, carried to the township with a proxy slip (代办)
    MISSING = "missing"  # N03: compliant but incomplete: one notice lists every missing material
    NOT_ELIGIBLE = "not_eligible"  # N04: reason and legal basis


OUTCOME_LABELS = {
    Outcome.DONE_NOW: "材料齐全，当场办理（即办）",
    Outcome.ACCEPT_PROXY: "材料齐全，受理代办",
    Outcome.MISSING: "材料不全，一次性告知所缺材料",
    Outcome.NOT_ELIGIBLE: "不符合办理条件，告知原因和依据",
}


@dataclass(frozen=True)
class Tick:
    """One material as handed over at the desk: received or not, and the page count."""

    material: Material
    received: bool = False
    pages: int = 0


@dataclass(frozen=True)
class ChecklistResult:
    outcome: Outcome
    missing: tuple[Material, ...]
    received: tuple[Tick, ...]
    reason: str = ""


def decide(item: ServiceItem, ticks: list[Tick], eligible: bool = True, reason: str = "") -> ChecklistResult:
    """The outcome follows from the ticks (N02-N04); a not-eligible outcome must give a reason."""
    if not eligible:
        if not reason.strip():
            raise CatalogueError("不符合办理条件时必须写明原因")
        return ChecklistResult(Outcome.NOT_ELIGIBLE, (), (), reason.strip())
    by_name = {t.material.name: t for t in ticks}
    missing = tuple(m for m in item.materials if not (m.name in by_name and by_name[m.name].received))
    received = tuple(t for t in ticks if t.received)
    for tick in received:
        if tick.pages < 0:
            raise CatalogueError(f"“{tick.material.name}”的页数不能为负数")
    if missing:
        return ChecklistResult(Outcome.MISSING, missing, received)
    if item.done_on_spot or item.kind != "代办":
        return ChecklistResult(Outcome.DONE_NOW, (), received)
    return ChecklistResult(Outcome.ACCEPT_PROXY, (), received)


# -- fees (P07) -------------------------------------------------------------------------------

def check_fee(item: ServiceItem, amount: str) -> str:
    """Return a Chinese refusal if ``amount`` is not exactly the item's statutory fee, else ''."""
    try:
        value = Decimal(str(amount).strip() or "0")
    except InvalidOperation:
        return "收费金额应为数字"
    if value == 0:
        return ""
    if item.fee.is_free:
        return f"“{item.name}”不收取任何费用，不得登记收费"
    if value != item.fee.value:
        return f"只能按法定标准收取{item.fee.value:g}元（{item.fee.basis}），不得多收或少收"
    return ""
