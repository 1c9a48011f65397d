"""Handing the ledgers to the township on a USB stick (导出到U盘), safely.

Ledgers are first generated in a local staging folder and hashed there (SHA-256): those hashes
are the manifest. Everything is then copied into a hidden temporary folder on the stick, each
file flushed and fsynced; only when every file is on the stick is the folder renamed to its
final dated name. Finally every file is read back from the stick (past the OS cache where the
OS allows) and checked against the manifest.

So a full or pulled stick leaves no file under its final name, the message says what happened
in plain Chinese, and simply trying again works: stale temporary folders are cleared first.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import hashlib
import json
import os
import shutil
import string
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dutydesk import APP_NAME, __version__
from dutydesk.desk import Desk
from dutydesk.reports.ledger import ExportCancelled, write_ledger
from dutydesk.reports.ledgers import LEDGERS, Period
from dutydesk.reports.ledgers.registry import header, safe_name
from dutydesk.store.atomic import atomic_write, fsync_dir
from dutydesk.store.datafolder import DeskError
from dutydesk.store.privacy import ExportGrant, log_export

MANIFEST = "manifest.json"
CHECKSUMS = "SHA256SUMS.txt"  # the same hashes in the format ``sha256sum -c`` reads
BLOCK = 1024 * 1024
DRIVE_REMOVABLE = 2  # GetDriveTypeW

Report = Callable[[int, str], None]  # (percent 0-100, what is happening)


class HandoffError(DeskError):
    """A hand-off that did not complete; the message is for the user, in Chinese."""


@dataclass(frozen=True)
class Drive:
    path: Path
    label: str
    free: int | None = None

    @property
    def title(self) -> str:
        free = f"，可用 {self.free / 1024 ** 3:.1f} GB" if self.free is not None else ""
        return f"{self.label}（{self.path}{free}）"


# -- finding removable drives -----------------------------------------------------------------
def _unescape_mount(text: str) -> str:
    """/proc/mounts writes spaces and tabs in mount points as octal escapes (\\040)."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and text[i + 1:i + 4].isdigit():
            out.append(chr(int(text[i + 1:i + 4], 8)))
            i += 4
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def linux_drives(mounts: str, free: Callable[[Path], int | None] = lambda p: None) -> list[Drive]:
    """Removable media as desktop Linux mounts them: under /media/USER/ or /run/media/USER/."""
    drives = []
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        mount = _unescape_mount(parts[1])
        if mount.startswith(("/media/", "/run/media/")):
            path = Path(mount)
            drives.append(Drive(path, path.name, free(path)))
    return drives


def windows_drives(kernel32=None, free: Callable[[Path], int | None] = lambda p: None) -> list[Drive]:
    """Drive letters whose type is DRIVE_REMOVABLE (USB sticks, card readers)."""
    if kernel32 is None:
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    mask = kernel32.GetLogicalDrives()
    drives = []
    for index, letter in enumerate(string.ascii_uppercase):
        if not mask & (1 << index):
            continue
        root = f"{letter}:\\"
        if kernel32.GetDriveTypeW(root) != DRIVE_REMOVABLE:
            continue
        label = ""
        with contextlib.suppress(Exception):
            buffer = ctypes.create_unicode_buffer(261)
            if kernel32.GetVolumeInformationW(root, buffer, 261, None, None, None, None, 0):
                label = buffer.value
        drives.append(Drive(Path(root), label or f"U盘 {letter}:", free(Path(root))))
    return drives


def _free_space(path: Path) -> int | None:
    try:
        return shutil.disk_usage(path).free
    except OSError:
        return None


def removable_drives() -> list[Drive]:
    """The USB sticks and cards plugged in now (empty when none, or on an unknown system)."""
    try:
        if sys.platform == "win32":
            return windows_drives(free=_free_space)
        if sys.platform.startswith("linux"):
            return linux_drives(Path("/proc/mounts").read_text(encoding="utf-8", errors="replace"), _free_space)
        if sys.platform == "darwin":
            return [Drive(p, p.name, _free_space(p)) for p in Path("/Volumes").iterdir()
                    if p.is_dir() and not p.is_symlink()]
    except OSError:
        return []
    return []


