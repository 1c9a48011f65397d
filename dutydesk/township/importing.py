"""Importing villages' bundles at the township (issue 16): ``dutydesk township import DIR…``.

Given a stick's root or hand-off folders, every bundle (数据包) below them is found and taken in
the order the villages wrote them. Each is checked before anything of it is applied:
``verify_bundle`` (signature, hashes, row counts, schema version), the village's registered key
(the first bundle registers the village once the clerk confirmed its fingerprint) and the chain
(its ``previous_sha256`` must be the village's last imported bundle: a gap means a missing bundle,
shown and applied only once confirmed). A bundle imported before changes nothing. Applying one
bundle is one transaction, logged in ``bundle_import`` and the audit trail; a refused one leaves
nothing behind.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from peewee import DatabaseError

from dutydesk.store import audit
from dutydesk.store.datafolder import DeskError
from dutydesk.township.bundle import CORRECTIONS, FOLDER, MANIFEST, TALLY, BundleError, Manifest, verify_bundle
from dutydesk.township.bundle_import import BundleImport, import_by_hash, last_import, log_refusal
from dutydesk.township.bundle_rows import (
    QUOTA_FIGURES,
    TALLY_FIGURES,
    check_corrections,
    check_figures,
    check_month_rows,
    parse_lines,
)
from dutydesk.township.bundle_tables import TABLES
from dutydesk.township.signed_folder import MAX_MANIFEST_BYTES, listed_files, read_listed, read_regular, sha256
from dutydesk.township.village import Village, register_village, rename_village, village_by_code
from dutydesk.township.village_record import apply_corrections, apply_month_rows
from dutydesk.township.village_tally import QUOTA_KIND, keep_tally
from dutydesk.township.visit_quota import QUOTA

log = logging.getLogger(__name__)

IMPORTED, ALREADY, REFUSED, SKIPPED = "imported", "already", "refused", "skipped"
OUTCOME_LABELS = {IMPORTED: "已导入", ALREADY: "已导入过，未作改动", REFUSED: "拒绝导入", SKIPPED: "未确认，未导入"}

Confirm = Callable[[str], bool]  # asked a Chinese question, says yes or no


@dataclass(frozen=True)
class ImportOutcome:
    folder: Path
    outcome: str
    village: str = ""
    period: str = ""
    message: str = ""

    @property
    def label(self) -> str:
        return OUTCOME_LABELS[self.outcome]


def find_bundles(paths: Iterable[Path]) -> list[Path]:
    """Every bundle folder at or below the given folders, oldest written first."""
    found: dict[Path, None] = {}
    for path in paths:
        path = Path(path).expanduser()
        if not path.is_dir():
            raise DeskError(f"找不到文件夹：{path}")
        if (path / MANIFEST).exists():
            found[path.resolve()] = None
        for folder in sorted(path.rglob(FOLDER)):
            if folder.is_dir() and (folder / MANIFEST).exists():
                found[folder.resolve()] = None
    return sorted(found, key=_written_order)


def _claimed(folder: Path) -> dict:
    """The manifest's unchecked word (for ordering and the refusal log), read only if it is a
    plain file of a manifest's size; {} otherwise."""
    try:
        manifest = json.loads(read_regular(folder / MANIFEST, MAX_MANIFEST_BYTES, BundleError, "数据包"))
    except (BundleError, ValueError, RecursionError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def _written_order(folder: Path) -> tuple:
    manifest = _claimed(folder)  # unreadable: verify_bundle says why, in its turn
    return (str(manifest.get("center_code", "")), str(manifest.get("written_at", "")), str(folder))


def village_code_claimed(folder: Path) -> str:
    """The division code a (possibly refused) bundle's manifest claims, for the refusal log."""
    return str(_claimed(folder).get("center_code", ""))[:20]


def _months_between(first: str, last: str) -> list[str]:
    """The months strictly between two "YYYY-MM" periods."""
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while True:
        month += 1
        if month > 12:
            year, month = year + 1, 1
        text = f"{year:04d}-{month:02d}"
        if text >= last:
            return months
        months.append(text)


def chain_gap(village: Village | None, manifest: Manifest) -> str:
    """Why this bundle does not follow the village's last imported one ("" when it does).
    DeskError when it is older than one already imported (applying it would undo newer rows)."""
    if village is None:
        return "" if not manifest.previous_sha256 else "该村此前交出的数据包没有导入过，本次从中途开始"
    last = last_import(village)
    if last is None or manifest.previous_sha256 == last.sha256:
        return ""
    if BundleImport.select().where((BundleImport.village == village.id)
                                   & (BundleImport.previous_sha256 == manifest.sha256)).exists():
        raise BundleError(f"这是{village.name}较早的数据包（{manifest.period}），之后交出的数据包已经导入，"
                          "为免旧内容盖过更新的记录，不再导入；如这个月的记录还没有到镇里，"
                          f"请该村在值班台重新导出{manifest.period}的数据包，再导入新导出的")
    missing = _months_between(last.period, manifest.period) if manifest.period > last.period else []
    months = f"（{'、'.join(missing)}）" if missing else ""
    return f"与上次导入的数据包（{last.period}）不衔接，中间缺少数据包{months}"


def _read_checked(folder: Path, name: str, files: dict[str, dict]) -> list[dict]:
    """A bundle file read once and checked again against the signed manifest (it may have changed
    since ``verify_bundle``; its size is checked before it is read): the rows applied are exactly
    the rows verified, each a JSON object (``bundle_rows``)."""
    entry = files.get(name)
    if entry is None:
        raise BundleError(f"数据包文件 {name} 不在清单中，不能导入")
    try:
        data = read_listed(folder, entry, BundleError)
    except BundleError:
        raise BundleError(f"数据包文件 {name} 在导入过程中被改动，不能导入") from None
    return parse_lines(name, data)


def apply_bundle(township, folder: Path, manifest: Manifest, village: Village | None, gap: str) -> BundleImport:
    """Apply one checked bundle in one transaction: register the village if new, log the import,
    add and replace its records, keep its tally."""
    body = read_regular(folder / MANIFEST, MAX_MANIFEST_BYTES, BundleError, "数据包")
    if sha256(body) != manifest.sha256:
        raise BundleError(f"数据包的清单在导入过程中被改动，不能导入：{folder}")
    raw = json.loads(body.decode("utf-8"))
    files = listed_files(raw, BundleError, "数据包")
    who, now = township.who, township.now()
    with township.db.atomic():
        if village is None:
            village = register_village(manifest.center_code, manifest.center, raw["public_key"],
                                       manifest.fingerprint, who, now)
        elif village.name != manifest.center:
            rename_village(village, manifest.center, who, now)
        bundle = audit.create(
            BundleImport, who, now, village=village, period=manifest.period, sha256=manifest.sha256,
            previous_sha256=manifest.previous_sha256, written_at=str(raw.get("written_at", "")),
            imported_at=now, imported_by=who, source=str(folder),
            row_counts=json.dumps(manifest.rows, ensure_ascii=False, sort_keys=True),
            masked=manifest.masked, gap=gap)
        tables = {spec.table: check_month_rows(f"{spec.table}.jsonl", spec,
                                               _read_checked(folder, f"{spec.table}.jsonl", files), manifest.period)
                  for spec in TABLES if f"{spec.table}.jsonl" in files}
        apply_month_rows(village, bundle, tables, who, now)
        if CORRECTIONS in files:
            corrections = check_corrections(CORRECTIONS, _read_checked(folder, CORRECTIONS, files), manifest.period)
            apply_corrections(village, bundle, corrections, who, now)
        if TALLY in files:
            keep_tally(village, bundle, check_figures(TALLY, _read_checked(folder, TALLY, files), TALLY_FIGURES))
        if QUOTA in files:  # 走访完成情况统计 (G03/G04); bundles of older desks have none
            keep_tally(village, bundle, check_figures(QUOTA, _read_checked(folder, QUOTA, files), QUOTA_FIGURES),
                       QUOTA_KIND)
    return bundle


def _first_bundle_questions(township, manifest: Manifest) -> list[str]:
    """What the clerk checks before a village is registered: its fingerprint, and anything odd."""
    questions = [f"首次收到{manifest.center}（统计用区划代码 {manifest.center_code}）的数据包，"
                 f"密钥指纹为 {manifest.fingerprint}：请与该村中心信息中显示的指纹核对"]
    profile = township.profile()
    if profile is not None and manifest.center_code[:9] != profile.code[:9]:
        questions.append(f"其区划代码不属于本镇（{profile.name}，{profile.code}）")
    same_key = Village.get_or_none(Village.fingerprint == manifest.fingerprint)
    if same_key is not None:
        questions.append(f"该密钥已登记给{same_key.name}（{same_key.code}），是否该村改了区划代码")
    return questions


def import_one(township, folder: Path, confirm: Confirm) -> ImportOutcome:
    try:
        manifest = verify_bundle(folder)
    except BundleError as exc:
        return ImportOutcome(folder, REFUSED, message=str(exc))
    name, period = manifest.center, manifest.period
    if import_by_hash(manifest.sha256) is not None:
        return ImportOutcome(folder, ALREADY, name, period)
    village = village_by_code(manifest.center_code)
    if village is not None and village.fingerprint != manifest.fingerprint:
        return ImportOutcome(folder, REFUSED, name, period,
                             f"数据包的签名密钥与{village.name}登记的不符（登记的指纹 {village.fingerprint}，"
                             f"数据包的指纹 {manifest.fingerprint}），可能不是该村交出的，不能导入")
    try:
        gap = chain_gap(village, manifest)
    except BundleError as exc:
        return ImportOutcome(folder, REFUSED, name, period, str(exc))
    questions = []
    if village is None:
        questions += _first_bundle_questions(township, manifest)
    if gap:
        questions.append(f"{name} {period}：{gap}")
    if questions and not confirm("；".join(questions) + "。确认导入吗？"):
        return ImportOutcome(folder, SKIPPED, name, period, "；".join(questions))
    try:
        apply_bundle(township, folder, manifest, village, gap)
    except (BundleError, OSError, ValueError, KeyError, TypeError, DatabaseError) as exc:
        log.warning("bundle %s refused while applying: %r", folder, exc)
        message = str(exc) if isinstance(exc, BundleError) else f"数据包内容无法读取，未导入任何内容：{folder}"
        return ImportOutcome(folder, REFUSED, name, period, message)
    return ImportOutcome(folder, IMPORTED, name, period, gap)


def import_bundles(township, paths: Iterable[Path], confirm: Confirm,
                   progress: Callable[[int, int], None] | None = None) -> list[ImportOutcome]:
    """Import every bundle found below ``paths``, one transaction each; what happened to each.
    ``progress(done, total)`` is told before each bundle (the GUI's progress dialog)."""
    outcomes = []
    folders = find_bundles(paths)
    for number, folder in enumerate(folders):
        if progress is not None:
            progress(number, len(folders))
        outcome = import_one(township, folder, confirm)
        if outcome.outcome == REFUSED:
            code = village_code_claimed(folder)
            log_refusal(str(folder), code, outcome.period, outcome.message, township.who, township.now())
        log.info("township import %s: %s %s %s %s", folder, outcome.outcome, outcome.village, outcome.period,
                 outcome.message)
        outcomes.append(outcome)
    return outcomes
