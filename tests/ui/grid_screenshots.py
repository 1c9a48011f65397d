"""Render the 网格走访 screenshots for README: a visit being entered, the progress board, the
民情日记 and the areas page, on the demo books.

Run by hand after changing these screens:  python -m tests.ui.grid_screenshots resources/screenshots
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from tests.ui.shot_screen import use_desk_screen

use_desk_screen()  # before Qt starts: a desk-sized screen, not offscreen's 800×800


def main(out: Path) -> None:
    from dutydesk.app import make_app
    from dutydesk.demo.duty_demo import duty_step
    from dutydesk.demo.generate import DemoPlan, center_step
    from dutydesk.demo.grid_demo import grid_step
    from dutydesk.demo.visits_demo import residents_step
    from dutydesk.desk import open_desk
    from dutydesk.domain.clock import FixedClock
    from dutydesk.store.accounts.account import Account
    from dutydesk.store.datafolder import DataFolder
    from dutydesk.ui.grid.tab import GridTab
    from dutydesk.ui.theme import apply_theme

    app = make_app()
    apply_theme(app)
    desk = open_desk(DataFolder(Path(tempfile.mkdtemp()) / "d"), FixedClock(dt.datetime(2026, 11, 24, 9, 30)))
    plan = DemoPlan(desk, seed=2026, days=120, scale=0.3)
    for step in (center_step, duty_step, residents_step, grid_step):
        step(plan)
    desk.account = Account.get(Account.name == "李文书")  # an operator: numbers masked as users see them
    tab = GridTab(desk)
    tab.resize(1360, 860)
    tab.show()

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    settle()
    out.mkdir(parents=True, exist_ok=True)
    page = tab.visit_page
    page.lookup.edit.setText("H000")
    settle()
    page.lookup.take_current()
    page.found.setPlainText("老人独居，屋顶漏雨，已叮嘱邻居照看")
    page.needs.setPlainText("申请危房改造补助")
    settle()
    tab.grab().save(str(out / "grid_visit_entry.png"))
    tab.pages.setCurrentWidget(tab.board)
    settle()
    tab.board.cadres.selectRow(0)
    settle()
    tab.grab().save(str(out / "grid_progress_board.png"))
    tab.pages.setCurrentWidget(tab.diary)
    settle()
    tab.grab().save(str(out / "grid_diary.png"))
    tab.pages.setCurrentWidget(tab.areas)
    settle()
    tab.areas.households.selectRow(0)
    settle()
    tab.grab().save(str(out / "grid_areas.png"))
    desk.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "resources/screenshots"))