# -- writing ------------------------------------------------------------------------------------
@dataclass
class HandoffResult:
    folder: Path
    files: list[dict] = field(default_factory=list)  # manifest entries
    bundle: Path | None = None  # the township bundle beside the ledgers (None: no division code yet)


def sha256_of(path: Path, drop_cache: bool = False) -> str:
    """Hash a file; with ``drop_cache`` ask the OS to forget cached pages so the stick is read."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        if drop_cache and hasattr(os, "posix_fadvise"):
            with contextlib.suppress(OSError):
                os.posix_fadvise(fh.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        while block := fh.read(BLOCK):
            digest.update(block)
    return digest.hexdigest()


# Ledgers are handed in for the month just ended: in the first days of a month the desk is still
# exporting last month, so that is what the dialog proposes.
PREVIOUS_MONTH_UNTIL_DAY = 10


def proposed_period(today) -> Period:
    """The month 导出到U盘 proposes: the previous month up to the 10th, then the current one."""
    month = Period.month(today.year, today.month)
    return month.previous_month() if today.day <= PREVIOUS_MONTH_UNTIL_DAY else month


def folder_name(center: str, period: Period, today) -> str:
    return safe_name(f"{center}台账_{period.slug}_导出于{today:%Y%m%d}")


def verify_folder(folder: Path) -> list[str]:
    """Problems found re-reading ``folder`` against its manifest (empty list: all files intact)."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return [f"缺少或无法读取清单文件 {MANIFEST}"]
    problems = []
    for entry in manifest.get("files", []):
        path = folder / entry["name"]
        try:
            if path.stat().st_size != entry["bytes"] or sha256_of(path, drop_cache=True) != entry["sha256"]:
                problems.append(f"{entry['name']} 与清单不符（文件已损坏）")
        except OSError:
            problems.append(f"{entry['name']} 无法读取")
    return problems


def _user_message(exc: OSError, root: Path) -> str:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return f"U盘空间不足，台账没有导出（{root}）。请删除U盘上不需要的文件或换一个U盘后重试。"
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"U盘不能写入（可能有写保护开关或没有权限）：{root}。请检查后重试。"
    return (f"写入U盘时出错，U盘可能已被拔出（{exc.strerror or exc}）。"
            "已导出的部分不会留下正式文件，请重新插好U盘后重试。")


def _copy(source: Path, target: Path, cancelled: Callable[[], bool], on_block: Callable[[int], None]) -> None:
    with open(source, "rb") as src, atomic_write(target) as dst:
        while block := src.read(BLOCK):
            if cancelled():
                raise ExportCancelled()
            dst.write(block)
            on_block(len(block))


def _clear_stale(root: Path, name: str) -> None:
    """Temporary folders left by a pulled stick or a crash, from earlier tries of this hand-off."""
    for stale in root.glob(f".{name}.part*"):
        shutil.rmtree(stale, ignore_errors=True)


def _final_folder(root: Path, name: str) -> Path:
    target = root / name
    number = 2
    while target.exists():
        target = root / f"{name}（{number}）"
        number += 1
    return target


def manifest_for(center: str, township: str, period: Period, exported_on: str, exported_by: str,
                 entries: list[dict], grant: ExportGrant | None) -> dict:
    """What the township reads first: whose ledgers, which app version wrote them, and whether
    phones and ID numbers in them are masked (V09); an unmasked hand-off names its approver."""
    manifest = {"center": center, "township": township, "period": period.text, "exported_on": exported_on,
                "exported_by": exported_by, "app": APP_NAME, "app_version": __version__,
                "masked": all(e["masked"] for e in entries), "files": entries}
    if not manifest["masked"] and grant is not None:
        manifest["unmasked_approved_by"] = grant.approved_by
        manifest["unmasked_reason"] = grant.reason
    return manifest


