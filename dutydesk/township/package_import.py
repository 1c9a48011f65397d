"""The village imports the township's package (issue 16, the channel back down).

``plan_import`` reads and verifies a package and says, line by line, everything it would change
here (catalogue version, holiday years, settings with the date they apply from, the township's
decisions on this village's months, results of this village's 代办单) and what it leaves alone
and why; it writes nothing. ``apply_plan`` then applies it in ONE transaction, each change through
the existing mechanism and the audit trail: catalogue import, entered holiday years, dated
settings, proxy steps recorded with the township as their source (P03). Only rows addressed to
this village's division code apply. A package is applied once (logged by its hash); a decision
or a proxy result repeated by a later package is not applied again.

The township's key is confirmed once (fingerprint read against the township's, by phone or on
paper) and remembered; a package signed by another key needs a director's confirmation.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dutydesk.domain.catalogue import ServiceItem, describe_diff, diff_catalogues, parse_catalogue
from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.proxy_case import STATE_LABELS, StepError, StepKind
from dutydesk.domain.setting_values import value_problem
from dutydesk.domain.settings import REGISTRY
from dutydesk.store import audit
from dutydesk.store.accounts.account import Account
from dutydesk.store.calendar_days import import_days
from dutydesk.store.center import load_center
from dutydesk.store.notices import catalogue
from dutydesk.store.notices.proxy_cases import ProxyCase, case_by_slip, next_steps, record_step
from dutydesk.store.settings import SettingValue, get_setting
from dutydesk.store.township_inbox import (
    TownshipDecision,
    TownshipKey,
    TownshipPackage,
    TownshipPackageItem,
    applied_items,
    applied_package,
    trusted_key,
)
from dutydesk.township.package import (
    DECISION_LABELS,
    DONE,
    RESULT_LABELS,
    PackageContent,
    PackageError,
    read_package,
)

log = logging.getLogger(__name__)

FIRST_KEY, SAME_KEY, CHANGED_KEY = "first", "same", "changed"
RETURN_TOLD = "待代办员告知群众（镇里经数据包退回）"
Apply = Callable[[str, dt.datetime, TownshipPackage], None]  # (who, at, package) in the import's transaction


@dataclass(frozen=True)
class Change:
    kind: str  # catalogue / holidays / setting / decision / proxy_result (``KIND_LABELS``)
    key: str  # what makes it the same change when a later package repeats it
    text: str  # the line the preview shows
    apply: Apply


@dataclass
class PackagePlan:
    content: PackageContent
    village_code: str
    key_status: str
    already: TownshipPackage | None = None
    changes: list[Change] = field(default_factory=list)
    left_alone: list[str] = field(default_factory=list)  # lines: shown, not applied, and why

    @property
    def township(self) -> str:
        return self.content.manifest.township

    def lines(self) -> list[str]:
        """Everything the import would do, as the command prints it and the dialog lists it."""
        m = self.content.manifest
        out = [f"来自：{m.township}（区划代码 {m.township_code}），生成于 {m.written_at.replace('T', ' ')}"]
        if self.already is not None:
            out.append(f"该数据包已于 {self.already.applied_at:%Y-%m-%d %H:%M} 由{self.already.applied_by}导入，"
                       "不会重复导入，不会有任何改动")
            return out
        if self.village_code[:9] != m.township_code[:9]:  # 12 digits: province…township, then village
            out.append(f"注意：本中心的区划代码 {self.village_code} 不在{m.township}（{m.township_code}）之下，"
                       "请确认这是本中心所属镇（街道）的数据包")
        if self.key_status == FIRST_KEY:
            out.append(f"首次导入{m.township}的数据包：请与镇里电话或书面核对密钥指纹 {m.fingerprint}，核对无误后确认")
        elif self.key_status == CHANGED_KEY:
            out.append(f"注意：数据包的签名密钥（指纹 {m.fingerprint}）与上次确认的不同，"
                       "须主任与镇里核对后确认，否则不能导入")
        out += [f"将导入：{change.text}" for change in self.changes] or ["没有需要本中心导入的改动"]
        out += [f"不导入：{line}" for line in self.left_alone]
        return out


def _catalogue(content: PackageContent, plan: PackagePlan) -> None:
    if content.catalogue_text is None:
        return
    items: list[ServiceItem] = parse_catalogue(content.catalogue_text)
    diff = diff_catalogues(catalogue.current_items(), items)
    if diff.is_empty:
        plan.left_alone.append("办事指南目录：与本中心现行目录相同")
        return
    source = f"{content.manifest.township}数据包"
    detail = "；".join(describe_diff(diff))
    plan.changes.append(Change("catalogue", f"catalogue:{content.manifest.sha256}",
                               f"办事指南目录（新增{len(diff.added)}项，修改{len(diff.changed)}项，"
                               f"停用{len(diff.removed)}项）：{detail}",
                               lambda who, at, _p: catalogue.apply_import(items, who, at, source)))


def _holidays(content: PackageContent, plan: PackagePlan, desk) -> None:
    calendar = desk.calendar()
    for year, days in sorted(content.holidays.items()):
        if calendar.has_official_year(year) or calendar.has_entered_year(year):
            plan.left_alone.append(f"{year}年节假日：本中心已有该年的安排")
            continue
        plan.changes.append(Change("holidays", f"holidays:{year}", f"{year}年节假日安排（{len(days)}天）",
                                   lambda who, at, _p, days=days: import_days(days, who, at)))


def _same_type(value: Any, default: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, float):
        return isinstance(value, int | float)
    return type(value) is type(default)


def _value_text(value: Any) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float | str):
        return str(value)
    if isinstance(value, dict) and all(isinstance(k, str) and not k.isascii() for k in value):
        return "、".join(f"{k}{_value_text(v)}" for k, v in value.items())  # 书记200、主任200
    return "新的设置表"


def _settings(content: PackageContent, plan: PackagePlan, today: dt.date) -> None:
    for dated in content.settings:
        setting = REGISTRY.get(dated.key)
        if setting is None:
            plan.left_alone.append("一项本程序没有的设置（请升级程序后再导入新的数据包）")
            continue
        problem = value_problem(setting, dated.value)
        if problem:  # never an invalid value, never a setting that is each center's own choice
            plan.left_alone.append(f"{setting.label}：镇里给的值“{_value_text(dated.value)}”不能采用（{problem}）")
            continue
        # A standard takes effect from its date; a date already past applies from today, so the
        # months already tallied here are not rewritten (settings are dated, never retroactive).
        since = max(dated.effective_from, today)
        current = get_setting(setting, on=since)
        if current == dated.value:
            plan.left_alone.append(f"{setting.label}：与本中心现行设置相同（{_value_text(current)}）")
            continue
        late = f"（镇里定于{dated.effective_from:%Y-%m-%d}起执行，已过，自导入之日起执行）" \
            if since != dated.effective_from else ""
        value = json.dumps(dated.value, ensure_ascii=False)

        def apply(who: str, at: dt.datetime, _p: TownshipPackage, key=setting.key, value=value,
                  since=since) -> None:
            audit.create(SettingValue, who, at, key=key, value=value, effective_from=since, created_at=at,
                         created_by=who)

        plan.changes.append(Change(
            "setting", f"setting:{setting.key}:{value}:{since.isoformat()}",
            f"{setting.label}：{_value_text(current)} → {_value_text(dated.value)}，"
            f"自{since:%Y-%m-%d}起执行{late}", apply))


def _decisions(content: PackageContent, plan: PackagePlan) -> None:
    mine = [d for d in content.decisions if d.village_code == plan.village_code]
    keys = [f"decision:{d.period}:{d.decision}:{d.at.isoformat()}" for d in mine]
    done = applied_items(keys)
    for decision, key in zip(mine, keys, strict=True):
        year, month = decision.period.split("-")
        text = f"{year}年{int(month)}月报送：{DECISION_LABELS[decision.decision]}" + \
            (f"（{decision.reasons}）" if decision.reasons else "")
        if key in done:
            plan.left_alone.append(f"{text}：已由之前的数据包导入")
            continue

        def apply(who: str, at: dt.datetime, package: TownshipPackage, d=decision) -> None:
            audit.create(TownshipDecision, who, at, package=package, township=plan.township, period=d.period,
                         decision=d.decision, reasons=d.reasons, decided_at=d.at.isoformat(timespec="seconds"),
                         decided_by=d.by)

        plan.changes.append(Change("decision", key, text, apply))


def _step_for(case: ProxyCase, result: str) -> tuple[StepKind, str]:
    """The step a township result records, or a Chinese reason why it cannot be recorded now."""
    kind = StepKind.APPROVE if result == DONE else StepKind.RETURN
    if case.voided_at is not None:
        return kind, "本中心已作废该代办单"
    if kind in next_steps(case):
        return kind, ""
    return kind, f"当前状态为“{STATE_LABELS[case.case_state]}”，不能登记“{RESULT_LABELS[result]}”"


def _proxy_results(content: PackageContent, plan: PackagePlan, now: dt.datetime) -> None:
    mine = [r for r in content.proxy_results if r.village_code == plan.village_code]
    keys = [f"proxy:{r.slip_number}:{r.result}:{r.at.isoformat()}" for r in mine]
    done = applied_items(keys)
    for result, key in zip(mine, keys, strict=True):
        label = RESULT_LABELS[result.result] + (f"（{result.reason}）" if result.reason else "")
        case = case_by_slip(result.slip_number)
        if key in done:
            plan.left_alone.append(f"代办单{result.slip_number}：{label}，已由之前的数据包导入")
            continue
        if case is None:
            plan.left_alone.append(f"代办单{result.slip_number}：本中心没有这张代办单")
            continue
        kind, refusal = _step_for(case, result.result)
        if refusal:
            plan.left_alone.append(f"代办单{case.slip_no}（{case.person_name}）：{label}，{refusal}")
            continue
        details = ({"result": result.reason} if kind is StepKind.APPROVE
                   else {"reason": result.reason, "missing": result.reason, "told": RETURN_TOLD})
        done_at = min(result.at, now)  # the township's time, never one still to come on this desk

        def apply(who: str, at: dt.datetime, _p: TownshipPackage, case=case, kind=kind, details=details,
                  done_at=done_at) -> None:
            record_step(case, kind, details, who, at, staff=plan.township, done_at=done_at)

        plan.changes.append(Change("proxy_result", key,
                                   f"代办单{case.slip_no}（{case.person_name}）：{label}，办理单位{plan.township}",
                                   apply))


def _ignored(content: PackageContent, plan: PackagePlan) -> None:
    others = sum(d.village_code != plan.village_code for d in content.decisions)
    others += sum(r.village_code != plan.village_code for r in content.proxy_results)
    if others:
        plan.left_alone.append(f"发给其他村（社区）的 {others} 条审核或代办结果")


def _refuse_older(content: PackageContent, now: dt.datetime) -> None:
    """A package written before one already applied here is a replay of older standards: applied
    now it would put last month's settings back over this month's (PackageError). One stamped
    later than this desk's clock (the township's PC clock wrong) never blocks the next."""
    m = content.manifest
    newer = (TownshipPackage.select().where((TownshipPackage.township_code == m.township_code)
                                            & (TownshipPackage.written_at > m.written_at)
                                            & (TownshipPackage.written_at <= now.isoformat(timespec="seconds")))
             .order_by(TownshipPackage.written_at.desc()).first())
    if newer is not None:
        raise PackageError(f"这是{m.township}较早生成的数据包（{m.written_at.replace('T', ' ')}），"
                           f"更新的数据包（{newer.written_at.replace('T', ' ')}）已经导入，不再导入")


def plan_import(desk, folder: Path) -> PackagePlan:
    """Read, verify and compare a package with the books; nothing is written (PackageError)."""
    profile = load_center()
    if profile is None or not profile.division_code:
        raise PackageError("请先在“工具 → 服务中心信息”中填写统计用区划代码，再导入镇（街道）数据包")
    try:
        content = read_package(folder)
    except PackageError as exc:
        log.warning("township package %s refused: %s", folder, exc)  # A01: the desk's log file
        raise
    trusted = trusted_key()
    if trusted is None:
        status = FIRST_KEY
    elif trusted.fingerprint == content.manifest.fingerprint:
        status = SAME_KEY
    else:
        status = CHANGED_KEY
    plan = PackagePlan(content, profile.division_code, status, applied_package(content.manifest.sha256))
    if plan.already is not None:
        return plan
    try:
        _refuse_older(content, desk.now())
    except PackageError as exc:
        log.warning("township package %s refused: %s", folder, exc)
        raise
    _catalogue(content, plan)
    _holidays(content, plan, desk)
    _settings(content, plan, desk.today())
    _decisions(content, plan)
    _proxy_results(content, plan, desk.now())
    _ignored(content, plan)
    return plan


def apply_plan(desk, plan: PackagePlan, key_confirmed: bool = False,
               director: Account | None = None) -> TownshipPackage:
    """Apply everything ``plan`` listed in one transaction: all of it or (on any error) none.

    ``key_confirmed``: the user read the township's fingerprint against the township's (needed
    the first time); ``director``: a director who confirmed a changed key (verified by the caller
    with ``verify_approver``)."""
    if plan.already is not None:
        raise PackageError("该数据包已经导入过，没有任何改动")
    if plan.key_status == FIRST_KEY and not key_confirmed:
        raise PackageError("首次导入须先与镇里核对密钥指纹并确认")
    if plan.key_status == CHANGED_KEY and director is None:
        raise PackageError("数据包的签名密钥与上次确认的不同，须主任确认后才能导入")
    who, at = desk.who, desk.now()
    try:
        return _apply(desk, plan, director, who, at)
    except (StepError, FieldErrors) as exc:  # the books moved since the preview: nothing applied
        raise PackageError(f"{exc}。没有导入任何内容，请重新导入查看") from None


def _apply(desk, plan: PackagePlan, director: Account | None, who: str, at: dt.datetime) -> TownshipPackage:
    m = plan.content.manifest
    summary = "；".join(change.text for change in plan.changes) or "没有需要本中心导入的改动"
    with desk.db.atomic():
        if applied_package(m.sha256) is not None:  # another desk imported it meanwhile
            raise PackageError("该数据包已经导入过，没有任何改动")
        if plan.key_status != SAME_KEY:
            audit.create(TownshipKey, who, at, township=m.township, township_code=m.township_code,
                         fingerprint=m.fingerprint, public_key=m.public_key, confirmed_at=at, confirmed_by=who,
                         approved_by=director.name if director is not None else "")
        package = audit.create(TownshipPackage, who, at, sha256=m.sha256, township=m.township,
                               township_code=m.township_code, fingerprint=m.fingerprint, written_at=m.written_at,
                               folder=str(plan.content.folder), applied_at=at, applied_by=who, summary=summary)
        for change in plan.changes:
            change.apply(who, at, package)
            audit.create(TownshipPackageItem, who, at, package=package, kind=change.kind, item_key=change.key,
                         description=change.text)
    return package
