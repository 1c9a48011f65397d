"""Printing stored notices and proxy cases: the document always shows the stored item version.

Each printed file is also kept under ``printed/<year>/`` in the data folder, so what was handed
to the person can be shown again exactly as printed (N06).
"""

from __future__ import annotations

from pathlib import Path

from dutydesk.domain.catalogue import Outcome
from dutydesk.domain.center import CenterProfile
from dutydesk.domain.placeholders import check_printable
from dutydesk.reports.notice_docs import NoticeDoc, SlipDoc, render_notice, render_receipt, render_slip
from dutydesk.store.notices import NoticeRecord
from dutydesk.store.proxy_cases import ProxyCase
from dutydesk.store.staff_names import printed_name

KINDS = {"notice": "一次性告知单", "receipt": "收件回执单", "slip": "代办单"}


def printed_path(data_dir: Path, ref: str, kind: str, size: str) -> Path:
    year = ref[2:6] if len(ref) > 6 and ref[2:6].isdigit() else "other"
    return data_dir / "printed" / year / f"{ref}-{KINDS[kind]}-{size}.pdf"


def notice_doc(notice: NoticeRecord, center: CenterProfile) -> NoticeDoc:
    version = notice.item_version
    case = notice.proxy_cases.first()
    return NoticeDoc(
        center=center, person_name=notice.person_name, person_phone=notice.person_phone, item=version.item,
        item_version=version.version, outcome=Outcome(notice.outcome), missing=notice.missing_materials,
        received=notice.received_ticks, reason=notice.reason, handler=printed_name(notice.told_by, notice.told_at),
        day=notice.told_at.date(),
        ref=notice.ref, promised=case.promised_date if case else None,
    )


def slip_doc(case: ProxyCase, center: CenterProfile) -> SlipDoc:
    version = case.item_version
    return SlipDoc(
        center=center, slip_no=case.slip_no, person_name=case.person_name, person_phone=case.person_phone,
        item=version.item, item_version=version.version, received=case.received_ticks,
        accepted_on=case.accepted_at.date(), promised=case.promised_date,
        handler=printed_name(case.agent, case.accepted_at), fee=case.fee_amount,
    )


def print_notice(notice: NoticeRecord, center: CenterProfile, data_dir: Path, size: str = "A4") -> Path:
    """Raises UnfilledTemplate (a Chinese message) when the item still holds a template blank."""
    check_printable(notice.item_version.item)
    return render_notice(notice_doc(notice, center), printed_path(data_dir, notice.ref, "notice", size), size)


def print_receipt(case: ProxyCase, center: CenterProfile, data_dir: Path, size: str = "A4") -> Path:
    check_printable(case.item_version.item)
    return render_receipt(slip_doc(case, center), printed_path(data_dir, case.slip_no, "receipt", size), size)


def print_slip(case: ProxyCase, center: CenterProfile, data_dir: Path, size: str = "A4") -> Path:
    check_printable(case.item_version.item)
    return render_slip(slip_doc(case, center), printed_path(data_dir, case.slip_no, "slip", size), size)
