"""村级记录 at the township (issue 16 point 6): a village's month read-only, as its own desk shows it.

Pure functions from a ``VillageMonth`` (the bundle's rows, the village's column names) to tables of
display text: the visits as the desk's 来访登记 lists them (编号 in full, codes as their Chinese
labels, the promised date moved on by pauses), follow-ups, feedback and pauses, proxy cases and
their steps, duty sessions with sign-ins, the attendance tally, and household visits and the
cadres' visit quota where the village keeps them.

Every cell is masked as the desk masks it (V09), whether or not the village was allowed to hand
the month off unmasked: phone columns as ``privacy.mask_value`` shows a phone, every text through
``domain.personal_numbers`` (the one recogniser: spaces, dashes, +86, full-width, grouped IDs).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from dutydesk.domain import visit_rules as rules
from dutydesk.domain.calendar_years import deadline_text
from dutydesk.domain.labels import label
from dutydesk.domain.personal_numbers import mask_personal_numbers
from dutydesk.domain.phone import mask_phone
from dutydesk.domain.proxy_case import STEP_FIELDS, STEP_LABELS, StepKind
from dutydesk.domain.tally import TallyRow
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.reports.ledgers.attendance_tally import COLUMNS as TALLY_COLUMNS
from dutydesk.reports.ledgers.attendance_tally import tally_row
from dutydesk.reports.ledgers.registry import Period
from dutydesk.township.village_month import VillageMonth
from dutydesk.township.visit_quota import TABLE as QUOTA_TABLE

VOIDED = "已作废"
VISIT_HEADERS = ("编号", "来访时间", "方式", "姓名", "类别", "诉求内容", "首问责任人", "处理方式", "承诺期限", "状态",
                 "联系电话", "办理结果", "满意度")
PROGRESS_HEADERS = ("来访编号", "时间", "类型", "内容", "经办人", "方式", "满意度")
CASE_HEADERS = ("代办单号", "群众", "联系电话", "办理事项", "状态", "代办员", "承诺办结", "受理时间", "办结时间",
                "来访编号")
STEP_HEADERS = ("代办单号", "时间", "经办人", "环节")
DUTY_HEADERS = ("日期", "班次", "值班人员", "签到时间", "签退时间", "说明")
HOUSEHOLD_VISIT_HEADERS = ("日期", "走访类型", "走访干部", "走访情况", "群众诉求", "状态")
QUOTA_HEADERS = ("干部", "类别", "要求", "统计期间", "应完成", "已完成", "单位", "情况")


@dataclass(frozen=True)
class RecordTable:
    """One page of the view: its title, column titles and rows of display text."""

    title: str
    headers: tuple[str, ...]
    rows: list[tuple[str, ...]]


def masked(value: object) -> str:
    """Any value as text with every personal number inside masked (V09)."""
    return mask_personal_numbers("" if value is None else str(value))


def masked_phone(value: object) -> str:
    """A phone column as the desk lists it (``privacy.mask_value``); one the bundle already
    masked stays as it came (masking it again would add stars)."""
    text = "" if value is None else str(value).strip()
    if not text:
        return ""
    found = mask_personal_numbers(text)
    if found != text or "*" in text:
        return found
    return mask_phone(text)


def _day(value: object) -> dt.date | None:
    return dt.date.fromisoformat(str(value)[:10]) if value not in (None, "") else None


def _minute(value: object) -> str:
    """'2026-11-02 10:57:00' as the desk shows it: 2026-11-02 10:57."""
    return "" if value in (None, "") else str(value).replace("T", " ")[:16]


def visit_ref(visit: Mapping) -> str:
    """The number staff quote, as ``Visit.ref``: the year received and the zero-padded id."""
    return f"{str(visit['received_at'])[:4]}-{int(visit['id']):06d}"


def _live(rows: Iterable[Mapping]) -> list[Mapping]:
    return [row for row in rows if not row.get("voided_at")]


def _pauses(month: VillageMonth) -> dict[object, list[rules.Pause]]:
    out: dict[object, list[rules.Pause]] = {}
    for row in _live(month.rows("visit_pause")):
        out.setdefault(row["visit_id"], []).append(rules.Pause(_day(row["start"]), _day(row.get("end"))))
    return out


def _visit_status(visit: Mapping, due: dt.date | None, paused: bool, as_of: dt.date) -> str:
    """As the desk's register: 已作废, 已关闭（未反馈）, else the status, ·已超期 / ·暂停计时 on open ones."""
    if visit.get("voided_at"):
        return VOIDED
    if visit.get("closed_at"):
        return "已关闭（未反馈）"
    text = label("visit_status", visit.get("status"))
    if visit.get("status") in (rules.DONE, rules.FED_BACK):
        return text
    if paused:
        return text + "·" + rules.URGENCY_LABELS[rules.URGENCY_PAUSED]
    if due is not None and as_of > due:
        return text + "·" + rules.URGENCY_LABELS[rules.URGENCY_OVERDUE]
    return text


