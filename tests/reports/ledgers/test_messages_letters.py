"""V10, V13, V09: the 留言转告登记簿 and 外来函件登记簿 in both formats, numbers masked."""

from __future__ import annotations

import pytest

from dutydesk.cli import main
from dutydesk.reports.ledger import write_ledger
from dutydesk.reports.ledgers import LEDGERS, Period
from dutydesk.store.messages import inquiry_letters as letters
from dutydesk.store.messages.inquiry_letters import LetterDraft
from dutydesk.store.messages.message import MessageDraft, deliver, leave_message
from tests.reports.ledgers.test_declarations import data_rows, pdf_text

NOV = Period.month(2026, 11)


def _fill(desk):
    m = leave_message(MessageDraft("赵大爷", "干部", "王书记", "请回电13812345678商量修路", "13812345678", "来电"),
                      desk.who, desk.now())
    deliver(m, "李文书", "电话", "王书记已回电", desk.who, desk.now())
    leave_message(MessageDraft("镇农业办", "单位", "村委会", "周五前报送春耕统计表", "", "来电"), desk.who, desk.now())
    letter = letters.register_letter(LetterDraft(desk.today(), "邻县公安局", "核实张三居住情况", "邻公函12号"),
                                     desk.who, desk.now())
    letters.draft_reply(letter, "经核实，张三常住本村三组。", desk.who, desk.now())


def test_registry_has_messages_and_letters():
    assert LEDGERS["messages"].name == "留言转告登记簿" and LEDGERS["messages"].personal
    assert LEDGERS["letters"].name == "外来函件登记簿" and LEDGERS["letters"].personal


@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_v10_message_book_both_formats_masked(desk, tmp_path, fmt):
    _fill(desk)
    path = write_ledger(LEDGERS["messages"].make(desk, NOV), tmp_path / f"m.{fmt}", fmt)
    if fmt == "xlsx":
        rows = data_rows(path, "留言转告", "编号")
        assert [(r[3], r[5], r[10]) for r in rows] == [("赵大爷", "王书记（干部）", "电话"),
                                                       ("镇农业办", "村委会（单位）", None)]
        assert rows[0][4] == "138****5678" and "13812345678" not in rows[0][6]
        assert rows[1][11] == "未转达"
    else:
        text = pdf_text(path)
        assert "留言转告登记簿" in text and "赵大爷" in text and "未转达" in text
        assert "13812345678" not in text


@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_v13_letter_register_both_formats(desk, tmp_path, fmt):
    _fill(desk)
    path = write_ledger(LEDGERS["letters"].make(desk, NOV), tmp_path / f"l.{fmt}", fmt)
    if fmt == "xlsx":
        [row] = data_rows(path, "外来函件", "编号")
        assert (row[2], row[3], row[6], row[11]) == ("邻县公安局", "邻公函12号", "经核实，张三常住本村三组。", "已拟复")
    else:
        text = pdf_text(path)
        assert "外来函件登记簿" in text and "邻县公安局" in text and "已拟复" in text


def test_cli_export_messages_by_month(desk, folder, tmp_path, capsys):
    _fill(desk)
    desk.close()
    out = tmp_path / "m.xlsx"
    assert main(["export", "messages", "--month", "2026-11", "--out", str(out), "--data-dir", str(folder.path)]) == 0
    assert capsys.readouterr().out.startswith("已导出")
    assert data_rows(out, "留言转告", "编号")[0][3] == "赵大爷"


def test_v10_v13_usb_hand_off_carries_both_new_ledgers(desk, tmp_path):
    from dutydesk.reports.handoff import hand_off, verify_folder

    _fill(desk)
    stick = tmp_path / "stick"
    stick.mkdir()
    result = hand_off(desk, stick, NOV, [("messages", "xlsx"), ("letters", "pdf")])
    center = "青石村党群服务中心"
    assert [e["name"] for e in result.files] == [f"{center}留言转告登记簿_2026-11.xlsx",
                                                 f"{center}外来函件登记簿_2026-11.pdf"]
    assert verify_folder(result.folder) == []
    assert data_rows(result.folder / result.files[0]["name"], "留言转告", "编号")[0][4] == "138****5678"
