"""Screenshots of the township's 报送情况 and 汇总 tabs and of a village's records read-only
(查看村级记录) for the README and the user guide.

Run by hand after changing either page:  python -m tests.ui.township_screenshots resources/screenshots
Three demo villages hand off their last four months; one month was approved, one returned.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from pathlib import Path

from tests.ui.shot_screen import use_desk_screen


def main(out: Path) -> None:
    use_desk_screen()
    from PySide6.QtWidgets import QApplication

    from dutydesk.township.village_month import APPROVED, NOT_SUBMITTED, RETURNED
    from dutydesk.ui.theme import apply_theme
    from dutydesk.ui.township.window import TownshipWindow
    from tests.township.demo_villages import TOWNSHIP, demo_villages, months

    app = QApplication.instance() or QApplication([])
    apply_theme(app, "normal")
    villages = demo_villages(days=130, handed=4)
    this, last = months()
    status = {(villages[0].code, last.slug): APPROVED, (villages[1].code, last.slug): RETURNED,
              (villages[2].code, this.slug): NOT_SUBMITTED}

    def loader(period: str):
        found = []
        for village in villages:
            month = village.months.get(period)
            if month is not None:
                state = status.get((village.code, period), month.status)
                if state == NOT_SUBMITTED:
                    month = dataclasses.replace(month, tables={}, tally=())
                found.append(dataclasses.replace(month, status=state))
        return found

    # ``books`` only backs the clerk's actions (menu, toolbar, 退回/审核通过), none triggered here:
    # a stand-in shows the window as the clerk sees it on real books.
    window = TownshipWindow(loader, TOWNSHIP, this.end + dt.timedelta(days=6), books=object())
    window.resize(1280, 760)
    window.show()
    out.mkdir(parents=True, exist_ok=True)
    for index, name in enumerate(("township_submissions", "township_summary")):
        window.tabs.setCurrentIndex(index)
        for _ in range(5):
            app.processEvents()
        path = out / f"{name}.png"
        window.grab().save(str(path))
        print(path)
    from dutydesk.ui.township.village_records_dialog import VillageRecordsDialog

    dialog = VillageRecordsDialog(villages[0].months[this.slug], window)
    dialog.resize(1180, 640)
    dialog.show()
    for _ in range(5):
        app.processEvents()
    path = out / "township_village_records.png"
    dialog.grab().save(str(path))
    print(path)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "resources/screenshots"))