def visit_table(month: VillageMonth, calendar: WorkdayCalendar) -> RecordTable:
    """来访登记: every visit of the month, voided ones marked, in the order received."""
    as_of = Period.parse_month(month.period).end
    pauses = _pauses(month)
    rows = []
    for v in sorted(month.rows("visit"), key=lambda v: (str(v["received_at"]), v["id"])):
        deadline = _day(v.get("deadline"))
        own = pauses.get(v["id"], [])
        due = rules.effective_deadline(calendar, deadline, own, as_of) if deadline else None
        paused = any(p.end is None for p in own)
        rows.append((visit_ref(v), _minute(v["received_at"]), masked(v.get("channel")), masked(v.get("person_name")),
                     masked(v.get("category")), masked(" ".join(str(v.get("request") or "").split())),
                     masked(v.get("responder_name")), masked(v.get("outcome")),
                     deadline_text(due, calendar) if due else "", _visit_status(v, due, paused, as_of),
                     masked_phone(v.get("contact")), masked(v.get("result")), masked(v.get("satisfaction"))))
    return RecordTable("来访登记", VISIT_HEADERS, rows)


def _refs(month: VillageMonth) -> dict[object, str]:
    return {v["id"]: visit_ref(v) for v in month.rows("visit")}


def _voided(text: str, row: Mapping) -> str:
    return f"{text}（已作废）" if row.get("voided_at") else text


def progress_table(month: VillageMonth) -> RecordTable:
    """跟进与反馈: follow-ups, feedback given and pauses of the month's visits, by visit and time."""
    refs = _refs(month)
    found: list[tuple[str, str, tuple[str, ...]]] = []
    for row in month.rows("visit_followup"):
        found.append((refs.get(row["visit_id"], ""), _minute(row.get("done_at")), (
            _voided("跟进", row), masked(row.get("text")), masked(row.get("staff")), "", "")))
    for row in month.rows("visit_feedback"):
        found.append((refs.get(row["visit_id"], ""), _minute(row.get("given_at")), (
            _voided("反馈", row), masked(row.get("content")), masked(row.get("staff")), masked(row.get("method")),
            masked(row.get("satisfaction")))))
    for row in month.rows("visit_pause"):
        span = f"{str(row['start'])[:10]}至{str(row['end'])[:10] if row.get('end') else '今'}"
        text = "，".join(t for t in (label("pause_cause", row.get("cause")), span, masked(row.get("note"))) if t)
        found.append((refs.get(row["visit_id"], ""), str(row["start"])[:10], (
            _voided("暂停计时", row), text, masked(row.get("created_by")), "", "")))
    found.sort(key=lambda f: (f[0], f[1]))
    return RecordTable("跟进与反馈", PROGRESS_HEADERS, [(ref, when, *rest) for ref, when, rest in found])


def _case_state(case: Mapping) -> str:
    return VOIDED if case.get("voided_at") else label("case_state", case.get("state"))


