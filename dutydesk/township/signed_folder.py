"""A folder of files with a signed manifest (issue 16): the village's bundle up, the township's
package down.

The manifest names every file with its size, SHA-256 and line count and carries the signer's
Ed25519 public key and fingerprint; ``manifest.sig`` is the signature over the manifest's bytes.
Checking it proves the files are the ones the holder of that key wrote; whether that key is the
right one is the reader's question (a fingerprint confirmed once, by phone or on paper).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from dutydesk.store.atomic import atomic_write
from dutydesk.store.center_keys import fingerprint, load_public, public_raw, public_text
from dutydesk.store.datafolder import DeskError

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
MAX_MANIFEST_BYTES = 4 * 1024 * 1024  # a manifest lists a dozen files: anything larger is not one
MAX_FILE_BYTES = 512 * 1024 * 1024  # a month of the busiest center is a few MB; never read before checked
# A listed file is a plain name in the folder: no path, drive, separator, NUL or leading dot.
# Nor a name Windows reads as a device (NUL, CON, COM1…) or as another name (a trailing dot).
_FILE_NAME = re.compile(r"(?!(?:CON|PRN|AUX|NUL|COM\d|LPT\d)(?:\.|$))[A-Za-z0-9_](?:[A-Za-z0-9_.\-]{0,98}[A-Za-z0-9])?",
                        re.IGNORECASE)


def canonical(value: object) -> str:
    """One JSON text per value whatever the dict order: what hashes and signatures are over."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def jsonl(records: list) -> bytes:
    """Records as JSON lines (one canonical record per line): the line count is the row count."""
    return "".join(canonical(record) + "\n" for record in records).encode("utf-8")


CHUNK_RECORDS = 1000  # records per piece of ``jsonl_chunks``


def jsonl_chunks(records: list) -> list[bytes]:
    """``jsonl`` in pieces of a thousand records (joined, the very same bytes). A month of 1M-visit
    books is 190 MB of visits: joined and encoded in one piece, Python's lock was held for two
    seconds by the hand-off's worker and the window froze (issue 17); piece by piece it is not."""
    return [jsonl(records[start:start + CHUNK_RECORDS]) for start in range(0, len(records), CHUNK_RECORDS)]


def drained_jsonl(records: list) -> Iterator[bytes]:
    """``jsonl_chunks`` one piece at a time, emptying ``records`` as it goes: half a million
    records freed at once (when their list goes) held Python's lock for a third of a second in
    the hand-off's worker (issue 17); a thousand at a time never long."""
    records.reverse()
    while records:
        piece = records[-CHUNK_RECORDS:]
        del records[-CHUNK_RECORDS:]
        piece.reverse()
        yield jsonl(piece)


@dataclass(frozen=True)
class SignedFolder:
    """A folder whose signature and files held: its manifest and the manifest's hash."""

    manifest: dict
    sha256: str
    fingerprint: str
    rows: dict[str, int] = field(default_factory=dict)  # file name → line count


def write_signed(target: Path, header: dict, files: list[tuple[str, bytes | Iterable[bytes]]],
                 key: Ed25519PrivateKey) -> tuple[dict, str]:
    """Write ``files`` (name, bytes or its pieces, ``jsonl_chunks``) into ``target``, then the
    manifest (``header`` plus the file list and the public key) and its signature; every file
    through ``atomic_write``. Returns the manifest and its SHA-256 (what the next folder of a
    chain names)."""
    target.mkdir(parents=True, exist_ok=True)
    listed = []
    for name, data in files:
        pieces = [data] if isinstance(data, bytes) else data
        digest, rows, size = hashlib.sha256(), 0, 0
        with atomic_write(target / name) as fh:
            for piece in pieces:
                fh.write(piece)
                digest.update(piece)
                rows += piece.count(b"\n")
                size += len(piece)
        listed.append({"name": name, "rows": rows, "bytes": size, "sha256": digest.hexdigest()})
    public = key.public_key()
    manifest = {**header, "public_key": public_text(public), "fingerprint": fingerprint(public_raw(public)),
                "files": listed}
    body = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")
    with atomic_write(target / MANIFEST) as fh:
        fh.write(body)
    with atomic_write(target / SIGNATURE) as fh:
        fh.write(base64.b64encode(key.sign(body)) + b"\n")
    return manifest, sha256(body)


