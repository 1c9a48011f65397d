"""The attendance tally's row (考勤统计, D14): one person's month, which the tally fills and the
ledgers lay out.

Apart from ``domain.attendance`` (the status rules 今日值班's first screen needs): the tally is
made only after the window's first paint, so its dataclass is not built at start (issue 17).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dutydesk.domain.attendance import LEAVE_TYPES


@dataclass
class TallyRow:
    """One person's month: the 月度考勤统计表 row the ledgers build on."""

    staff_id: int
    name: str
    role: str
    month: str  # "2026-11"
    scheduled: int = 0
    worked: int = 0
    late: int = 0
    early: int = 0
    absent: int = 0
    leave: dict[str, int] = field(default_factory=lambda: {t: 0 for t in LEAVE_TYPES})
    substitutions_given: int = 0  # sessions this person covered for others
    substitutions_taken: int = 0  # own sessions covered by a substitute
    findings: int = 0  # inspection findings and verified complaints
    findings_on_absent: int = 0  # findings on a slot already counted absent (D06), not charged twice
    penalty_units: int = 0  # absences plus findings not already counted as an absence
    penalty: int = 0  # yuan, own penalties
    joint_liability: int = 0  # yuan, as secretary/director for others' absences
    half_year_findings: int = 0  # penalty units since the half-year began, this month included
    half_year_penalty: int = 0
    flag: str = ""  # 诫勉谈话 / 劝辞
    after_cutoff: int = 0  # D05: sign-ins after the cutoff (counted absent unless a reason was accepted)
    proxy_signed: int = 0  # D05: sign-ins made by the office for this person (代签)
    late_leave: int = 0  # D07: sessions covered by leave approved after they began (事后补假)
    report_flag: str = ""  # D19: absence to report to the organisation department
    overstayed: int = 0  # D07: absences after leave ended, reported back late (超假)
    not_reported_back: int = 0  # D07: absences after leave ended, not reported back (未销假)

    @property
    def total_penalty(self) -> int:
        return self.penalty + self.joint_liability