def case_table(month: VillageMonth, item_names: Mapping[str, str]) -> RecordTable:
    """代办: the month's proxy cases as the desk's 代办单列表, with their visit's number."""
    refs = _refs(month)
    rows = []
    for c in sorted(month.rows("proxy_case"), key=lambda c: str(c.get("slip_no"))):
        item = item_names.get(str(c.get("item_code") or ""), "")
        rows.append((str(c.get("slip_no") or ""), masked(c.get("person_name")), masked_phone(c.get("person_phone")),
                     masked(item or c.get("item_code")), _case_state(c), masked(c.get("agent")),
                     str(c.get("promised_date") or "")[:10], _minute(c.get("accepted_at")),
                     _minute(c.get("closed_at")), refs.get(c.get("visit_id"), "")))
    return RecordTable("代办", CASE_HEADERS, rows)


def step_text(kind: str, details: object) -> str:
    """A step as the desk's case page words it: 移交：甲 → 乙（…）, 送交上级（送交单位：…）."""
    try:
        data = json.loads(details) if isinstance(details, str) else dict(details or {})
    except (ValueError, TypeError):
        data = {}
    if not isinstance(data, dict):
        data = {}
    if kind == "handover":
        return f"移交：{data.get('from', '')} → {data.get('to', '')}（{data.get('note', '')}）"
    try:
        step = StepKind(kind)
    except ValueError:
        return label("step_kind", kind)
    parts = [f"{STEP_FIELDS[step][k]}：{('有' if v else '无') if k == 'objection' else v}"
             for k, v in data.items() if k in STEP_FIELDS.get(step, {}) and v not in ("", None)]
    return STEP_LABELS[step] + ("（" + "；".join(parts) + "）" if parts else "")


def step_table(month: VillageMonth) -> RecordTable:
    """代办环节: every step of the month's cases, reversed ones marked."""
    slips = {c["id"]: str(c.get("slip_no") or "") for c in month.rows("proxy_case")}
    rows = []
    for s in sorted(month.rows("proxy_step"), key=lambda s: (slips.get(s.get("case_id"), ""), str(s.get("done_at")))):
        text = masked(step_text(str(s.get("kind")), s.get("details")))
        if s.get("voided_at"):
            text = f"［已撤销：{masked(s.get('void_reason'))}］{text}"
        rows.append((slips.get(s.get("case_id"), ""), _minute(s.get("done_at")), masked(s.get("staff")), text))
    return RecordTable("代办环节", STEP_HEADERS, rows)


def staff_names(month: VillageMonth) -> dict[object, str]:
    """Staff ids to names from what the bundle carries about people (the tally, the quota)."""
    names = {row.get("staff_id"): str(row.get("name") or "") for row in month.rows("visit_quota")}
    names.update({row.get("staff_id"): str(row.get("name") or "") for row in month.tally})
    return names


def _sign_in_note(row: Mapping) -> str:
    def said(head: str, why: object) -> str:
        return head + (f"（{why}）" if why else "")

    parts = []
    if row.get("excused_at") and row.get("excuse_type"):
        parts.append(said(f"迟签理由：{row['excuse_type']}", row.get("excuse_note")))
    if row.get("proxy_by"):
        parts.append(said(f"代签：{row['proxy_by']}", row.get("proxy_reason")))
    return masked("；".join(parts))


def duty_table(month: VillageMonth) -> RecordTable:
    """值班: each scheduled session with its sign-in, and sign-ins of sessions not on the roster."""
    names = staff_names(month)
    signed: dict[tuple, Mapping] = {}
    for row in _live(month.rows("sign_in")):
        signed.setdefault((str(row.get("day"))[:10], row.get("session_key"), row.get("staff_id")), row)
    keys = [(str(s.get("day"))[:10], s.get("session_key"), s.get("staff_id")) for s in _live(month.rows("roster_slot"))]
    keys += [key for key in signed if key not in set(keys)]
    rows = []
    for key in sorted(set(keys), key=lambda k: (k[0], str(k[1]), str(names.get(k[2], "")))):
        day, session, staff = key
        sign = signed.get(key, {})
        rows.append((day, label("session", session), names.get(staff, "") or "（人员未随数据包报送）",
                     _minute(sign.get("signed_in_at")) if sign else "未签到",
                     _minute(sign.get("signed_out_at")), _sign_in_note(sign)))
    return RecordTable("值班", DUTY_HEADERS, rows)


