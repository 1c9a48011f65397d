"""Printing stored notices and proxy cases: the document always shows the stored item version.

Each printed file is also kept under ``printed/<year>/`` in the data folder, so what was handed
to the person can be shown again exactly as printed (N06).
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from dutydesk.domain.calendar_years import deadline_unverified
from dutydesk.domain.catalogue import Outcome
from dutydesk.domain.center import CenterProfile
from dutydesk.domain.placeholders import check_printable
from dutydesk.reports.notice_docs import NoticeDoc, SlipDoc, render_notice, render_receipt, render_slip
from dutydesk.store.atomic import atomic_path
from dutydesk.store.calendar_days import load_calendar
from dutydesk.store.duty.staff_names import printed_name
from dutydesk.store.notices.notice import NoticeRecord
from dutydesk.store.notices.notice_follow_up import supply_by
from dutydesk.store.notices.proxy_cases import ProxyCase
from dutydesk.store.notices.reprints import Reprint

KINDS = {"notice": "一次性告知单", "receipt": "收件回执单", "slip": "代办单", "papers": "代办单和收件回执"}


def printed_path(data_dir: Path, ref: str, kind: str, size: str, reprint: Reprint | None = None) -> Path:
    """Where the printed file is kept; a 补打 gets its own file, the first print stays as it was."""
    year = ref[2:6] if len(ref) > 6 and ref[2:6].isdigit() else "other"
    again = f"-补打{reprint.ordinal}" if reprint is not None else ""
    return data_dir / "printed" / year / f"{ref}-{KINDS[kind]}{again}-{size}.pdf"


def notice_doc(notice: NoticeRecord, center: CenterProfile, reprint: Reprint | None = None) -> NoticeDoc:
    version = notice.item_version
    case = notice.proxy_cases.first()
    return NoticeDoc(
        center=center, person_name=notice.person_name, person_phone=notice.person_phone, item=version.item,
        item_version=version.version, outcome=Outcome(notice.outcome), missing=notice.missing_materials,
        received=notice.received_ticks, reason=notice.reason, handler=printed_name(notice.told_by, notice.told_at),
        day=notice.told_at.date(),
        ref=notice.ref, promised=case.promised_date if case else None, reprint=reprint.mark if reprint else "",
        supply_by=supply_by(notice, load_calendar()),
    )


def slip_doc(case: ProxyCase, center: CenterProfile, reprint: Reprint | None = None) -> SlipDoc:
    version = case.item_version
    return SlipDoc(
        center=center, slip_no=case.slip_no, person_name=case.person_name, person_phone=case.person_phone,
        item=version.item, item_version=version.version, received=case.received_ticks,
        accepted_on=case.accepted_at.date(), promised=case.promised_date,
        handler=printed_name(case.agent, case.accepted_at), fee=case.fee_amount,
        reprint=reprint.mark if reprint else "",
        promised_unverified=deadline_unverified(case.promised_date, load_calendar()),
    )


def print_notice(notice: NoticeRecord, center: CenterProfile, data_dir: Path, size: str = "A4",
                 reprint: Reprint | None = None) -> Path:
    """The notice as told; with ``reprint`` (registered first) the same number marked 补打 (N06).
    Raises UnfilledTemplate (a Chinese message) when the item still holds a template blank."""
    check_printable(notice.item_version.item)
    return render_notice(notice_doc(notice, center, reprint),
                         printed_path(data_dir, notice.ref, "notice", size, reprint), size)


def print_receipt(case: ProxyCase, center: CenterProfile, data_dir: Path, size: str = "A4",
                  reprint: Reprint | None = None) -> Path:
    check_printable(case.item_version.item)
    return render_receipt(slip_doc(case, center, reprint),
                          printed_path(data_dir, case.slip_no, "receipt", size, reprint), size)


def print_slip(case: ProxyCase, center: CenterProfile, data_dir: Path, size: str = "A4",
               reprint: Reprint | None = None) -> Path:
    check_printable(case.item_version.item)
    return render_slip(slip_doc(case, center, reprint), printed_path(data_dir, case.slip_no, "slip", size, reprint),
                       size)


def print_case_papers(case: ProxyCase, center: CenterProfile, data_dir: Path, size: str = "A4") -> Path:
    """The 代办单 and the 收件回执单 of a case just accepted, as one document (one preview, one print).

    Each paper is still kept in its own file (N06); this file puts the slip's pages and then the
    receipt's together, so the desk confirms and prints once.
    """
    parts = [print_slip(case, center, data_dir, size), print_receipt(case, center, data_dir, size)]
    merged = pdfium.PdfDocument.new()
    try:
        for part in parts:
            source = pdfium.PdfDocument(str(part))
            try:
                merged.import_pages(source)
            finally:
                source.close()
        target = printed_path(data_dir, case.slip_no, "papers", size)
        with atomic_path(target) as tmp:
            merged.save(str(tmp))
    finally:
        merged.close()
    return target