def hand_off(desk: Desk, root: Path, period: Period, choices: Sequence[tuple[str, str]],
             report: Report = lambda percent, text: None,
             cancelled: Callable[[], bool] = lambda: False,
             grant: ExportGrant | None = None, bundle: bool = True) -> HandoffResult:
    """Write the chosen (ledger key, format) pairs for ``period`` into a dated folder under ``root``.

    Personal data stays masked unless ``grant`` (an approved unmasked export) is given; the
    hand-off is written to the export log either way (A01, V09).

    Beside the ledgers goes the township bundle of the month (``township.bundle``, folder 数据包)
    once the center has its division code; ``choices`` may then be empty (``dutydesk handoff``).

    Raises HandoffError with a Chinese message on any failure, ExportCancelled on cancel; in both
    cases nothing is left under a final name.
    """
    from dutydesk.township.handoff_bundle import stage_bundle

    staged = stage_bundle(desk, period, grant) if bundle else None
    if not choices and staged is None:
        raise HandoffError("请至少选择一种台账")
    if not root.is_dir():
        raise HandoffError(f"找不到导出位置：{root}（U盘是否已拔出？）")
    center, township = header(desk)
    today = desk.today()
    name = folder_name(center, period, today)
    with tempfile.TemporaryDirectory(prefix="dutydesk-handoff-") as staging_dir:
        staging = Path(staging_dir)
        entries = []
        for index, (key, fmt) in enumerate(choices):
            spec = LEDGERS[key]
            file_name = spec.file_name(center, period, fmt)
            base = 70 * index // len(choices)
            span = 70 // len(choices)
            report(base, f"正在生成{spec.name}（{fmt}）…")
            ledger = spec.make(desk, period, grant)
            total = ledger.row_count or 0

            def progress(done: int, base=base, span=span, total=total, label=spec.name) -> None:
                if cancelled():
                    raise ExportCancelled()
                share = min(done / total, 1.0) if total else 0.5
                report(base + int(span * share), f"正在生成{label}：{done}行")

            write_ledger(ledger, staging / file_name, fmt, progress)
            path = staging / file_name
            entries.append({"name": file_name, "ledger": spec.name, "key": key, "format": fmt,
                            "masked": not (grant is not None and spec.personal),
                            "bytes": path.stat().st_size, "sha256": sha256_of(path)})
        bundle_files = staged.place(staging) if staged else []
        manifest = manifest_for(center, township, period, today.isoformat(), desk.who, entries, grant)
        (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        (staging / CHECKSUMS).write_text("".join(f"{e['sha256']}  {e['name']}\n" for e in entries),
                                         encoding="utf-8")
        if cancelled():
            raise ExportCancelled()
        every = [*(e["name"] for e in entries), MANIFEST, CHECKSUMS, *bundle_files]
        needed = sum((staging / n).stat().st_size for n in every)
        free = _free_space(root)
        if free is not None and free < needed + 64 * 1024:
            raise HandoffError(_user_message(OSError(errno.ENOSPC, "No space left on device"), root))

        report(72, "正在写入U盘…")
        work = root / f".{name}.part-{os.getpid()}"
        written = [0]

        def on_block(size: int) -> None:
            written[0] += size
            report(72 + int(20 * min(written[0] / max(needed, 1), 1.0)), "正在写入U盘…")

        try:
            _clear_stale(root, name)
            work.mkdir()
            for file_name in every:
                (work / file_name).parent.mkdir(exist_ok=True)
                _copy(staging / file_name, work / file_name, cancelled, on_block)
            for folder in {(work / n).parent for n in every}:
                fsync_dir(folder)
            final = _final_folder(root, name)
            os.replace(work, final)
            fsync_dir(root)
        except ExportCancelled:
            shutil.rmtree(work, ignore_errors=True)
            raise
        except OSError as exc:
            shutil.rmtree(work, ignore_errors=True)
            raise HandoffError(_user_message(exc, root)) from exc

    report(94, "正在校验U盘上的文件…")
    problems = verify_folder(final) + (staged.check(final) if staged else [])
    if problems:
        aside = root / f".{final.name}.校验失败"
        with contextlib.suppress(OSError):
            os.replace(final, aside)
        raise HandoffError("U盘上的文件校验失败：" + "；".join(problems) + "。U盘可能有坏块，请换一个U盘重试。")
    names = "、".join([*dict.fromkeys(e["ledger"] for e in entries), *(["数据包"] if staged else [])])
    personal = staged is not None or any(LEDGERS[e["key"]].personal for e in entries)
    if staged:
        staged.remember(desk, final)
    log_export(desk.who, desk.now(), f"导出到U盘：{names}（{period.text}）", grant if personal else None,
               path=str(final))
    report(100, "完成")
    return HandoffResult(final, entries, staged.folder_in(final) if staged else None)
