"""Render the 一次性告知 pictures for README and the user guide on the demo books: the checklist
and 代办跟踪 pages, a printed 一次性告知单, 收件回执 and 代办单, the wall guide with a flow chart and
the 民情分析会 pack (PNGs of PDF pages by pdftoppm).

Run by hand after changing them:  python -m tests.ui.notices.notice_screenshots resources/screenshots
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from tests.ui.shot_screen import use_desk_screen

use_desk_screen()  # before Qt starts: a desk-sized screen, not offscreen's 800×800


def png(pdf: Path, out: Path, dpi: int, page: int = 1) -> None:
    """Page ``page`` of ``pdf`` as ``out`` (pdftoppm, as the poppler tools print it)."""
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(out.with_suffix(""))], check=True)
    print(out)


def first_page_with(pdf: Path, text: str) -> int:
    from pypdf import PdfReader

    for number, page in enumerate(PdfReader(str(pdf)).pages, start=1):
        if text in page.extract_text().replace(" ", ""):
            return number
    raise LookupError(text)


def main(out: Path) -> None:
    from dutydesk.app import make_app
    from dutydesk.commands.demo import fill_demo_folder
    from dutydesk.domain.catalogue import Outcome
    from dutydesk.domain.clock import FixedClock
    from dutydesk.reports.analysis_pack import write_pack
    from dutydesk.reports.ledgers import Period
    from dutydesk.reports.notice_records import print_notice, print_receipt, print_slip
    from dutydesk.reports.wall_guide import guide_data, render_guide
    from dutydesk.store.accounts.account import Account
    from dutydesk.store.center import load_center
    from dutydesk.store.datafolder import DataFolder
    from dutydesk.store.notices import notice as notices
    from dutydesk.store.notices.notice import NoticeRecord
    from dutydesk.store.notices.proxy_cases import ProxyCase
    from dutydesk.ui.notices.tab import NoticeTab
    from dutydesk.ui.startup import open_for_gui
    from dutydesk.ui.theme import apply_theme
    from tests.conftest import DEFAULT_NOW

    app = make_app()
    apply_theme(app)
    folder = DataFolder(Path(tempfile.mkdtemp()) / "demo")
    clock = FixedClock(DEFAULT_NOW.replace(hour=10, minute=12))
    fill_demo_folder(folder, seed=2026, days=60, scale=0.3, clock=clock)
    opened = open_for_gui(folder, clock)
    assert opened is not None
    desk = opened.desk
    desk.account = Account.get(Account.name == "李文书")  # an operator: numbers masked as users see them
    center = load_center()
    assert center is not None
    tmp = Path(tempfile.mkdtemp())
    out.mkdir(parents=True, exist_ok=True)

    notice = (NoticeRecord.select().where(NoticeRecord.outcome == Outcome.MISSING.value)
              .order_by(NoticeRecord.told_at.desc()).first())
    case = ProxyCase.select().order_by(ProxyCase.id.desc()).first()
    png(print_notice(notice, center, tmp), out / "notice_one_time_notice.png", 100)
    png(print_receipt(case, center, tmp), out / "notice_receipt.png", 100)
    png(print_slip(case, center, tmp), out / "notice_proxy_slip.png", 100)
    guide = render_guide(guide_data(center, desk.today()), tmp / "guide.pdf")
    png(guide, out / "wall_guide.png", 72)
    png(guide, out / "wall_guide_flow.png", 72, first_page_with(guide, "办事流程图"))
    png(write_pack(desk, Period.month(2026, 11), tmp / "pack.pdf"), out / "analysis_pack.png", 72)

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    tab = NoticeTab(desk)
    tab.show()
    tab.resize(1280, 760)  # after show: showing clamps a window to the (small) offscreen screen
    settle()
    page = tab.checklist
    waiting = notices.visits_to_serve(desk.today())
    visit = next((v for v in waiting if v.category == "代办"), waiting[0])  # one the desk carries up
    page.start_from_visit(visit.id)
    settle()
    for box in page.boxes[:-1:2]:  # some materials handed over, some missing
        box.setChecked(True)
    for box, pages in zip(page.boxes, page.pages, strict=True):
        pages.setValue(1 if box.isChecked() else 0)
    settle()
    tab.grab().save(str(out / "notice_tab_checklist.png"))
    print(out / "notice_tab_checklist.png")
    tab.show_page(tab.cases)
    settle()
    rows = tab.cases.model.rows
    walked = next((i for i, c in enumerate(rows) if c.steps.count() >= 2), 0)  # a case with a history
    tab.cases.table.selectRow(walked)
    settle()
    tab.grab().save(str(out / "notice_tab_cases.png"))
    print(out / "notice_tab_cases.png")
    tab.close()
    opened.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "resources/screenshots"))