_TALLY_FIELDS = {f.name for f in dataclasses.fields(TallyRow)}


def tally_table(month: VillageMonth) -> RecordTable:
    """考勤统计: the tally as the desk computed it, in its 月度考勤统计表 columns (D14)."""
    rows = []
    for row in month.tally:
        known = {k: v for k, v in row.items() if k in _TALLY_FIELDS}
        known.setdefault("staff_id", 0)
        known.setdefault("name", "")
        known.setdefault("role", "")
        known.setdefault("month", month.period)
        rows.append(tuple(masked(value) for value in tally_row(TallyRow(**known))))
    return RecordTable("考勤统计", tuple(c.header for c in TALLY_COLUMNS), rows)


def household_visit_table(month: VillageMonth) -> RecordTable:
    """入户走访: each household visit with its cadres and the needs heard (G02, G03)."""
    names = staff_names(month)
    cadres: dict[object, list[str]] = {}
    for row in month.rows("household_visit_cadre"):
        cadres.setdefault(row.get("household_visit_id"), []).append(names.get(row.get("staff_id"), ""))
    needs: dict[object, list[str]] = {}
    for row in _live(month.rows("household_visit_need")):
        needs.setdefault(row.get("household_visit_id"), []).append(str(row.get("text") or ""))
    rows = []
    for v in sorted(month.rows("household_visit"), key=lambda v: (str(v.get("day")), v["id"])):
        rows.append((str(v.get("day"))[:10], masked(v.get("kind")), "、".join(n for n in cadres.get(v["id"], []) if n),
                     masked(v.get("found")), masked("；".join(needs.get(v["id"], []))),
                     VOIDED if v.get("voided_at") else ""))
    return RecordTable("入户走访", HOUSEHOLD_VISIT_HEADERS, rows)


def quota_table(month: VillageMonth) -> RecordTable:
    """走访任务: each cadre's requirements of the month as the desk's 走访完成情况统计 (G03/G04)."""
    rows = [(masked(r.get("name")), masked(r.get("kind_label")), masked(r.get("label")),
             f"{r.get('span_start', '')}至{r.get('span_end', '')}", str(r.get("required", "")), str(r.get("done", "")),
             masked(r.get("unit")), masked(r.get("status_label")))
            for r in month.rows(QUOTA_TABLE)]
    return RecordTable("走访任务", QUOTA_HEADERS, rows)


def village_records(month: VillageMonth, calendar: WorkdayCalendar,
                    item_names: Mapping[str, str] | None = None) -> list[RecordTable]:
    """Every page of a village's month, in the desk's order; 入户走访 only where the village
    keeps household visits."""
    tables = [visit_table(month, calendar), progress_table(month), case_table(month, item_names or {}),
              step_table(month), duty_table(month), tally_table(month)]
    if month.rows("household_visit"):
        tables.append(household_visit_table(month))
    if month.rows(QUOTA_TABLE):
        tables.append(quota_table(month))
    return tables


def catalogue_names() -> dict[str, str]:
    """Item codes to names from the catalogue shipped with the app (the villages' starting point;
    the bundle carries the code only)."""
    from dutydesk.store.notices.catalogue import default_items

    return {item.code: item.name for item in default_items()}


def all_cells(tables: Sequence[RecordTable]) -> Iterable[str]:
    """Every text the view shows (titles, headers, cells): for the screen scanners in tests."""
    for table in tables:
        yield table.title
        yield from table.headers
        for row in table.rows:
            yield from row
