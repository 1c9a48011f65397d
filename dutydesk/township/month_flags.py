"""What the township's 报送情况 marks on a village's month (issue 16 point 5): simple checks a
township clerk would otherwise make by eye, each a short Chinese flag beside the status.

- many matters overdue (V04): overdue over visits above a settable rate;
- matters closed without telling the person (V03), which the township asks about;
- someone absent three or more times in the month's attendance tally (D14), and anyone the
  tally already sent to an admonition talk (诫勉谈话) or advised to resign (劝辞).

Pure: it reads the month's ``VillageFigures`` (the summary's own figures: overdue counts paused
working days, V04, where the bundle carries them) and rows; thresholds are settings whose values
the caller passes. ``township_books.dated_flags`` passes the values the township set for the
month (dated settings); ``township status`` and the window's 报送情况 both use it.
"""

from __future__ import annotations

from dutydesk.domain.settings import declare
from dutydesk.domain.visit_rules import FED_BACK
from dutydesk.township.summary import VillageFigures
from dutydesk.township.village_month import VillageMonth

OVERDUE_RATE = declare("township.flags.overdue_rate", 0.1, "报送情况：超期件数占受理总数超过此比例时提示", "V04")
ABSENCES = declare("township.flags.absences", 3, "报送情况：一人当月缺勤达到此次数时提示", "D14")


def month_flags(month: VillageMonth, figures: VillageFigures, overdue_rate: float = OVERDUE_RATE.default,
                absences: int = ABSENCES.default) -> list[str]:
    """The flags of one village's handed-in month, in Chinese; none for a month not handed in."""
    if not figures.submitted:
        return []
    flags = []
    if figures.visits and figures.overdue / figures.visits > overdue_rate:
        flags.append(f"超期偏多（{figures.overdue}件）")
    closed = sum(1 for row in month.rows("visit")
                 if not row.get("voided_at") and row.get("closed_at") and row.get("status") != FED_BACK)
    if closed:
        flags.append(f"未反馈即关闭{closed}件")
    absent = sum(1 for row in month.tally if int(row.get("absent") or 0) >= absences)
    if absent:
        flags.append(f"缺勤{absences}次及以上{absent}人")
    for flag in sorted({row.get("flag") for row in month.tally if row.get("flag")}):
        flags.append(f"{flag}{sum(1 for row in month.tally if row.get('flag') == flag)}人")
    return flags
