"""A synthetic visit-like ledger for writer tests and benchmarks (no database needed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from dutydesk.reports.ledger import Chart, Column, Ledger, Table
from dutydesk.reports.ledger.model import Row, chunked

COLUMNS = [
    Column("日期", 11, "date"), Column("方式", 6), Column("来访人", 8), Column("联系电话", 13),
    Column("事项类别", 10), Column("诉求内容", 30), Column("首问责任人", 10), Column("办理方式", 8),
    Column("办结时限", 11, "date"), Column("办理结果", 22), Column("件数", 6, "int", total=True),
    Column("满意度", 7, "percent"),
]
REQUEST = "咨询城乡居民养老保险缴费档次和补缴政策，家中老人今年满六十周岁需要办理领取手续"


def visit_row(i: int) -> Row:
    day = dt.date(2026, 1, 1) + dt.timedelta(days=i % 330)
    return (day, ("来访", "来电", "来信")[i % 3], "张堃" if i % 2 else "李喆", f"138****{i % 10000:04d}",
            "社会保障", REQUEST * (1 + i % 3), "王书记", "即办", day + dt.timedelta(days=2),
            "已当场答复并发放一次性告知单", 1, 0.95)


def visit_rows(count: int) -> Iterator[Row]:
    return (visit_row(i) for i in range(count))


def visit_ledger(count: int, charts: bool = False, calls: list[int] | None = None) -> Ledger:
    def source():
        if calls is not None:
            calls.append(1)
        return chunked(visit_rows(count))

    chart_list = [
        Chart("bar", "按类别统计", ["社会保障", "户籍", "医保"], [("本月", [5, 3, 2]), ("上月", [4, 4, 1])]),
        Chart("line", "近12个月来访件数", [f"{m}月" for m in range(1, 13)], [("件数", list(range(12)))]),
    ] if charts else []
    return Ledger(
        "来访接待登记台账", "青石村党群服务中心", "桃源镇", "2026年11月1日至2026年11月30日",
        [Table(COLUMNS, source, row_count=count)], charts=chart_list, prepared_on=dt.date(2026, 11, 24),
    )
