"""``dutydesk diagnose``: one zip with versions, settings, the check result, the known holiday years
and the last log lines, for the township's IT person; no resident phone or ID leaves with it (V09)."""

from __future__ import annotations

import re
import zipfile

from dutydesk import __version__
from dutydesk.cli import main
from dutydesk.desk import open_desk
from dutydesk.store.datafolder import DataFolder
from dutydesk.store.visits.residents import Resident, ResidentPhone

PARTS = {"说明.txt", "版本.txt", "设置.txt", "检查.txt", "日历.txt", "日志末尾.txt"}


def _personal_numbers(folder: DataFolder) -> tuple[list[str], list[str]]:
    desk = open_desk(folder)
    try:
        phones = [p.phone for p in ResidentPhone.select()]
        ids = [r.id_number for r in Resident.select().where(Resident.id_number.is_null(False))]
    finally:
        desk.close()
    return phones, ids


def _read(zip_path) -> dict[str, str]:
    with zipfile.ZipFile(zip_path) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def test_v09_diagnose_packs_every_part_and_no_resident_phone_or_id(tmp_path, capsys):
    path = tmp_path / "demo"
    assert main(["demo", "--data-dir", str(path), "--days", "10", "--scale", "0.1"]) == 0
    folder = DataFolder(path)
    phones, ids = _personal_numbers(folder)
    assert phones and ids
    # A log line that leaked numbers (as a bug or a pasted message might), in several spellings.
    phone, id_number = phones[0], ids[0]
    spaced = f"{phone[:3]} {phone[3:7]} {phone[7:]}"
    with (folder.logs_dir / "dutydesk.log").open("a", encoding="utf-8") as log:
        log.write(f"2026-11-24 09:00:00,000 WARNING dutydesk.test: 查找 {phone} / {spaced} / 身份证{id_number}\n")
    (folder.logs_dir / "crash.log").write_text(f"Fatal Python error: Segmentation fault\n{phones[1]}\n",
                                               encoding="utf-8")

    out = tmp_path / "诊断包.zip"
    assert main(["diagnose", "--data-dir", str(path), "--out", str(out)]) == 0
    assert "诊断包已生成" in capsys.readouterr().out
    parts = _read(out)
    assert set(parts) == PARTS
    assert f"值班台 DutyDesk {__version__}" in parts["版本.txt"]
    for package in ("openpyxl==", "reportlab==", "pyside6-essentials==", "chinesecalendar=="):
        assert package in parts["版本.txt"], package
    assert re.search(r"^\S+ = .+（默认", parts["设置.txt"], re.M)
    assert "结果: 正常" in parts["检查.txt"] and "resident:" in parts["检查.txt"]
    assert "chinesecalendar 内置年份：" in parts["日历.txt"] and "本中心录入：" in parts["日历.txt"]
    tail = parts["日志末尾.txt"]
    assert "dutydesk.test: 查找" in tail and "Segmentation fault" in tail
    everything = "\n".join(parts.values())
    for number in phones + ids:
        assert number not in everything, number
    assert spaced not in everything
    assert phone[:3] in tail  # masked, not dropped: the line is still there for the IT person


def test_diagnose_without_books_still_packs_versions_and_logs(tmp_path, capsys):
    path = tmp_path / "empty"
    (path / "logs").mkdir(parents=True)
    (path / "logs" / "dutydesk.log").write_text("2026-11-24 ERROR dutydesk: 出错了\n", encoding="utf-8")
    out = tmp_path / "d.zip"
    assert main(["diagnose", "--data-dir", str(path), "--out", str(out)]) == 0
    parts = _read(out)
    assert {"说明.txt", "版本.txt", "日志末尾.txt", "检查.txt"} <= set(parts)
    assert "无法打开账本" in parts["检查.txt"] and "出错了" in parts["日志末尾.txt"]


def test_diagnose_wants_a_zip_name(tmp_path, capsys):
    assert main(["diagnose", "--data-dir", str(tmp_path / "x"), "--out", str(tmp_path / "d.txt")]) == 1
    assert ".zip" in capsys.readouterr().err
