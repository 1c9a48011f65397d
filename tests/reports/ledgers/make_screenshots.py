"""Render page 1 of each PDF ledger to ``resources/screenshots/ledger_*.png`` (needs pdftoppm).

    python -m tests.reports.ledgers.make_screenshots

Builds throwaway books: the demo visits plus a hand-made November of duty (roster, sign-ins,
a handover, a leave with a substitute, one absence) and proxy cases, so every ledger has
something to show. Not a test: a tool to refresh the README's pictures.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

from dutydesk.commands.demo import fill_demo_folder
from dutydesk.desk import open_desk
from dutydesk.domain.clock import FixedClock
from dutydesk.domain.proxy_case import StepKind
from dutydesk.reports.ledger import write_ledger
from dutydesk.reports.ledgers import LEDGERS, Period
from dutydesk.store.datafolder import DataFolder
from dutydesk.store.duty.attendance import sign_in, sign_out
from dutydesk.store.duty.leave import LeaveInput, approve_leave, request_leave
from dutydesk.store.notices import catalogue, proxy_cases
from tests.approvers import approver
from tests.duty_helpers import make_staff, put_on
from tests.notice_helpers import new_case

OUT = Path(__file__).resolve().parents[3] / "resources" / "screenshots"
NOW = dt.datetime(2026, 11, 30, 18, 0)


def duty_month(desk) -> None:
    staff = make_staff(desk)
    names = ["王委员", "赵文书", "钱村官", "孙干部", "李主任", "张书记"]
    day = dt.date(2026, 11, 2)
    index = 0
    while day <= dt.date(2026, 11, 27):
        if day.weekday() < 5:
            for key, start, end in (("am", (8, 20), (12, 2)), ("pm", (14, 22), (17, 33))):
                person = staff[names[index % len(names)]]
                index += 1
                put_on(desk, day, key, person)
                if (day.day, key) == (12, "pm"):
                    continue  # nobody signed in: an absence
                if (day.day, key) == (18, "am"):
                    leave = request_leave(LeaveInput(person.name, day, day, "病假", "发烧", "周协管", ["am"]),
                                          "李文书", dt.datetime.combine(day, dt.time(7, 30)))
                    approve_leave(leave, approver("王书记"),
                                  dt.datetime.combine(day, dt.time(7, 40)))
                    person = staff["周协管"]
                sign_in(person, "李文书", dt.datetime.combine(day, dt.time(*start)))
                sign_out(person, "来访均已登记，低保续办材料待补" if key == "pm" else "无遗留事项", "",
                         "李文书", dt.datetime.combine(day, dt.time(*end)))
        day += dt.timedelta(days=1)


def proxy_month(desk) -> None:
    catalogue.seed_default_catalogue(desk.who, desk.now())
    people = ["张秀英", "李堃", "王喆", "赵桂兰", "陈建国", "刘淑芬"]
    for i, name in enumerate(people):
        at = dt.datetime(2026, 11, 3 + 3 * i, 10, 0)
        case = new_case(desk, "SB-01", name, at=at)
        steps = [(StepKind.SUBMIT, {"unit": "桃源镇便民服务中心", "date": at.date(), "carrier": "李文书"}),
                 (StepKind.APPROVE, {"result": "已办理参保登记"}),
                 (StepKind.FETCH, {"note": ""}),
                 (StepKind.NOTIFY, {"method": "电话", "at": f"{at:%Y-%m-%d} 16:00"})][: 4 - i % 3]
        for number, (kind, details) in enumerate(steps, 1):
            proxy_cases.record_step(case, kind, details, "李文书", at + dt.timedelta(days=number))


# The ledgers README shows (ledger_meetings.png comes from tests/ui/meeting_screenshots.py).
PICTURED = ("visits", "duty", "proxy", "attendance", "monthly")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = DataFolder(Path(tmp) / "books")
        clock = FixedClock(NOW)
        fill_demo_folder(folder, seed=2026, days=75, scale=1.0, clock=clock)
        desk = open_desk(folder, clock)
        try:
            duty_month(desk)
            proxy_month(desk)
            for key, spec in LEDGERS.items():
                if key not in PICTURED:
                    continue
                period = Period.month(2026, 11)
                pdf = Path(tmp) / f"{key}.pdf"
                write_ledger(spec.make(desk, period), pdf, "pdf")  # masked, as it leaves the desk
                target = OUT / f"ledger_{key}"
                subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                                str(pdf), str(target)], check=True)
                print(f"{target}.png")
        finally:
            desk.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
