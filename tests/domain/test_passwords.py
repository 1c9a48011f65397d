"""Password hashing without Python's own OpenSSL, as in the frozen bundle (packaging/dutydesk.spec
leaves ``_hashlib`` out): scrypt then comes from cryptography and must give the very same bytes."""

from __future__ import annotations

import hashlib

import pytest

from dutydesk.domain import passwords
from dutydesk.domain.passwords import hash_password, scrypt, verify_password


@pytest.fixture
def no_openssl_scrypt(monkeypatch):
    """Python as the frozen bundle has it: hashlib without ``scrypt``."""
    monkeypatch.delattr(hashlib, "scrypt")


def test_hash_made_with_python_openssl_checks_without_it(monkeypatch):
    stored = hash_password("2580")
    monkeypatch.delattr(hashlib, "scrypt")
    assert verify_password("2580", stored)
    assert not verify_password("2581", stored)


def test_hash_made_without_python_openssl_checks_with_it(monkeypatch):
    with monkeypatch.context() as patch:
        patch.delattr(hashlib, "scrypt")
        stored = hash_password("值班 2580")
    assert stored.startswith(f"scrypt${passwords.N}${passwords.R}${passwords.P}$")
    assert verify_password("值班 2580", stored)
    assert not verify_password("值班 2581", stored)


@pytest.mark.parametrize(("n", "r", "p", "dklen"), [
    (2**14, 8, 1, 32),  # what the desk stores
    (2**15, 8, 1, 32),  # just over hashlib's 32 MiB default: refused by both
    (2**14, 16, 1, 32),
    (1024, 8, 2, 16),
    (3, 8, 1, 32),  # n not a power of 2
    (16, 8, 1, 0),  # empty digest
    (2**30, 8, 1, 32),  # a tampered hash asking for gigabytes
])
def test_fallback_gives_hashlibs_bytes_and_refuses_what_it_refuses(n, r, p, dklen):
    try:
        expected = hashlib.scrypt(b"pw", salt=b"salt", n=n, r=r, p=p, dklen=dklen)
    except ValueError:
        expected = ValueError
    with pytest.MonkeyPatch.context() as patch:
        patch.delattr(hashlib, "scrypt")
        if expected is ValueError:
            with pytest.raises(ValueError):
                scrypt(b"pw", b"salt", n, r, p, dklen)
        else:
            assert scrypt(b"pw", b"salt", n, r, p, dklen) == expected


def test_malformed_hash_never_matches_without_python_openssl(no_openssl_scrypt):
    assert not verify_password("2580", "scrypt$3$8$1$00$00")
    assert not verify_password("2580", "scrypt$1073741824$8$1$00$00")
    assert not verify_password("2580", "scrypt$16384$8$1$zz$00")
    assert not verify_password("2580", None)
