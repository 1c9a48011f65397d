"""Render the grid papers' screenshots for README on the demo books: the 入户走访记录表 (PNG of the
PDF's first page by pdftoppm), the 便民联系卡, the 抽查结果公示 and the 知晓率抽查 page.

Run by hand after changing them:  python -m tests.ui.grid_paper_screenshots resources/screenshots
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.ui.shot_screen import use_desk_screen

use_desk_screen()  # before Qt starts: a desk-sized screen, not offscreen's 800×800


def png(pdf: Path, out: Path, dpi: int = 80) -> None:
    """The first page of ``pdf`` as ``out`` (pdftoppm, as the poppler tools print it)."""
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(out.with_suffix(""))], check=True)


def main(out: Path) -> None:
    from dutydesk.app import make_app
    from dutydesk.demo.duty_demo import duty_step
    from dutydesk.demo.generate import DemoPlan, center_step
    from dutydesk.demo.grid_demo import grid_step
    from dutydesk.demo.visits_demo import residents_step
    from dutydesk.desk import open_desk
    from dutydesk.domain.clock import FixedClock
    from dutydesk.reports.contact_cards import cards, render_contact_cards
    from dutydesk.reports.field_sheet import field_sheet, render_field_sheet
    from dutydesk.reports.spot_check_papers import render_results_notice
    from dutydesk.store.accounts.account import Account
    from dutydesk.store.center import load_center
    from dutydesk.store.datafolder import DataFolder
    from dutydesk.store.grid.area import areas
    from dutydesk.ui.grid.tab import GridTab
    from dutydesk.ui.theme import apply_theme

    app = make_app()
    apply_theme(app)
    tmp = Path(tempfile.mkdtemp())
    desk = open_desk(DataFolder(tmp / "d"), FixedClock(dt.datetime(2026, 11, 24, 9, 30)))
    plan = DemoPlan(desk, seed=2026, days=120, scale=0.3)
    for step in (center_step, duty_step, residents_step, grid_step):
        step(plan)
    out.mkdir(parents=True, exist_ok=True)
    center, today = load_center(), desk.today()
    png(render_field_sheet(field_sheet(areas()[0], today), center, tmp / "sheet.pdf"), out / "grid_field_sheet.png")
    png(render_contact_cards(cards(today), center, tmp / "cards.pdf"), out / "grid_contact_cards.png")
    png(render_results_notice(f"{today:%Y-%m}", center, today, tmp / "notice.pdf"), out / "grid_spot_check_notice.png")
    desk.account = Account.get(Account.name == "李文书")
    tab = GridTab(desk)
    tab.resize(1360, 860)
    tab.show()
    tab.build()
    tab.pages.setCurrentWidget(tab.spot_checks)
    for _ in range(5):
        app.processEvents()
    tab.grab().save(str(out / "grid_spot_check.png"))
    desk.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "resources/screenshots"))
