"""Password hashing with the standard library's scrypt.

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


def hash_password(password: str) -> str:
    """``scrypt$n$r$p$salt$hash`` (hex), safe to store."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"scrypt${N}${R}${P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str | None) -> bool:
    """True when ``password`` matches ``stored``; a missing or malformed hash never matches."""
    if not stored:
        return False
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        got = hashlib.scrypt(
            password.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
            dklen=len(digest) // 2,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)
