"""Render the 来访登记 screenshots for README: the form with a lookup open, and the 待跟进 panel.

Run by hand after changing these screens:  python -m tests.ui.visit_screenshots resources/screenshots
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
    from dutydesk.demo.generate import DemoPlan, center_step
    from dutydesk.demo.visits_demo import residents_step, visits_step
    from dutydesk.desk import open_desk
    from dutydesk.domain.clock import FixedClock
    from dutydesk.store.calendar_days import enter_day
    from dutydesk.store.datafolder import DataFolder
    from dutydesk.store.visits.residents import Resident
    from dutydesk.ui.theme import apply_theme
    from dutydesk.ui.visits.tab import VisitsTab

    app = make_app()
    apply_theme(app)
    desk = open_desk(DataFolder(Path(tempfile.mkdtemp()) / "d"), FixedClock(dt.datetime(2026, 11, 24, 9, 30)))
    plan = DemoPlan(desk, seed=2026, days=60, scale=1.0)
    for step in (center_step, residents_step, visits_step):
        step(plan)
    enter_day(dt.date(2027, 1, 1), False, "元旦", "演示", desk.now())  # no calendar warning in the shot
    from dutydesk.store.accounts.account import Account

    desk.account = Account.get(Account.name == "李文书")  # an operator: numbers masked as users see them
    person = Resident.select().where(Resident.name_initials.startswith("zj")).first()
    tab = VisitsTab(desk)
    tab.resize(1360, 860)
    tab.show()

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    settle()
    out.mkdir(parents=True, exist_ok=True)
    tab.form.lookup.edit.setText(person.name_initials[:2])
    settle()
    tab.grab().save(str(out / "visits_form_lookup.png"))
    tab.form.lookup.clear()
    settle()
    tab.grab().save(str(out / "visits_followup_panel.png"))
    desk.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "resources/screenshots"))
