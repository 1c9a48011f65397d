"""The two papers of a monthly spot check (G06, seed 001 第九条).

抽查表: for each cadre, the drawn households identified by code and address only, with blank lines
for the four answers (head, members, key persons, last visit). Nothing the desk knows about the
answers is printed on it: the checker takes it to the cadre.
抽查结果公示: each cadre's 知晓率 of the month, with the 红旗台 and the 曝光台, for publication.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer

from dutydesk.domain.center import CenterProfile
from dutydesk.domain.grid import spot_check as rules
from dutydesk.reports.grid_paper import Styles, build, cn_date, grid_table, p
from dutydesk.store.grid.spot_check import SpotCheck, items, results

QUIZ_TITLE = "包片知晓率抽查表"
NOTICE_TITLE = "包片知晓率抽查结果公示"
QUIZ_HEADERS = ("序号", "户编码", "村民小组及住址", "户主姓名", "家庭人口", "重点人员", "最近一次走访日期")
QUIZ_WIDTHS_MM = (12, 20, 42, 24, 18, 38, 32)


def _month_text(month: str) -> str:
    year, mon = month.split("-")
    return f"{year}年{int(mon)}月"


def render_quiz(checks: list[SpotCheck], center: CenterProfile, path: Path) -> Path:
    st = Styles()
    story: list = []
    for n, check in enumerate(checks):
        if n:
            story.append(PageBreak())
        rows = [[p(h, st.head) for h in QUIZ_HEADERS]]
        for i, item in enumerate(items(check), 1):
            h = item.household
            rows.append([p(str(i), st.head), p(h.code, st.head),
                         p(" ".join(x for x in (h.village_group, h.address) if x), st.cell), "", "", "", ""])
        table = grid_table(rows, [w * mm for w in QUIZ_WIDTHS_MM], row_height=16 * mm)
        story += [
            p(center.name, st.subtitle), p(QUIZ_TITLE, st.title), Spacer(1, 4 * mm),
            p(f"抽查月份：{_month_text(check.month)}　　被抽查干部：{check.staff.name}　　"
              f"抽取日期：{check.drawn_on:%Y-%m-%d}　　抽取随机数：{check.seed}", st.body),
            Spacer(1, 2 * mm), table, Spacer(1, 4 * mm),
            p("说明：由抽查人当面询问被抽查干部，照实填写其回答；值班台按住户档案和走访记录核对评分。", st.small),
            Spacer(1, 10 * mm),
            p("抽查人（签字）：______________　　被抽查干部（签字）：______________　　"
              "抽查日期：______年____月____日", st.body),
        ]
    if not story:
        story.append(p("本月尚未抽取", st.body))
    return build(path, center, QUIZ_TITLE, story)


def render_results_notice(month: str, center: CenterProfile, day: dt.date, path: Path) -> Path:
    st = Styles()
    found = results(month)
    rows = [[p(h, st.head) for h in ("名次", "干部", "负责片区", "抽查户数", "答对题数", "知晓率", "评定")]]
    for i, r in enumerate(found, 1):
        rows.append([p(str(i), st.head), p(r.check.staff.name, st.cell), p(r.areas, st.cell),
                     p(str(r.households), st.head), p(f"{r.right}/{r.asked}", st.head), p(f"{r.rate:.0%}", st.head),
                     p(r.rating, st.head)])
    red = "、".join(r.check.staff.name for r in found if r.rating == rules.RED_FLAG) or "无"
    exposed = "、".join(r.check.staff.name for r in found if r.rating == rules.EXPOSED) or "无"
    checkers = "、".join(dict.fromkeys(r.check.checker for r in found if r.check.checker))
    story: list = [
        p(center.name, st.subtitle), p(f"{_month_text(month)}{NOTICE_TITLE}", st.title), Spacer(1, 5 * mm),
        p(f"按照包片包户工作要求，{_month_text(month)}从每名干部负责片区内随机抽取住户，询问户主、家庭人口、"
          f"重点人员和最近一次走访情况，与住户档案和走访记录核对，结果公示如下（知晓率要求达到100%）。"
          + (f"抽查人：{checkers}。" if checkers else ""), st.body),
        Spacer(1, 4 * mm),
        grid_table(rows, [w * mm for w in (14, 26, 46, 20, 22, 22, 24)]) if found else p("本月暂无抽查结果", st.body),
        Spacer(1, 5 * mm),
        p(f"红旗台：{red}", st.body), p(f"曝光台：{exposed}", st.body), Spacer(1, 5 * mm),
        p(f"公示期间如有异议，请向服务中心反映，监督电话：{center.supervision_phone}。抽查结果记入年终考核。", st.body),
        Spacer(1, 12 * mm),
        p(f"{center.name}　　{cn_date(day)}", st.body),
    ]
    return build(path, center, NOTICE_TITLE, story)
