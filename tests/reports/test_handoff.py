"""USB hand-off (导出到U盘): drive discovery, manifest, all-or-nothing writes, read-back check."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import json

import pytest

from dutydesk.reports import handoff
from dutydesk.reports.handoff import (
    CHECKSUMS,
    MANIFEST,
    HandoffError,
    hand_off,
    linux_drives,
    verify_folder,
    windows_drives,
)
from dutydesk.reports.ledger import ExportCancelled
from dutydesk.reports.ledgers import Period
from dutydesk.store.visits.visit import register_visit
from tests.approvers import approver
from tests.store.conftest import draft

NOV = Period.month(2026, 11)
CHOICES = [("visits", "xlsx"), ("visits", "pdf"), ("monthly", "xlsx")]


@pytest.fixture
def books(desk):
    for day in (2, 3, 4):
        at = dt.datetime(2026, 11, day, 9, 0)
        register_visit(draft(received_at=at, person_name="张堃"), desk.who, at, desk.calendar())
    return desk


@pytest.fixture
def stick(tmp_path):
    root = tmp_path / "media" / "li" / "KINGSTON"
    root.mkdir(parents=True)
    return root


def final_named(root) -> list[str]:
    """Everything on the stick that is not a hidden temporary name."""
    return [str(p.relative_to(root)) for p in root.rglob("*") if not any(part.startswith(".")
                                                                          for part in p.relative_to(root).parts)]


def test_linux_drives_are_the_mounts_under_media():
    mounts = (
        "/dev/sda2 / ext4 rw,relatime 0 0\n"
        "/dev/sdb1 /media/li/KINGSTON vfat rw,nosuid 0 0\n"
        "/dev/sdc1 /run/media/wang/U\\040盘 exfat rw 0 0\n"
        "tmpfs /run/user/1000 tmpfs rw 0 0\n"
    )
    drives = linux_drives(mounts)
    assert [str(d.path) for d in drives] == ["/media/li/KINGSTON", "/run/media/wang/U 盘"]
    assert drives[1].label == "U 盘"


class FakeKernel32:
    """C: fixed disk, E: USB stick, F: CD drive."""

    def __init__(self) -> None:
        self.types = {"C:\\": 3, "E:\\": 2, "F:\\": 5}

    def GetLogicalDrives(self):
        return (1 << 2) | (1 << 4) | (1 << 5)

    def GetDriveTypeW(self, root):
        return self.types[root]

    def GetVolumeInformationW(self, root, buffer, size, *rest):
        buffer.value = "KINGSTON"
        return 1


def test_windows_drives_keep_only_removable_drive_types():
    drives = windows_drives(FakeKernel32())
    assert [(str(d.path), d.label) for d in drives] == [("E:\\", "KINGSTON")]


def test_hand_off_writes_dated_folder_with_manifest_and_checks_it(books, stick):
    result = hand_off(books, stick, NOV, CHOICES)
    assert result.folder.parent == stick
    assert result.folder.name == "青石村党群服务中心台账_2026-11_导出于20261124"
    manifest = json.loads((result.folder / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["center"] == "青石村党群服务中心" and manifest["period"] == "2026年11月"
    names = [e["name"] for e in manifest["files"]]
    center = "青石村党群服务中心"
    assert names == [f"{center}来访接待登记台账_2026-11.xlsx", f"{center}来访接待登记台账_2026-11.pdf",
                     f"{center}月度便民服务统计报表_2026-11.xlsx"]
    for entry in manifest["files"]:
        data = (result.folder / entry["name"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"] and len(data) == entry["bytes"]
    sums = (result.folder / CHECKSUMS).read_text(encoding="utf-8").splitlines()
    assert sums[0] == f"{manifest['files'][0]['sha256']}  {names[0]}"
    assert verify_folder(result.folder) == []
    assert sorted(final_named(stick)) == sorted([result.folder.name] + [f"{result.folder.name}/{n}" for n in
                                                                        [*names, MANIFEST, CHECKSUMS]])
    again = hand_off(books, stick, NOV, CHOICES[:1])  # same day again: a second folder, nothing overwritten
    assert again.folder.name.endswith("（2）") and result.folder.exists()


def test_manifest_check_catches_a_corrupted_file(books, stick):
    result = hand_off(books, stick, NOV, CHOICES)
    victim = result.folder / result.files[1]["name"]
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0xFF
    victim.write_bytes(bytes(data))
    problems = verify_folder(result.folder)
    assert problems == [f"{victim.name} 与清单不符（文件已损坏）"]
    (result.folder / result.files[0]["name"]).unlink()
    assert len(verify_folder(result.folder)) == 2


def failing_atomic_write(after_bytes: int, err: int):
    """atomic_write whose file raises OSError(err) once ``after_bytes`` bytes went in (mid-write)."""
    real = handoff.atomic_write
    state = {"written": 0}

    @contextlib.contextmanager
    def fake(final):
        with real(final) as fh:
            class Wrapped:
                def write(self, block):
                    if state["written"] + len(block) > after_bytes:
                        fh.write(block[: max(0, after_bytes - state["written"])])
                        raise OSError(err, "simulated")
                    state["written"] += len(block)
                    return fh.write(block)
            yield Wrapped()
    return fake


@pytest.mark.parametrize("err, message", [(errno.ENOSPC, "U盘空间不足"), (errno.EIO, "U盘可能已被拔出")])
def test_failure_mid_write_leaves_no_final_file_and_retry_succeeds(books, stick, monkeypatch, err, message):
    monkeypatch.setattr(handoff, "atomic_write", failing_atomic_write(20_000, err))
    with pytest.raises(HandoffError) as caught:
        hand_off(books, stick, NOV, CHOICES)
    assert message in str(caught.value) and "重试" in str(caught.value)
    assert final_named(stick) == []
    monkeypatch.undo()
    result = hand_off(books, stick, NOV, CHOICES)
    assert verify_folder(result.folder) == []
    assert [p.name for p in stick.iterdir()] == [result.folder.name]  # stale temporary folder cleared


def test_stale_temporary_folder_from_a_pulled_stick_is_cleared(books, stick):
    stale = stick / ".青石村党群服务中心台账_2026-11_导出于20261124.part-99999"
    stale.mkdir()
    (stale / "half.xlsx").write_bytes(b"PK\x03")
    result = hand_off(books, stick, NOV, CHOICES[:1])
    assert [p.name for p in stick.iterdir()] == [result.folder.name]


def test_too_little_free_space_is_refused_before_writing(books, stick, monkeypatch):
    monkeypatch.setattr(handoff, "_free_space", lambda path: 1000)
    with pytest.raises(HandoffError, match="U盘空间不足"):
        hand_off(books, stick, NOV, CHOICES)
    assert list(stick.iterdir()) == []


def test_read_back_mismatch_moves_the_folder_aside(books, stick, monkeypatch):
    real_copy = handoff._copy

    def corrupting_copy(source, target, cancelled, on_block):
        real_copy(source, target, cancelled, on_block)
        if target.suffix == ".pdf":
            data = bytearray(target.read_bytes())
            data[-10] ^= 0xFF
            target.write_bytes(bytes(data))

    monkeypatch.setattr(handoff, "_copy", corrupting_copy)
    with pytest.raises(HandoffError, match="校验失败"):
        hand_off(books, stick, NOV, CHOICES)
    assert final_named(stick) == []


def test_cancel_leaves_nothing_on_the_stick(books, stick):
    calls = {"n": 0}

    def cancelled():
        calls["n"] += 1
        return calls["n"] > 3

    with pytest.raises(ExportCancelled):
        hand_off(books, stick, NOV, CHOICES, cancelled=cancelled)
    assert list(stick.iterdir()) == []


def test_missing_target_and_empty_choice_are_explained(books, tmp_path):
    with pytest.raises(HandoffError, match="U盘是否已拔出"):
        hand_off(books, tmp_path / "gone", NOV, CHOICES)
    with pytest.raises(HandoffError, match="至少选择"):
        hand_off(books, tmp_path, NOV, [])


def test_a01_every_hand_off_is_in_the_export_log_masked_unless_granted(books, stick):
    from openpyxl import load_workbook

    from dutydesk.store.privacy import ExportLog, authorize_unmasked_export

    register_visit(draft(person_name="赵六", contact="13812345678"), books.who, books.now(), books.calendar())
    masked = hand_off(books, stick, NOV, [("visits", "xlsx")])
    grant = authorize_unmasked_export(approver("王书记"), "导出到U盘", "镇里核对", books.now())
    full = hand_off(books, stick, NOV, [("visits", "xlsx")], grant=grant)

    def cells(result) -> str:
        book = load_workbook(result.folder / result.files[0]["name"])
        return "".join(str(c) for row in book.active.iter_rows(values_only=True) for c in row if c)

    assert "138****5678" in cells(masked) and "13812345678" not in cells(masked)
    assert "13812345678" in cells(full)
    log = list(ExportLog.select().order_by(ExportLog.id))
    assert [(e.unmasked, e.approved_by, e.reason) for e in log] == [(False, "", ""), (True, "王书记", "镇里核对")]
    assert log[0].what == "导出到U盘：来访接待登记台账（2026年11月）" and log[1].path == str(full.folder)


def test_grant_is_not_logged_as_unmasked_when_no_ledger_holds_personal_data(books, stick):
    from dutydesk.store.privacy import ExportLog, authorize_unmasked_export

    grant = authorize_unmasked_export(approver("王书记"), "导出到U盘", "镇里核对", books.now())
    hand_off(books, stick, NOV, [("monthly", "xlsx")], grant=grant)
    assert [e.unmasked for e in ExportLog.select()] == [False]


def test_v09_manifest_carries_the_app_version_and_whether_the_ledgers_are_masked(books, stick):
    from dutydesk import __version__
    from dutydesk.store.privacy import authorize_unmasked_export

    masked = hand_off(books, stick, NOV, CHOICES)
    manifest = json.loads((masked.folder / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["app_version"] == __version__ and manifest["app"] == "DutyDesk"
    assert manifest["masked"] is True and all(e["masked"] for e in manifest["files"])
    assert "unmasked_approved_by" not in manifest

    grant = authorize_unmasked_export(approver("王书记"), "导出到U盘", "镇里核对", books.now())
    full = hand_off(books, stick, NOV, CHOICES, grant=grant)
    manifest = json.loads((full.folder / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["masked"] is False
    assert manifest["unmasked_approved_by"] == "王书记" and manifest["unmasked_reason"] == "镇里核对"
    # the monthly statistics hold no personal data: masked whatever the grant
    assert [(e["key"], e["masked"]) for e in manifest["files"]] == [("visits", False), ("visits", False),
                                                                    ("monthly", True)]
    assert verify_folder(full.folder) == []
