"""N06: ``dutydesk reprint slip NUMBER --reason … --out FILE.pdf`` prints a registered 补打: the same
number, marked 补打 on the paper, recorded with who and why; the command line identity applies."""

from __future__ import annotations

import io

import pytest
import zxingcpp
from pypdf import PdfReader

from dutydesk.cli import main
from dutydesk.cli_identity import ENV_PASSWORD
from dutydesk.desk import open_desk
from dutydesk.reports.pdf_raster import page_count, render_pages
from dutydesk.store.accounts.account import Account
from dutydesk.store.accounts.login import set_password
from dutydesk.store.notices.reprints import Reprint
from tests.notice_helpers import new_case, seed


@pytest.fixture
def books(desk):
    seed(desk)
    slip_no = new_case(desk).slip_no
    desk.close()
    return desk.folder, slip_no


def text_of(path) -> str:
    return "".join(p.extract_text() for p in PdfReader(str(path)).pages).replace(" ", "").replace("\n", "")


def reprints(folder) -> list[tuple[str, str, str, str]]:
    desk = open_desk(folder)
    try:
        return [(r.paper, r.ref, r.reason, r.printed_by) for r in Reprint.select().order_by(Reprint.id)]
    finally:
        desk.close()


@pytest.mark.parametrize("size", ["A4", "A5"])
def test_n06_reprint_slip_registers_and_marks_the_paper(books, tmp_path, capsys, monkeypatch, size):
    folder, slip_no = books
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    out = tmp_path / "again.pdf"
    assert main(["reprint", "slip", slip_no, "--size", size, "--reason", "群众遗失", "--out", str(out),
                 "--data-dir", str(folder.path)]) == 0
    assert capsys.readouterr().out.startswith(f"已补打代办单 {slip_no}（补打（第1次")
    assert reprints(folder) == [("slip", slip_no, "群众遗失", "管理员")]
    assert page_count(out) == 1
    text = text_of(out)
    assert "补打（第1次" in text and "管理员" in text and text.count(slip_no) >= 4
    codes = {(b.format, b.text) for b in zxingcpp.read_barcodes(render_pages(out, 150)[0])}
    assert codes == {(zxingcpp.BarcodeFormat.Code128, slip_no), (zxingcpp.BarcodeFormat.QRCode, slip_no)}
    kept = list((folder.path / "printed").rglob("*补打1*.pdf"))
    assert [p.name for p in kept] == [f"{slip_no}-代办单-补打1-{size}.pdf"]
    # a second 补打 is the second one, the number never changes
    assert main(["reprint", "slip", slip_no.lower(), "--reason", "再次遗失", "--out", str(tmp_path),
                 "--data-dir", str(folder.path)]) == 0
    assert [r[1] for r in reprints(folder)] == [slip_no, slip_no]
    assert "补打（第2次" in text_of(tmp_path / f"{slip_no}-代办单-补打-A4.pdf")


@pytest.mark.parametrize("args, message", [
    (["reprint", "slip", "DB2026-999999", "--reason", "遗失"], "没有单号为DB2026-999999的代办单"),
    (["reprint", "slip", "{slip}"], "请用 --reason 填写补打原因"),
    (["reprint", "slip", "{slip}", "--reason", "  "], "请填写补打原因"),
    (["reprint", "slip", "{slip}", "--reason", "遗失", "--size", "B5"], "纸张只能是 A4 或 A5"),
    (["reprint", "letter", "{slip}", "--reason", "遗失"], "不能补打 letter"),
])
def test_refused_reprints_are_one_chinese_line_and_register_nothing(books, tmp_path, capsys, monkeypatch,
                                                                    args, message):
    folder, slip_no = books
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    out = tmp_path / "again.pdf"
    argv = [a.format(slip=slip_no) for a in args]
    assert main([*argv, "--out", str(out), "--data-dir", str(folder.path)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and message in err and "Traceback" not in err
    assert reprints(folder) == [] and not out.exists()


def test_reprint_runs_as_the_command_line_identity(books, tmp_path, capsys, monkeypatch, clock):
    folder, slip_no = books
    desk = open_desk(folder, clock)
    set_password(Account.get(Account.name == "李文书"), "2468", "测试", clock.now())
    desk.close()
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    out = tmp_path / "again.pdf"
    base = ["reprint", "slip", slip_no, "--reason", "群众遗失", "--out", str(out), "--data-dir", str(folder.path)]
    assert main(base) == 1
    assert "--user" in capsys.readouterr().err and reprints(folder) == []
    monkeypatch.setenv(ENV_PASSWORD, "2468")
    assert main([*base, "--user", "李文书"]) == 0
    assert reprints(folder) == [("slip", slip_no, "群众遗失", "李文书")]
    assert "李文书" in text_of(out)


def test_a_paper_that_cannot_be_written_leaves_no_reprint_registered(books, tmp_path, capsys, monkeypatch):
    folder, slip_no = books
    monkeypatch.setattr("sys.stdin", io.StringIO(""))

    def full_disk(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("dutydesk.reports.reprint_papers.shutil.copyfileobj", full_disk)
    assert main(["reprint", "slip", slip_no, "--reason", "遗失", "--out", str(tmp_path / "x.pdf"),
                 "--data-dir", str(folder.path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "Traceback" not in err
    assert reprints(folder) == [] and not (tmp_path / "x.pdf").exists()
