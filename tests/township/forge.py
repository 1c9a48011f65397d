"""An attacker's tools for the township's tests: a bundle or package rewritten and signed again
with the real key (a village or township that misbehaves, or whose key leaked), so the tests
reach the checks behind the signature."""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from dutydesk.store.center_keys import ensure_key_pair
from dutydesk.township.signed_folder import MANIFEST, SIGNATURE, jsonl, sha256


def village_key(hand_offs, number: int) -> Ed25519PrivateKey:
    """The private key of the n-th demo village of ``hand_offs`` (1, 2, 3)."""
    return ensure_key_pair(hand_offs.root / f"village{number}")


def sign_manifest(folder: Path, manifest: dict, key: Ed25519PrivateKey) -> None:
    body = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")
    (folder / MANIFEST).write_bytes(body)
    (folder / SIGNATURE).write_bytes(base64.b64encode(key.sign(body)) + b"\n")


def entry(name: str, data: bytes) -> dict:
    return {"name": name, "rows": data.count(b"\n"), "bytes": len(data), "sha256": sha256(data)}


def forge(source: Path, target: Path, key: Ed25519PrivateKey, files: dict[str, bytes | list] | None = None,
          **header) -> Path:
    """``source`` copied to ``target`` with ``files`` replaced (bytes, or records written as JSON
    lines), the manifest's ``header`` fields changed, listed again and signed with ``key``."""
    shutil.copytree(source, target)
    manifest = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
    listed = {e["name"]: e for e in manifest["files"]}
    for name, content in (files or {}).items():
        data = content if isinstance(content, bytes) else jsonl(content)
        (target / name).write_bytes(data)
        listed[name] = entry(name, data)
    manifest.update(header)
    manifest["files"] = list(listed.values())
    sign_manifest(target, manifest, key)
    return target


def rows(folder: Path, name: str) -> list[dict]:
    return [json.loads(line) for line in (folder / name).read_text(encoding="utf-8").splitlines() if line]
