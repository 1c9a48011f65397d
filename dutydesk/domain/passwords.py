"""Password hashing with scrypt (the standard library's, or cryptography's in the frozen bundle).

A shared front-desk PC is easy to copy the database from, so passwords are stored only as a slow,
salted hash: guessing a short PIN offline costs real time per try. The stored text names its own
parameters, so they can be raised later without breaking existing accounts.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

# n=2**14, r=8 takes ~50 ms per check on a village PC: slow for an attacker, fine for a login.
N, R, P = 2**14, 8, 1
MIN_LENGTH = 4  # a 4-digit PIN is the shortest the desk allows


class PasswordError(ValueError):
    """Raised with a Chinese message suitable to show beside the field."""


def check_new_password(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise PasswordError(f"密码至少{MIN_LENGTH}位")
    if password.strip() != password:
        raise PasswordError("密码首尾不能是空格")


# What hashlib.scrypt allows by default (OpenSSL's 32 MiB): a stored hash asking for more is refused
# the same way on both paths of ``scrypt`` below.
MAX_MEMORY = 32 * 1024 * 1024


def scrypt(password: bytes, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    """scrypt (RFC 7914) from Python's own OpenSSL, or from cryptography's where Python has none.

    The frozen bundle leaves Python's OpenSSL out (packaging/dutydesk.spec, 6 MB): cryptography,
    needed anyway for the township bundle's signature, carries its own statically linked copy.
    Both give the same bytes, so a password set in one installation checks in the other.
    ValueError for parameters either would refuse."""
    if hasattr(hashlib, "scrypt"):
        return hashlib.scrypt(password, salt=salt, n=n, r=r, p=p, dklen=dklen)
    if dklen < 1 or 128 * r * (n + p + 2) > MAX_MEMORY:
        raise ValueError("scrypt parameters out of range")
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=dklen, n=n, r=r, p=p).derive(password)


def hash_password(password: str) -> str:
    """``scrypt$n$r$p$salt$hash`` (hex), safe to store."""
    salt = secrets.token_bytes(16)
    digest = scrypt(password.encode("utf-8"), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"scrypt${N}${R}${P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str | None) -> bool:
    """True when ``password`` matches ``stored``; a missing or malformed hash never matches."""
    if not stored:
        return False
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        got = scrypt(
            password.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
            dklen=len(digest) // 2,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)
