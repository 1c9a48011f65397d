"""Printing a paper again (补打, N06) in one step: register the reprint and write the marked paper.

The GUI's 补打 button registers with ``store.notices.reprints`` and then shows the papers in the print
dialog; the command line has no dialog, so here registering and writing the file go together in
one transaction: if the paper cannot be written, no reprint is left registered for it.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

from dutydesk.reports import notice_records
from dutydesk.store.atomic import atomic_write
from dutydesk.store.base import database
from dutydesk.store.center import load_center
from dutydesk.store.notices.notice import notice_by_ref
from dutydesk.store.notices.proxy_cases import case_by_slip
from dutydesk.store.notices.reprints import Reprint, ReprintInvalid, register_reprints

SIZES = ("A4", "A5")


@dataclass(frozen=True)
class Reprinted:
    reprint: Reprint
    path: Path  # the marked paper as kept under ``printed/`` in the data folder


def reprint_paper(paper: str, ref: str, reason: str, who: str, at: dt.datetime, data_dir: Path,
                  size: str = "A4", copy_to: Path | None = None) -> Reprinted:
    """Register a 补打 of ``paper`` (notice, receipt or slip) numbered ``ref`` and write it marked
    as such, also to ``copy_to`` when given; ``ReprintInvalid`` (Chinese, per field) when it
    cannot be reprinted. An OSError writing either file leaves no reprint registered."""
    if size not in SIZES:
        raise ReprintInvalid({"size": f"纸张只能是 A4 或 A5：{size}"})
    center = load_center()
    if center is None:
        raise ReprintInvalid({"ref": "还没有填写服务中心信息，不能打印"})
    with database.atomic():
        if paper == "notice":
            notice = notice_by_ref(ref.strip().upper())
            number = notice.ref if notice is not None else ref
            (again,) = register_reprints([paper], number, reason, who, at)
            assert notice is not None  # register_reprints refuses an unknown number
            path = notice_records.print_notice(notice, center, data_dir, size, again)
        else:
            case = case_by_slip(ref)
            number = case.slip_no if case is not None else ref
            (again,) = register_reprints([paper], number, reason, who, at)
            assert case is not None
            printer = notice_records.print_slip if paper == "slip" else notice_records.print_receipt
            path = printer(case, center, data_dir, size, again)
        if copy_to is not None:
            with open(path, "rb") as source, atomic_write(copy_to) as target:
                shutil.copyfileobj(source, target)
    return Reprinted(again, path)
