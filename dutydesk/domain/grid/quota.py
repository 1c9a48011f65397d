"""Visit quotas and how far a cadre is along them (G03, G04).

Every number is a setting with the seeds' default: seed 002 (main cadres visit every household in
their first year and at least 10 a month; other cadres every household of their area at least
twice a year; each cadre pairs with at least one household in difficulty and visits it monthly;
capable cadres mentor 3-5 households), seed 004 (township cadres stationed in the village visit
every household each quarter) and seed 001 (community cadres spend two thirds of the year's
workdays on visits). The store counts visits; this module only judges them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dutydesk.domain.grid.period import Window
from dutydesk.domain.settings import declare

MAIN_MONTHLY = declare("grid.quota.main_monthly", 10, "村主干每月入户走访不少于（户）", "G03")
MAIN_FIRST_YEAR_ALL = declare("grid.quota.main_first_year_all", True, "村主干任期第一年走访遍所有农户", "G03")
OTHER_YEARLY_TIMES = declare("grid.quota.other_yearly_times", 2, "其他村干部每年走访责任片内每户不少于（次）", "G03")
TOWNSHIP_QUARTERLY_TIMES = declare("grid.quota.township_quarterly_times", 1,
                                   "驻村镇干部每季度走访所驻村每户不少于（次）", "G03")
COMMUNITY_WORKDAY_SHARE = declare("grid.quota.community_workday_share", [2, 3],
                                  "社区干部每年入户天数不少于全年工作日的（分数，分子/分母）", "G03")
PAIRED_MIN = declare("grid.pairing.min_households", 1, "每名干部结对帮扶困难户不少于（户）", "G04")
PAIRED_MONTHLY_VISITS = declare("grid.pairing.monthly_visits", 1, "结对帮扶户每月至少走访（次）", "G04")
MENTOR_MIN = declare("grid.mentoring.min_households", 3, "有帮带能力的干部联系帮带农户不少于（户）", "G04")
MENTOR_MAX = declare("grid.mentoring.max_households", 5, "有帮带能力的干部联系帮带农户不超过（户）", "G04")
# Not from the regulations: how far behind the pro-rata pace turns a line red instead of amber.
BEHIND_RED_SHARE = declare("grid.quota.red_below_share", 0.5,
                           "进度低于应完成量的多少（比例）显示为红色", "G04")

# Status of a quota line, shown in ui.theme's green / amber / red.
ON_TRACK = "ok"
BEHIND = "behind"
FAR_BEHIND = "far_behind"
STATUS_LABELS = {ON_TRACK: "达标", BEHIND: "进度落后", FAR_BEHIND: "严重滞后"}


@dataclass(frozen=True)
class QuotaLine:
    """One requirement on a cadre's progress board: what is required over ``span``, what is done."""

    label: str
    rule: str  # G03 / G04, for the settings screen and tests, never shown on the board
    span: Window
    required: int
    done: int
    status: str
    unit: str = "户次"

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


def quota_status(required: int, done: int, span: Window, on: dt.date, red_below: float = 0.5) -> str:
    """G03/G04: green once the requirement is met or the pace keeps up with the share of the
    window gone by; amber when behind that pace; red when below ``red_below`` of it, or when the
    window is over and the requirement was not met."""
    if done >= required:
        return ON_TRACK
    elapsed = span.elapsed(on)
    if elapsed >= 1.0:
        return FAR_BEHIND
    expected = int(required * elapsed)  # whole visits: a household is not owed on the first day
    if done >= expected:
        return ON_TRACK
    return BEHIND if done >= expected * red_below else FAR_BEHIND


def line(label: str, rule: str, span: Window, required: int, done: int, on: dt.date,
         red_below: float = 0.5, unit: str = "户次") -> QuotaLine:
    return QuotaLine(label, rule, span, required, done,
                     quota_status(required, done, span, on, red_below), unit)


def mentoring_status(count: int, low: int, high: int) -> str:
    """G04: a capable cadre mentors ``low``-``high`` households; fewer or more is flagged amber."""
    return ON_TRACK if low <= count <= high else BEHIND


def workday_share_required(workdays: int, share: tuple[int, int] | list[int]) -> int:
    """G03: the visit days a community cadre owes out of ``workdays`` (two thirds, rounded up)."""
    numerator, denominator = int(share[0]), int(share[1])
    return -(-workdays * numerator // denominator)
