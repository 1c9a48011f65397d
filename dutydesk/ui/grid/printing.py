"""Printing the grid's papers from its pages: the PDF is written to the data folder's printouts
and opened in the print preview (what the preview shows is what the printer gets)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QLabel, QWidget

from dutydesk.desk import Desk
from dutydesk.domain.center import CenterProfile
from dutydesk.reports.ledgers.registry import safe_name
from dutydesk.store.center import load_center
from dutydesk.store.faults import plain_message
from dutydesk.ui.duty.common import show_message

PREVIEW = True  # tests turn the modal preview off and read the file


def print_paper(owner: QWidget, desk: Desk, name: str, render: Callable[[CenterProfile, Path], Path],
                message: QLabel) -> Path | None:
    """Write ``name``.pdf with ``render(center, path)``, show it, say where it is."""
    center = load_center()
    if center is None:
        show_message(message, "请先在“工具 → 服务中心信息”中填写服务中心名称和电话", ok=False)
        return None
    path = desk.folder.path / "printouts" / safe_name(f"{name}_{desk.today():%Y%m%d}.pdf")
    try:
        render(center, path)
    except OSError as exc:
        show_message(message, f"未能生成PDF：{plain_message(exc) or '请检查数据文件夹是否可写'}", ok=False)
        return None
    if PREVIEW:
        from dutydesk.ui.duty.printing import preview_dialog

        owner.preview = preview_dialog(owner, path, name)
        owner.preview.exec()
    show_message(message, f"已生成：{path}", ok=True)
    return path
