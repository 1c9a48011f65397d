"""What the township's 导入数据包 shows before anything is applied (issue 16 point 4, the GUI).

``preview_bundles(township, paths)`` checks every bundle found below the folders exactly as the
import will (signature, hashes, row counts, the village's key, the chain) and says, per bundle,
which village and month it is, how many records it carries, whether it was imported before or is
refused (why, in Chinese), and the questions the clerk must answer first: a new village's key
fingerprint to read against the village's, a gap in the village's chain. It writes nothing; the
import itself (``importing.import_bundles``) checks everything again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dutydesk.township.bundle import BundleError, verify_bundle
from dutydesk.township.bundle_import import import_by_hash
from dutydesk.township.importing import _first_bundle_questions, _months_between, chain_gap, find_bundles
from dutydesk.township.village import village_by_code

NEW, ALREADY, REFUSED = "new", "already", "refused"
STATE_LABELS = {NEW: "待导入", ALREADY: "已导入过", REFUSED: "不能导入"}
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BundlePreview:
    folder: Path
    state: str  # NEW / ALREADY / REFUSED
    village: str = ""
    code: str = ""
    period: str = ""
    records: int = 0
    message: str = ""  # why refused
    questions: list[str] = field(default_factory=list)  # to confirm before it is imported

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]


def preview_one(township, folder: Path, pending: dict[str, tuple[str, str]] | None = None) -> BundlePreview:
    """One bundle; ``pending`` maps a village's code to the (hash, month) of its bundle shown earlier
    in the same batch (imported just before this one, so that one is what this must follow)."""
    pending = {} if pending is None else pending
    try:
        manifest = verify_bundle(folder)
    except BundleError as exc:
        return BundlePreview(folder, REFUSED, message=str(exc))
    info = {"village": manifest.center, "code": manifest.center_code, "period": manifest.period,
            "records": sum(manifest.rows.values())}
    if import_by_hash(manifest.sha256) is not None:
        return BundlePreview(folder, ALREADY, **info)
    village = village_by_code(manifest.center_code)
    if manifest.center_code in pending:  # follows a bundle of this same batch
        before, month = pending[manifest.center_code]
        pending[manifest.center_code] = (manifest.sha256, manifest.period)
        if manifest.previous_sha256 == before:
            return BundlePreview(folder, NEW, **info)
        missing = "、".join(_months_between(month, manifest.period)) if manifest.period > month else ""
        return BundlePreview(folder, NEW, **info, questions=[
            f"与前一个数据包（{month}）不衔接，中间缺少数据包" + (f"（{missing}）" if missing else "")])
    if village is not None and village.fingerprint != manifest.fingerprint:
        return BundlePreview(folder, REFUSED, **info, message=f"数据包的签名密钥与{village.name}登记的不符，"
                                                            "可能不是该村交出的，不能导入")
    try:
        gap = chain_gap(village, manifest)
    except BundleError as exc:
        return BundlePreview(folder, REFUSED, **info, message=str(exc))
    questions = _first_bundle_questions(township, manifest) if village is None else []
    if gap:
        questions.append(gap)
    pending[manifest.center_code] = (manifest.sha256, manifest.period)
    return BundlePreview(folder, NEW, **info, questions=questions)


def preview_bundles(township, paths: Iterable[Path], progress: Progress | None = None) -> list[BundlePreview]:
    """Every bundle below ``paths`` (DeskError when there is none), oldest written first."""
    from dutydesk.store.datafolder import DeskError

    folders = find_bundles(paths)
    if not folders:
        raise DeskError("所选的文件夹中没有找到数据包（“数据包”文件夹）")
    previews: list[BundlePreview] = []
    pending: dict[str, tuple[str, str]] = {}
    for number, folder in enumerate(folders):
        if progress is not None:
            progress(number, len(folders))
        previews.append(preview_one(township, folder, pending))
    return previews
