"""Issue 16 point 6: ``dutydesk township export summary`` writes the 镇级汇总表 in xlsx and PDF,
Chinese only, with every village and no resident's data; LibreOffice prints the xlsx whole."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess

import openpyxl
import pytest
from pypdf import PdfReader

from dutydesk.store.datafolder import DeskError
from dutydesk.township import summary_command
from dutydesk.township.village_month import STATUS_LABELS
from tests.township.demo_villages import TOWNSHIP, demo_villages, loader, months

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
IN_CI = os.environ.get("CI", "").lower() not in ("", "0", "false")
ENGLISH_STATUS = re.compile(r"\b(submitted|not_submitted|returned|approved|fed_back|in_progress|pending|closed)\b")
RULE_ID = re.compile(r"\b[DVNPAG]\d\d\b")


def parse(*argv: str) -> argparse.Namespace:
    """The township group as the lead wires it: ``township export summary …``."""
    parser = argparse.ArgumentParser(prog="dutydesk")
    groups = parser.add_subparsers(dest="command")
    township = groups.add_parser("township").add_subparsers(dest="township_command")
    summary_command.add_parser(township)
    return parser.parse_args(["township", "export", "summary", *argv])


@pytest.fixture(scope="module")
def villages():
    return demo_villages()


@pytest.fixture(scope="module")
def written(villages, tmp_path_factory):
    out = tmp_path_factory.mktemp("summary")
    this, _last = months()
    for fmt in ("xlsx", "pdf"):
        args = parse("--month", this.slug, "--format", fmt, "--out", str(out / f"summary.{fmt}"))
        assert summary_command.run(args, loader(villages), TOWNSHIP) == 0
    return out / "summary.xlsx", out / "summary.pdf"


def sheet_texts(path) -> list[str]:
    book = openpyxl.load_workbook(path)
    return [str(value) for ws in book.worksheets for row in ws.iter_rows(values_only=True)
            for value in row if value is not None]


def personal(villages) -> set[str]:
    """Residents' names and (masked) phones the bundles carry: none may reach the summary (V09)."""
    found = set()
    for village in villages:
        for bundle in village.months.values():
            for row in bundle.rows("visit"):
                found.update(filter(None, (row.get("person_name"), row.get("contact"))))
    assert len(found) > 10
    return found


def test_v09_the_xlsx_names_every_village_in_chinese_and_no_resident(villages, written):
    xlsx, _pdf = written
    texts = sheet_texts(xlsx)
    joined = "\n".join(texts)
    assert all(v.name in texts for v in villages)
    assert f"{TOWNSHIP}便民服务月度汇总表" in texts and "全镇合计" in texts and "已报送" in texts
    assert not ENGLISH_STATUS.search(joined) and not RULE_ID.search(joined)
    assert not [text for text in personal(villages) if text in joined]


def test_the_xlsx_rows_hold_each_villages_numbers(villages, written):
    xlsx, _pdf = written
    this, _last = months()
    ws = openpyxl.load_workbook(xlsx).worksheets[0]
    rows = {row[0]: row for row in ws.iter_rows(values_only=True) if row and row[1] in STATUS_LABELS.values()}
    for village in villages:
        assert rows[village.name][2] == village.visits_in_books(this)


def test_v09_the_pdf_names_every_village_and_no_resident(villages, written):
    _xlsx, pdf = written
    text = "".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    assert all(v.name in text for v in villages)
    assert "全镇主要指标" in text and "全镇近12个月受理与办结件数" in text
    assert not ENGLISH_STATUS.search(text) and not RULE_ID.search(text)
    assert not [name for name in personal(villages) if name in text]


@pytest.mark.skipif(SOFFICE is None and not IN_CI, reason="LibreOffice (soffice) 未安装")
def test_libreoffice_prints_every_village_of_the_xlsx(villages, written, tmp_path):
    xlsx, _pdf = written
    profile = (tmp_path / "profile").as_uri()  # a profile of its own: no clash with a desktop session
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(xlsx)], check=True, capture_output=True, timeout=300)
    text = "".join(page.extract_text() for page in PdfReader(str(tmp_path / "summary.pdf")).pages)
    flat = re.sub(r"\s+", "", text)
    assert all(v.name in flat for v in villages)
    assert "全镇合计" in flat


def test_the_data_folder_may_follow_the_nested_command():
    args = parse("--month", "2026-11", "--format", "pdf", "--out", "汇总.pdf", "--data-dir", "镇数据")
    assert (args.month, args.fmt, args.out, args.data_dir) == ("2026-11", "pdf", "汇总.pdf", "镇数据")


def test_a_folder_as_out_gets_the_summarys_own_file_name(villages, tmp_path, capsys):
    this, _last = months()
    assert summary_command.run(parse("--month", this.slug, "--out", str(tmp_path)), loader(villages), TOWNSHIP) == 0
    assert (tmp_path / f"{TOWNSHIP}便民服务月度汇总表_{this.slug}.xlsx").exists()
    assert "已报送3个" in capsys.readouterr().out


@pytest.mark.parametrize(("argv", "message"), [
    (("--month", "2026-13", "--out", "x.xlsx"), "月份格式应为"),
    (("--month", "2026-11", "--format", "doc", "--out", "x.xlsx"), "格式只能是"),
    (("--month", "2026-11", "--format", "pdf", "--out", "x.xlsx"), "不一致"),
    (("--month", "2026-11", "--out", "nowhere/x.xlsx"), "输出文件夹不存在"),
])
def test_bad_input_is_refused_in_chinese(tmp_path, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DeskError, match=message):
        summary_command.run(parse(*argv), lambda period: [], TOWNSHIP)
    assert list(tmp_path.iterdir()) == []


def test_a_township_without_villages_is_told_to_import_first(tmp_path):
    with pytest.raises(DeskError, match="请先导入各村的数据包"):
        summary_command.run(parse("--month", "2026-11", "--out", str(tmp_path / "x.pdf")), lambda period: [])
    assert not (tmp_path / "x.pdf").exists()
