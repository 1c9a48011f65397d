"""保管期限 (retention class) of archive records and who must approve a lookup (A02).

The rule book (档案管理制度): "一般性文件必须经分管领导由管理员负责查阅，永久性文件和长期性文件
必须经主要领导同意方可查阅". So each record type has a retention class, and the class decides the
approver: the director (主任, the leader in charge) for ordinary (短期) files, the principal
leader (主要领导, usually the party secretary) for permanent and long-term ones.

The classes per record type are a dated setting (``archive.retention``): centers file
differently, and a change applies from a date on. The defaults below are this project's reading
of common village practice (resident files permanent; proxy cases and inspection findings, which
feed benefits and cadre assessment, long-term; day-to-day registers short-term) and are for the
product owner to confirm (README, 档案查询 section).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from dutydesk.domain.settings import declare

PERMANENT = "permanent"
LONG_TERM = "long_term"
SHORT_TERM = "short_term"
# Strictest first: the order ``strictest`` uses.
RETENTION_LABELS = {PERMANENT: "永久", LONG_TERM: "长期", SHORT_TERM: "短期"}

DEFAULT_RETENTION = {
    "resident": PERMANENT,  # 居民档案: a person's file for life
    "proxy_case": LONG_TERM,  # 代办事项: benefits, house-building, certificates
    "inspection": LONG_TERM,  # 督查记录: feeds penalties and cadre assessment (D14, D15)
    "visit": SHORT_TERM,  # 来访记录
    "notice": SHORT_TERM,  # 一次性告知
    "duty_note": SHORT_TERM,  # 值班记录
    "handover": SHORT_TERM,  # 交接班
    "meeting": LONG_TERM,  # 会议学习记录 (D17): attendance feeds cadre assessment
    "relay": SHORT_TERM,  # 上传下达 (D18)
    "household": PERMANENT,  # 户档案 (G02): like a resident's file
    "household_visit": LONG_TERM,  # 入户走访 (G03): feeds the cadres' yearly assessment
    "diary": LONG_TERM,  # 民情日记 (G05): major matters and the leadership's answers
    "message": SHORT_TERM,  # 留言转告 (V10): passed on within days
    "inquiry_letter": LONG_TERM,  # 外来函件 (V13): signed, sealed replies in the center's name
    "appointment": SHORT_TERM,  # 预约 (V14): the visit it became is filed itself
    "sent_up": SHORT_TERM,  # 上报告知 (V04): like the visit it belongs to
    "leadership_request": SHORT_TERM,  # 请示领导 (V06): like the visit it belongs to
    "accountability": LONG_TERM,  # 问责记录 (V12): feeds cadre assessment, like 督查记录
    "analysis_meeting": LONG_TERM,  # 民情分析会 (V11): the committee's meeting records
    "meeting_decision": LONG_TERM,  # 分析会决定 (V11): filed with their meeting
    "spot_check": LONG_TERM,  # 网格抽查 (G06): scores feed the cadres' assessment
}
# A record type nobody classified (a feature added later) is treated as long-term: asking the
# principal leader once too often is better than showing a file too easily.
UNLISTED = LONG_TERM

RETENTION = declare("archive.retention", DEFAULT_RETENTION, "各类档案的保管期限（永久 / 长期 / 短期）", "A02")

DIRECTOR = "director"
PRINCIPAL = "principal"
APPROVER_LABELS = {DIRECTOR: "主任（分管领导）", PRINCIPAL: "主要领导"}


def retention_of(kind: str, table: Mapping[str, str] | None = None) -> str:
    """The retention class of a record type under a center's table (missing or unknown entries
    fall back to the defaults, then to ``UNLISTED``)."""
    value = (table or {}).get(kind)
    if value in RETENTION_LABELS:
        return value
    return DEFAULT_RETENTION.get(kind, UNLISTED)


def approver_needed(retention: str) -> str:
    """A02: permanent and long-term files need the principal leader, others the director."""
    return PRINCIPAL if retention in (PERMANENT, LONG_TERM) else DIRECTOR


def strictest(approvers: Iterable[str]) -> str:
    return PRINCIPAL if PRINCIPAL in set(approvers) else DIRECTOR


def approval_level(is_director: bool, is_principal: bool) -> str | None:
    """What an account's approval is worth: the principal leader approves every class (they rank
    above the leader in charge); a director only short-term files; others nothing."""
    if is_principal:
        return PRINCIPAL
    if is_director:
        return DIRECTOR
    return None


def covers(level: str | None, needed: str) -> bool:
    """Whether an approval given at ``level`` is enough for a lookup that needs ``needed``."""
    if level == PRINCIPAL:
        return True
    return level == DIRECTOR and needed == DIRECTOR
