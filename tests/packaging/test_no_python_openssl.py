"""The frozen bundle leaves Python's own OpenSSL out (``ssl``, ``_hashlib``: packaging/dutydesk.spec);
cryptography carries its own. So no DutyDesk module may use what only Python's OpenSSL gives: ``ssl``,
``hashlib.scrypt``/``pbkdf2_hmac``. Key derivation goes through ``domain.passwords.scrypt`` (which
falls back to cryptography's); sha256 & co. are built into Python.
The frozen smoke test would only catch a use on the paths it runs: this catches all of them. Fast."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OPENSSL_ONLY = re.compile(
    r"^\s*(import ssl\b|from ssl import|import _ssl|import _hashlib|from _hashlib)"
    r"|hashlib\.(scrypt|pbkdf2_hmac)\b",
    re.M,
)
THE_ONE_FALLBACK = Path("dutydesk/domain/passwords.py")


def uses(text: str) -> list[str]:
    return [m.group(0).strip() for m in OPENSSL_ONLY.finditer(text)]


def test_nothing_needs_pythons_openssl_but_the_scrypt_fallback():
    found = {}
    for path in sorted((ROOT / "dutydesk").rglob("*.py")):
        relative = path.relative_to(ROOT)
        hits = uses(path.read_text(encoding="utf-8"))
        if hits and relative != THE_ONE_FALLBACK:
            found[str(relative)] = hits
    assert not found, found
    assert set(uses((ROOT / THE_ONE_FALLBACK).read_text(encoding="utf-8"))) == {"hashlib.scrypt"}


def test_the_check_sees_each_kind_of_use():
    text = "import ssl\nfrom _hashlib import HASH\nk = hashlib.pbkdf2_hmac('sha256', b'', b'', 1)\n"
    assert uses(text) == ["import ssl", "from _hashlib", "hashlib.pbkdf2_hmac"]
    assert uses("digest = hashlib.sha256(data).hexdigest()\n") == []
