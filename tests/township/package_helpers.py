"""A township package for the village tests (issue 16, the channel back down)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dutydesk.township.package import DatedSetting, Decision, ProxyResult, WrittenPackage, write_package

TOWNSHIP = "桃源镇"
TOWNSHIP_CODE = "350425100000"
VILLAGE = "350425100201"
OTHER_VILLAGE = "350425100202"
WRITTEN = dt.datetime(2026, 11, 23, 16, 0)


def decision(period: str = "2026-10", kind: str = "returned", reasons: str = "来访登记缺少反馈结果",
             village: str = VILLAGE) -> Decision:
    return Decision(village, period, kind, reasons, dt.datetime(2026, 11, 20, 10, 0), "镇党政办陈主任")


def result(slip: str, kind: str = "done", reason: str = "", village: str = VILLAGE) -> ProxyResult:
    return ProxyResult(village, slip, kind, reason, dt.datetime(2026, 11, 21, 15, 30), "镇便民服务中心周科员")


def package(target: Path, key_folder: Path, *, decisions=(), results=(), settings: list[DatedSetting] = (),
            catalogue: Path | None = None, holidays: dict[int, Path] | None = None,
            written_at: dt.datetime = WRITTEN) -> WrittenPackage:
    key_folder.mkdir(parents=True, exist_ok=True)
    return write_package(target, township_name=TOWNSHIP, township_code=TOWNSHIP_CODE, key_folder=key_folder,
                         decisions=list(decisions), proxy_results=list(results), settings=list(settings),
                         catalogue=catalogue, holiday_years=holidays, written_at=written_at,
                         written_by="镇党政办")


def coded_plan(desk):
    """A package for ``desk``'s village (its division code set if missing), planned, not applied:
    what the 导入镇（街道）数据包 dialog is opened with."""
    import dataclasses

    from dutydesk.store.center import load_center, save_center
    from dutydesk.township.package_import import plan_import

    profile = load_center()
    if not profile.division_code:
        save_center(dataclasses.replace(profile, division_code=VILLAGE), desk.who, desk.now())
    folder = desk.folder.path / "镇数据包样例"
    if not folder.exists():
        package(folder, desk.folder.path / "镇数据包样例密钥",
                decisions=[decision(village=load_center().division_code)])
    return plan_import(desk, folder)
