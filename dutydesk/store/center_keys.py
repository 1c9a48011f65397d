"""The center's Ed25519 key pair: it signs every bundle handed to the township (issue 16).

The private key lives in the data folder (``center_key.pem``, readable by its owner only); the
public key beside it (``center_key.pub``). The township registers a village by the public key's
fingerprint, confirmed once by phone or on paper, so a stick written elsewhere is refused.
The pair is made once, on first need (first start or first hand-off), and never replaced here.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from dutydesk.store.atomic import atomic_write

PRIVATE_FILE = "center_key.pem"
PUBLIC_FILE = "center_key.pub"


def fingerprint(public_raw: bytes) -> str:
    """SHA-256 of the raw public key, first 16 bytes as 8 groups of 4 hex digits (read aloud)."""
    digest = hashlib.sha256(public_raw).hexdigest()[:32].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 32, 4))


def public_raw(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_text(key: Ed25519PublicKey) -> str:
    """The public key as it travels in a manifest (base64 of the 32 raw bytes)."""
    return base64.b64encode(public_raw(key)).decode("ascii")


def load_public(text: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(base64.b64decode(text))


def ensure_key_pair(folder: Path) -> Ed25519PrivateKey:
    """The center's private key, created (owner-only file) the first time it is needed."""
    private_path = folder / PRIVATE_FILE
    if private_path.exists():
        key = serialization.load_pem_private_key(private_path.read_bytes(), password=None)
        assert isinstance(key, Ed25519PrivateKey)
        return key
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    old_mask = os.umask(0o077)
    try:
        with atomic_write(private_path) as fh:
            fh.write(pem)
    finally:
        os.umask(old_mask)
    with contextlib.suppress(OSError):  # Windows: ACLs of the user's profile folder apply
        os.chmod(private_path, 0o600)
    with atomic_write(folder / PUBLIC_FILE) as fh:
        fh.write((public_text(key.public_key()) + "\n").encode("ascii"))
    return key


def center_fingerprint(folder: Path) -> str:
    """The fingerprint shown in 中心信息 (the pair is created if the folder has none yet)."""
    return fingerprint(public_raw(ensure_key_pair(folder).public_key()))
