"""Issue 17: the bundle's big files are written piece by piece (the hand-off's worker held Python's
lock for seconds joining 190 MB of visits): the same bytes, hashes and line counts as in one piece."""

from __future__ import annotations

import json

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from dutydesk.township import signed_folder
from dutydesk.township.signed_folder import jsonl, jsonl_chunks, verify_signed, write_signed

HEADER = {"format": "test-folder", "schema_version": 1}


def records(n: int) -> list[dict]:
    return [{"id": i, "person_name": f"张{i}", "request": "办理低保 " * (i % 5), "day": "2026-11-24"} for i in range(n)]


def test_pieces_are_the_same_bytes(monkeypatch):
    monkeypatch.setattr(signed_folder, "CHUNK_RECORDS", 7)
    for n in (0, 1, 7, 8, 50):
        pieces = jsonl_chunks(records(n))
        assert b"".join(pieces) == jsonl(records(n))
        assert len(pieces) == -(-n // 7) and all(p.count(b"\n") <= 7 for p in pieces)


def test_a_file_written_in_pieces_is_listed_and_verified_as_in_one(tmp_path, monkeypatch):
    monkeypatch.setattr(signed_folder, "CHUNK_RECORDS", 10)
    key = Ed25519PrivateKey.generate()
    whole, _ = write_signed(tmp_path / "whole", HEADER, [("visit.jsonl", jsonl(records(95)))], key)
    pieces, _ = write_signed(tmp_path / "pieces", HEADER, [("visit.jsonl", jsonl_chunks(records(95)))], key)
    assert pieces["files"] == whole["files"] and pieces["files"][0]["rows"] == 95
    assert (tmp_path / "pieces" / "visit.jsonl").read_bytes() == (tmp_path / "whole" / "visit.jsonl").read_bytes()
    checked = verify_signed(tmp_path / "pieces", "test-folder", 1, signed_folder.DeskError)
    assert checked.rows == {"visit.jsonl": 95}
    first = json.loads((tmp_path / "pieces" / "visit.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert first == records(1)[0]


def test_lines_are_counted_piece_by_piece_as_in_one():
    data = jsonl(records(40))
    for step in (1, 5, 64, 10_000):
        assert signed_folder._lines(data, step) == data.count(b"\n") == 40
    assert signed_folder._lines(b"") == 0


def test_drained_pieces_are_the_same_and_free_the_records_as_they_go(monkeypatch):
    monkeypatch.setattr(signed_folder, "CHUNK_RECORDS", 7)
    for n in (0, 1, 7, 8, 50):
        given = records(n)
        pieces = signed_folder.drained_jsonl(given)
        if n:
            first = next(pieces)
            assert len(given) == n - min(n, 7)  # the first thousand (here seven) handed on and let go
            assert [first, *pieces] == jsonl_chunks(records(n))
        assert given == [] and list(pieces) == []
