"""Build the one-folder DutyDesk bundle with PyInstaller and report its size.

    python packaging/build_bundle.py                    # → packaging/dist/DutyDesk/
    python packaging/build_bundle.py --dist D --work W  # elsewhere (the smoke test builds in a temp dir)

Run it with the Python of a virtualenv that has DutyDesk's dependencies and PyInstaller
(``pip install -e ".[test]"``). The build runs on the system it targets: build on Windows for
Windows, on Linux for Linux (on the oldest distribution you need to support, see README.md).
Only the standard library is imported here so the script runs before anything is built.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
SPEC = PACKAGING / "dutydesk.spec"
BUNDLE_NAME = "DutyDesk"
SIZE_TARGET_MB = 150


def folder_size(path: Path) -> int:
    """Bytes on disk of every file below ``path`` (symlinks counted once, as themselves)."""
    total = 0
    for dirpath, _dirnames, filenames in os.walk(path):
        for name in filenames:
            total += os.lstat(os.path.join(dirpath, name)).st_size
    return total


def build_bundle(dist: Path, work: Path, python: str = sys.executable) -> Path:
    """Run PyInstaller on the spec; return the bundle folder (``dist/DutyDesk``)."""
    subprocess.run(
        [python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(SPEC)],
        cwd=ROOT, check=True,
    )
    bundle = dist / BUNDLE_NAME
    if not bundle.is_dir():
        raise SystemExit(f"PyInstaller finished but {bundle} is missing")
    return bundle


def executable(bundle: Path, console: bool = True) -> Path:
    """The program inside the bundle: the console twin on Windows for commands, ``dutydesk`` on Linux."""
    if sys.platform == "win32":
        return bundle / ("dutydesk-cli.exe" if console else "DutyDesk.exe")
    return bundle / "dutydesk"


def size_report(size_mb: float) -> str:
    """The size line: against the target, and how much room is left (or how far over it is)."""
    margin = SIZE_TARGET_MB - size_mb
    room = f"{margin:.1f} MB to spare" if margin > 0 else f"{-margin:.1f} MB over"
    return f"size: {size_mb:.1f} MB unpacked (target < {SIZE_TARGET_MB} MB: {room})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=PACKAGING / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=PACKAGING / "build", help="PyInstaller work folder")
    args = parser.parse_args(argv)
    bundle = build_bundle(args.dist.resolve(), args.work.resolve())
    size_mb = folder_size(bundle) / 1_000_000
    print(f"bundle: {bundle}")
    print(f"program: {executable(bundle)}")
    print(size_report(size_mb))
    return 0 if size_mb < SIZE_TARGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
