"""Pack the Linux one-folder build into ``dutydesk-VERSION-linux-ARCH.tar.gz``.

    python packaging/build_bundle.py          # first: packaging/dist/DutyDesk/
    python packaging/linux/make_tarball.py    # → packaging/dist/dutydesk-0.1.0-linux-x86_64.tar.gz

The tarball unpacks to one folder ``DutyDesk-VERSION/`` holding the program (``dutydesk``), its
``_internal/`` folder, the ``.desktop`` file and ``install-desktop-entry.sh`` which adds the
menu entry, desktop shortcut and icon for the current user. Unpack anywhere the user may write
(e.g. ``~/Applications``) or, as root, under ``/opt``. Symlinks and execute bits are kept.
"""

from __future__ import annotations

import argparse
import platform
import re
import sys
import tarfile
from pathlib import Path

LINUX = Path(__file__).resolve().parent
PACKAGING = LINUX.parent
ROOT = PACKAGING.parent
EXTRAS = ("dutydesk.desktop", "install-desktop-entry.sh")

README = """值班台 DutyDesk {version}（Linux 版，免安装）

启动：在本文件夹中运行 ./dutydesk （演示数据：./dutydesk --demo）
添加到应用程序菜单和桌面：运行 ./install-desktop-entry.sh （无需管理员权限）
数据保存在 ~/.local/share/DutyDesk/data ，删除或更新本文件夹不会影响数据。
打印自检：./dutydesk selftest-pdf ~/值班台打印自检.pdf
"""


def read_version() -> str:
    text = (ROOT / "dutydesk" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE).group(1)


def make_tarball(bundle: Path, out_dir: Path, version: str | None = None,
                 arch: str | None = None) -> Path:
    """Write the tarball of ``bundle`` (a built ``DutyDesk`` folder) into ``out_dir``."""
    version = version or read_version()
    arch = arch or platform.machine()
    if not (bundle / "dutydesk").is_file():
        raise SystemExit(f"{bundle} is not a Linux DutyDesk build (run packaging/build_bundle.py)")
    top = f"DutyDesk-{version}"
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"dutydesk-{version}-linux-{arch}.tar.gz"
    readme = out_dir / f".README-{version}.txt"
    readme.write_text(README.format(version=version), encoding="utf-8")
    try:
        with tarfile.open(target, "w:gz") as tar:
            tar.add(bundle, arcname=top)  # recursive; symlinks stored as symlinks
            for name in EXTRAS:
                tar.add(LINUX / name, arcname=f"{top}/{name}")
            tar.add(readme, arcname=f"{top}/README.txt")
    finally:
        readme.unlink(missing_ok=True)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=PACKAGING / "dist" / "DutyDesk")
    parser.add_argument("--out", type=Path, default=PACKAGING / "dist")
    args = parser.parse_args(argv)
    target = make_tarball(args.bundle, args.out)
    print(f"{target} ({target.stat().st_size / 1_000_000:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
