"""片区与住户's papers: the selected area's 入户走访记录表 (households with QR codes, G03) and every
area's 便民联系卡 for posting (G07)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dutydesk.ui.duty.common import show_message
from dutydesk.ui.grid.printing import print_paper

if TYPE_CHECKING:
    from dutydesk.ui.grid.areas_page import AreasPage


def print_field_sheet(page: AreasPage) -> None:
    from dutydesk.reports.field_sheet import field_sheet, render_field_sheet  # reportlab: on first print

    area = page.current_area()
    if area is None:
        show_message(page.message, "请先在左侧选中一个片区", ok=False)
        return
    sheet = field_sheet(area, page.desk.today())
    print_paper(page, page.desk, f"入户走访记录表_{area.name}",
                lambda center, path: render_field_sheet(sheet, center, path), page.message)


def print_contact_cards(page: AreasPage) -> None:
    from dutydesk.reports.contact_cards import cards, render_contact_cards  # reportlab: on first print

    found = cards(page.desk.today())
    if not found:
        show_message(page.message, "尚未划分片区，没有联系卡可打印", ok=False)
        return
    print_paper(page, page.desk, "便民联系卡", lambda center, path: render_contact_cards(found, center, path),
                page.message)
