"""Issue 16 point 6, the household-visit quota where present: each bundle carries the cadres'
quota lines as the desk's 走访完成情况统计 computes them (G03/G04), and the 镇级汇总表 shows a
走访任务完成率 per village and for the township."""

from __future__ import annotations

import datetime as dt
import shutil

import openpyxl
import pytest

from dutydesk.desk import open_desk
from dutydesk.domain.clock import FixedClock
from dutydesk.domain.grid import period as periods
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.reports.ledgers.registry import Period
from dutydesk.store.datafolder import DataFolder
from dutydesk.store.grid.quota import board
from dutydesk.township.bundle import FOLDER
from dutydesk.township.summary import township_summary, village_figures
from dutydesk.township.summary_ledger import build_summary_ledger, key_rows, write_summary
from dutydesk.township.village_month import VillageMonth, read_bundle_folder
from dutydesk.township.village_records import village_records
from dutydesk.township.visit_quota import QUOTA, fulfilment
from tests.plain_text import offending
from tests.township.demo_villages import demo_villages, loader, months

NOV = Period.month(2026, 11)


def line(staff_id: int, required: int, done: int, status: str = "ok", **kw) -> dict:
    return {"staff_id": staff_id, "name": f"干部{staff_id}", "kind": "main", "kind_label": "村主干",
            "label": "每月入户走访不少于10户", "rule": "G03", "span_start": "2026-11-01", "span_end": "2026-11-30",
            "required": required, "done": done, "unit": "户", "status": status,
            "status_label": {"ok": "达标", "behind": "进度落后"}.get(status, "严重滞后")} | kw


def month(tables: dict, code="350425100201", name="桃源村") -> VillageMonth:
    return VillageMonth(code, name, "2026-11", tables)


@pytest.fixture(scope="module")
def villages():
    return demo_villages()


def test_g03_g04_the_bundle_carries_each_cadres_quota_as_the_desk_computes_it(villages):
    """G03/G04: the bundle's quota lines are the desk's 走访进度 board for the month, as of its end."""
    this, _last = months()
    for village in villages:
        carried = village.months[this.slug].rows("visit_quota")
        desk = open_desk(DataFolder(village.books), FixedClock(dt.datetime.combine(this.end, dt.time(20))))
        try:
            lines = [(p.staff.name, p.kind_label, ln.label, ln.required, ln.done, ln.status_label)
                     for p in board(periods.MONTH, this.end, desk.calendar()) for ln in p.lines]
        finally:
            desk.close()
        assert lines, "the demo village has cadres with quotas"
        assert [(r["name"], r["kind_label"], r["label"], r["required"], r["done"], r["status_label"])
                for r in carried] == lines


def test_g03_the_rate_is_done_each_capped_at_what_was_asked_over_what_was_asked():
    """G03: a cadre who visited more than asked does not make up for another who fell behind."""
    rows = [line(1, 10, 14), line(2, 10, 4, "behind"), line(2, 20, 5, "far_behind", rule="G04", label="结对帮扶")]
    figures = village_figures(month({"visit_quota": rows}))
    assert (figures.quota_required, figures.quota_done, figures.cadres_behind) == (40, 19, 1)
    assert figures.quota_rate == pytest.approx(19 / 40)
    assert fulfilment([]).rate is None


def test_g03_a_bundle_without_the_quota_shows_no_rate_and_the_township_sums_those_with_it():
    with_quota = month({"visit": [], "visit_quota": [line(1, 10, 10)]})
    older = month({"visit": []}, "350425100202", "青石村")  # a bundle written before the quota travelled
    assert village_figures(older).quota_rate is None and village_figures(older).quota_required is None
    summary = township_summary(NOV, lambda p: [with_quota, older] if p == NOV.slug else [], trend_months=2)
    assert summary.total.quota_rate == 1.0
    assert ("走访任务完成率", "100.0%", "—", "—") in key_rows(summary)


def test_g03_an_older_bundle_folder_without_the_file_still_reads(villages, tmp_path):
    this, _last = months()
    village = villages[0]
    copy = tmp_path / "旧数据包"
    shutil.copytree(next((village.books.parent).glob(f"{village.code}-{this.slug}/*/{FOLDER}")), copy)
    (copy / QUOTA).unlink()
    old = read_bundle_folder(copy)
    assert "visit_quota" not in old.tables and village_figures(old).quota_rate is None
    assert village_figures(old).visits == village.visits_in_books(this)


def test_g03_the_summary_xlsx_shows_each_villages_visit_task_rate(villages, tmp_path):
    this, _last = months()
    summary = township_summary(this, loader(villages), trend_months=2)
    out = write_summary(summary, "桃源镇", this.end, tmp_path / "汇总.xlsx", "xlsx")
    sheet = openpyxl.load_workbook(out).worksheets[0]
    values = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    header = next(row for row in values if "走访任务完成率" in row and "村（社区）" in row)
    column = header.index("走访任务完成率")
    start = values.index(header)
    name = header.index("村（社区）")
    by_name = {row[name]: row[column] for row in values[start + 1:start + 1 + len(villages) + 1]}
    for village in villages:
        figures = next(v for v in summary.villages if v.code == village.code)
        assert figures.quota_rate is not None
        assert by_name[village.name] == pytest.approx(figures.quota_rate)
    assert by_name["全镇合计"] == pytest.approx(summary.total.quota_rate)
    texts = [c.header for t in build_summary_ledger(summary, "桃源镇", this.end).tables for c in t.columns]
    assert offending(texts) == []


def test_g03_the_records_view_lists_each_cadres_requirements():
    rows = [line(1, 10, 14)]
    tables = {t.title: t for t in village_records(month({"visit_quota": rows}), WorkdayCalendar())}
    assert tables["走访任务"].rows == [
        ("干部1", "村主干", "每月入户走访不少于10户", "2026-11-01至2026-11-30", "10", "14", "户", "达标")]
