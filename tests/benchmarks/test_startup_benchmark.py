"""Start-up as a ratio to a bare PySide6 window (issue 17): goal within 2× on every folder from
empty to ten years of a busy center, flat in the size of the books.

Each measurement is a fresh process, from spawn until the window is shown and painted once;
desk and bare runs alternate and the ratio is the median over the pairs, so a busy machine
slows both sides alike. Default (CI smoke): an empty folder and two small demo folders. With
``DUTYDESK_BENCH_SCALE=full``: an empty folder, 120 days of the demo and ten years of a busy
center (≈250,000 visits; built once under ``DUTYDESK_BENCH_DIR`` or a temporary folder).

Run: ``DUTYDESK_BENCH_SCALE=full python -m pytest -s tests/benchmarks/test_startup_benchmark.py``
``DUTYDESK_BENCH_MILLION_DIR=`` a data folder with the 1M-visit books (the demo's centre, residents
and visits steps at scale 375 over 120 days, as ``test_lookup_benchmark.py`` builds them) adds
that folder to the run, reported only (the stretch goal there is 3×).
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from dutydesk.commands.demo import fill_demo_folder
from dutydesk.store.datafolder import DataFolder

pytestmark = pytest.mark.benchmark

FULL = os.environ.get("DUTYDESK_BENCH_SCALE", "small") == "full"
PAIRS = 7 if FULL else 3
PROBE = Path(__file__).with_name("startup_probe.py")
ROOT = Path(__file__).resolve().parents[2]
TARGET_RATIO = 2.0
MILLION = os.environ.get("DUTYDESK_BENCH_MILLION_DIR", "")
# name -> (days, scale) for the demo generator; None: empty books (center and one account)
FOLDERS: dict[str, tuple[int, float] | None] = (
    {"空账本": None, "120天": (120, 1.0), "十年": (3650, 3.0)} if FULL
    else {"空账本": None, "小": (20, 0.2), "较大": (60, 0.5)}
)


# Compiled modules as an installed desk has them (a checkout may run with PYTHONDONTWRITEBYTECODE,
# which would compile every module of the desk at each start and none of the bare window's).
_PYCACHE = Path(os.environ.get("DUTYDESK_BENCH_PYCACHE", Path(tempfile.gettempdir()) / "dutydesk-bench-pycache"))
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
_ENV.update(QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(_PYCACHE))


def _shown_after(args: list[str]) -> float:
    started = time.time()
    out = subprocess.run([sys.executable, str(PROBE), *args], capture_output=True, text=True,
                         timeout=600, cwd=ROOT, env=_ENV)
    assert out.returncode == 0, out.stderr[-2000:]
    return float(out.stdout.strip().splitlines()[-1]) - started


def _empty_books(folder: DataFolder) -> None:
    import datetime as dt

    from dutydesk.desk import open_desk
    from dutydesk.domain.center import CenterProfile
    from dutydesk.store.accounts.account import create_account
    from dutydesk.store.center import save_center

    desk = open_desk(folder)
    now = dt.datetime.now()
    save_center(CenterProfile(name="青石村党群服务中心", township="桃源镇", address="村部",
                              public_phone="0571-63281234", supervision_phone="0571-63285678"), "测试", now)
    create_account("管理员", "admin", "测试", now)
    desk.close()


def _folder(base: Path, name: str, spec: tuple[int, float] | None) -> DataFolder:
    folder = DataFolder(base / name)
    if folder.db_path.exists():
        return folder  # built by an earlier full run (DUTYDESK_BENCH_DIR)
    if spec is None:
        _empty_books(folder)
    else:
        days, scale = spec
        fill_demo_folder(folder, seed=2026, days=days, scale=scale)
    return folder


def measure(folder: DataFolder) -> tuple[float, float, float]:
    """(median ratio, median desk seconds, median bare seconds) over alternating pairs."""
    _shown_after(["desk", str(folder.path)])  # warm the file and bytecode caches; a first start
    _shown_after(["bare"])
    ratios, desk_s, bare_s = [], [], []
    for i in range(PAIRS):
        order = (("desk", str(folder.path)), ("bare",)) if i % 2 == 0 else (("bare",), ("desk", str(folder.path)))
        times = {args[0]: _shown_after(list(args)) for args in order}
        ratios.append(times["desk"] / times["bare"])
        desk_s.append(times["desk"])
        bare_s.append(times["bare"])
    return statistics.median(ratios), statistics.median(desk_s), statistics.median(bare_s)


def test_start_up_ratio_to_a_bare_window(tmp_path, capsys):
    base = Path(os.environ["DUTYDESK_BENCH_DIR"]) if os.environ.get("DUTYDESK_BENCH_DIR") else tmp_path
    results = {}
    folders = {name: _folder(base, name, spec) for name, spec in FOLDERS.items()}
    if MILLION:
        folders["百万来访"] = DataFolder(Path(MILLION))
    for name, folder in folders.items():
        size_mb = folder.db_path.stat().st_size / 1_048_576
        results[name] = (size_mb, *measure(folder))
    with capsys.disabled():
        print(f"\n启动（{PAIRS} 对交替，中位数；本机 {os.cpu_count()} 核）：")
        for name, (size_mb, ratio, desk_s, bare_s) in results.items():
            print(f"  {name}（{size_mb:,.1f} MB）：值班台 {desk_s * 1000:.0f} ms，空窗口 {bare_s * 1000:.0f} ms，"
                  f"比值 {ratio:.2f}")
    if FULL:  # a smoke run on a busy CI box measures noise; the full run checks the goal
        for name, (_size, ratio, _d, _b) in results.items():
            if name not in FOLDERS:
                continue  # reported only
            assert ratio <= TARGET_RATIO, f"{name}: {ratio:.2f}× a bare window"


# Instructions to the first paint, counted by valgrind's callgrind: the same count for the same
# program and books whatever else the machine is doing, so this check holds in CI too. The goal is
# wall-clock time; this ratio sits below it (Python's work costs more time per instruction than
# Qt's), and a start that grows by a tenth fails here on any machine.
INSTRUCTIONS_TARGET = 1.9
_VALGRIND = shutil.which("valgrind")
IN_CI = os.environ.get("CI", "").lower() not in ("", "0", "false")  # .ci/run installs valgrind


def instructions(args: list[str]) -> int:
    """Instructions the probe (``desk FOLDER`` or ``bare``) runs from the process's start until its
    window has painted once (then it ends; the desk closes its books cleanly first)."""
    env = {**_ENV, "PYTHONHASHSEED": "0", "DUTYDESK_PROBE_EXIT_AT_PAINT": "1"}  # same hashing every run
    subprocess.run([sys.executable, str(PROBE), *args], capture_output=True, timeout=600, cwd=ROOT, env=env,
                   check=True)  # bytecode compiled and files read before counting
    out = subprocess.run([_VALGRIND, "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
                          str(PROBE), *args], capture_output=True, text=True, timeout=1200, cwd=ROOT, env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    return int(re.search(r"Collected : (\d+)", out.stderr).group(1))


@pytest.mark.skipif(_VALGRIND is None and not IN_CI, reason="valgrind 未安装（.ci/run 会安装）")
def test_start_up_instructions_within_the_budget(tmp_path, capsys):
    """Issue 17: start-up to the first paint within ``INSTRUCTIONS_TARGET`` times a bare window's
    instructions on every folder, counted (not timed), so it is checked on every CI run."""
    assert _VALGRIND is not None, "valgrind is not installed"
    base = Path(os.environ["DUTYDESK_BENCH_DIR"]) if os.environ.get("DUTYDESK_BENCH_DIR") else tmp_path
    folders = {name: _folder(base, name, spec) for name, spec in FOLDERS.items()}
    bare = instructions(["bare"])
    counts = {name: instructions(["desk", str(folder.path)]) for name, folder in folders.items()}
    with capsys.disabled():
        print(f"\n启动到首次绘制的指令数（空窗口 {bare / 1e6:,.0f} M）：")
        for name, count in counts.items():
            print(f"  {name}：{count / 1e6:,.0f} M，比值 {count / bare:.2f}")
    for name, count in counts.items():
        assert count / bare <= INSTRUCTIONS_TARGET, f"{name}: {count / bare:.2f}× a bare window's instructions"


STALL_TARGET_MS = 100.0
SETTLE_RUNS = 3 if FULL else 1


def _settle_gap(folder: DataFolder) -> float:
    out = subprocess.run([sys.executable, str(PROBE), "settle", str(folder.path)], capture_output=True, text=True,
                         timeout=600, cwd=ROOT, env=_ENV)
    assert out.returncode == 0, out.stderr[-2000:]
    return float(out.stdout.strip().splitlines()[-1])


def test_the_work_after_the_first_paint_does_not_stall(tmp_path, capsys):
    """Issue 17: once the window has shown, the features' store modules, the menus, the status
    bar's items and the other tabs built in idle time come in short turns of the event loop: the
    longest gap of a 10 ms timer in a real start (a fresh process, compiled bytecode), median of
    a few starts per folder."""
    base = Path(os.environ["DUTYDESK_BENCH_DIR"]) if os.environ.get("DUTYDESK_BENCH_DIR") else tmp_path
    folders = {name: _folder(base, name, spec) for name, spec in FOLDERS.items()}
    if MILLION:
        folders["百万来访"] = DataFolder(Path(MILLION))
    _settle_gap(folders[next(iter(folders))])  # compile and warm the caches
    gaps = {name: statistics.median(_settle_gap(folder) for _ in range(SETTLE_RUNS))
            for name, folder in folders.items()}
    with capsys.disabled():
        print(f"\n窗口显示后的准备（最长间隔，{SETTLE_RUNS} 次中位数）：")
        for name, gap in gaps.items():
            print(f"  {name}：{gap:.0f} ms")
    assert all(gap > 0 for gap in gaps.values())  # the timer ticked: the probe measured something
    if FULL:
        for name, gap in gaps.items():
            if name in FOLDERS:
                assert gap <= STALL_TARGET_MS, f"{name}: {gap:.0f} ms"
