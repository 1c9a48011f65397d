"""V09: command-line values that are personal data, names or dates are read in normal form."""

from __future__ import annotations

from dutydesk.cli import build_parser


def test_v09_export_arguments_typed_in_full_width_mode():
    args = build_parser().parse_args([
        "export", "ｖｉｓｉｔｓ", "--month", "２０２６－１１", "--format", "ＰＤＦ", "--out", "（１１月）.pdf",
        "--unmasked", "--reason", " 上级检查\u200b ", "--approver", "王\u200b书记"])
    assert (args.ledger, args.month, args.fmt) == ("visits", "2026-11", "PDF")
    assert (args.reason, args.approver) == ("上级检查", "王书记")
    assert args.out == "（１１月）.pdf"  # a file name is the user's own: never rewritten