def read_regular(path: Path, limit: int, error: type[DeskError], what: str) -> bytes:
    """A file's bytes, refusing (``error``) a link, a device or a folder and anything over ``limit``
    bytes, checked BEFORE reading: a link to /dev/zero or a multi-GB file is never read."""
    try:
        info = os.lstat(path)
    except (OSError, ValueError):
        raise error(f"{what}缺少文件 {path.name}，不能导入：{path.parent}") from None
    if not stat.S_ISREG(info.st_mode):
        raise error(f"{what}中的 {path.name} 不是普通文件（可能是指向别处的链接），不能导入")
    if info.st_size > limit:
        raise error(f"{what}文件 {path.name} 与清单不符（大小不对），不能导入")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError:
        raise error(f"{what}文件 {path.name} 无法读取，不能导入：{path.parent}") from None
    if len(data) > limit:  # grew since lstat
        raise error(f"{what}文件 {path.name} 与清单不符（大小不对），不能导入")
    return data


def _count(value: object) -> int:
    """A non-negative whole number from the manifest (ValueError otherwise: bool, text, float)."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**62:
        raise ValueError(value)
    return value


def listed_files(manifest: dict, error: type[DeskError], what: str) -> dict[str, dict]:
    """The manifest's file list by name, every entry checked for shape and a plain file name."""
    entries = manifest.get("files", [])
    if not isinstance(entries, list):
        raise error(f"{what}的清单无法读取，不能导入")
    files: dict[str, dict] = {}
    for entry in entries:
        name = entry.get("name") if isinstance(entry, dict) else None
        if (not isinstance(name, str) or not _FILE_NAME.fullmatch(name) or ".." in name
                or name.lower() in {known.lower() for known in files}):
            raise error(f"{what}清单中的文件名不对：{name!r}")
        try:
            checked = {"name": name, "bytes": _count(entry["bytes"]), "rows": _count(entry["rows"]),
                       "sha256": str(entry["sha256"])}
        except (KeyError, ValueError):
            raise error(f"{what}清单中文件 {name} 的记载不完整，不能导入") from None
        if checked["bytes"] > MAX_FILE_BYTES:
            raise error(f"{what}文件 {name} 过大（大小超过 {MAX_FILE_BYTES // 1024**2} MB），不能导入")
        files[name] = checked
    return files


def read_listed(folder: Path, entry: dict, error: type[DeskError], what: str = "数据包") -> bytes:
    """A file the (checked) manifest lists, read only if its size is the listed one, and hashed:
    what was verified is what is read, even when the file changed since."""
    data = read_regular(Path(folder) / entry["name"], entry["bytes"], error, what)
    if len(data) != entry["bytes"] or sha256(data) != entry["sha256"]:
        raise error(f"{what}文件 {entry['name']} 与清单不符（已损坏或被改动），不能导入")
    return data


def _lines(data: bytes, step: int = 8 * 1024 * 1024) -> int:
    """Line breaks counted 8 MB at a time: the hand-off reads back a 190 MB file on 1M-visit books,
    and one count over all of it holds Python's lock while the window waits (issue 17)."""
    return sum(data.count(b"\n", start, start + step) for start in range(0, len(data), step))


def verify_signed(folder: Path, fmt: str, schema_version: int, error: type[DeskError],
                  what: str = "数据包", signer: str = "该中心") -> SignedFolder:
    """Check the signature over the manifest by the key it names, its format and schema version,
    then every listed file's presence, size, SHA-256 and line count. ``error`` (a DeskError, in
    Chinese: ``what`` names the folder, ``signer`` who should have signed it) on any fault."""
    folder = Path(folder)
    try:
        body = read_regular(folder / MANIFEST, MAX_MANIFEST_BYTES, error, what)
        signature = base64.b64decode(read_regular(folder / SIGNATURE, 1024, error, what).strip(), validate=True)
    except (DeskError, ValueError):
        raise error(f"{what}缺少清单或签名文件，不能导入：{folder}") from None
    try:
        manifest = json.loads(body.decode("utf-8"))
        public = load_public(manifest["public_key"])
    except (ValueError, KeyError, TypeError, RecursionError):
        raise error(f"{what}的清单无法读取，不能导入：{folder}") from None
    try:
        public.verify(signature, body)
    except InvalidSignature:
        raise error(f"{what}签名不符（清单被改动或不是{signer}签发），不能导入：{folder}") from None
    if manifest.get("format") != fmt:
        raise error(f"这不是值班台的{what}：{folder}")
    if manifest.get("schema_version") != schema_version:
        raise error(f"{what}的格式版本（{manifest.get('schema_version')}）与本程序不符，请升级程序")
    if manifest.get("fingerprint") != fingerprint(public_raw(public)):
        raise error(f"{what}的密钥指纹与公钥不符，不能导入：{folder}")
    rows = {}
    for name, entry in listed_files(manifest, error, what).items():
        data = read_listed(folder, entry, error, what)
        if _lines(data) != entry["rows"]:
            raise error(f"{what}文件 {name} 的行数与清单不符，不能导入")
        rows[name] = entry["rows"]
    return SignedFolder(manifest, sha256(body), manifest["fingerprint"], rows)
