"""Build an offline wheelhouse: the DutyDesk wheel plus every dependency wheel for one target.

On a PC with internet (any system), for the office PC's system and Python version:

    python packaging/build_wheelhouse.py --platform win_amd64 --python-version 3.11
    python packaging/build_wheelhouse.py --platform manylinux_2_28_x86_64 --python-version 3.11
    python packaging/build_wheelhouse.py                  # this PC's own system and Python

Copy the printed folder to a USB stick; on the office PC (Python of that version installed):

    py -3.11 -m venv C:\\DutyDesk\\venv                                          (Windows)
    C:\\DutyDesk\\venv\\Scripts\\pip install --no-index --find-links E:\\wheelhouse dutydesk
    C:\\DutyDesk\\venv\\Scripts\\dutydesk --demo

Only wheels are downloaded (``--only-binary=:all:``), so nothing is compiled on either PC and a
wheel that does not exist for the target fails here, not at the office. The folder also gets
``requirements.txt`` (exact versions, for the record) and ``安装说明.txt``. Dependencies are
downloaded at the exact versions of ``packaging/constraints.txt`` (the tested ones; see
``make_constraints.py``).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
CONSTRAINTS = PACKAGING / "constraints.txt"

INSTRUCTIONS = """值班台 DutyDesk 离线安装包（wheelhouse）
目标系统：{platform}，Python {python}

1. 在办公电脑上安装 Python {python}（64 位）。
2. 打开命令提示符，建立虚拟环境（路径可自选）：
     Windows： py -{python} -m venv C:\\DutyDesk\\venv
     Linux：   python{python} -m venv ~/dutydesk-venv
3. 从本文件夹离线安装（把 <本文件夹> 换成实际路径，例如 E:\\wheelhouse）：
     Windows： C:\\DutyDesk\\venv\\Scripts\\pip install --no-index --find-links <本文件夹> dutydesk
     Linux：   ~/dutydesk-venv/bin/pip install --no-index --find-links <本文件夹> dutydesk
4. 启动：C:\\DutyDesk\\venv\\Scripts\\dutydesk （演示数据：加 --demo）
升级：用新版本的离线安装包重复第 3 步，并加上 --upgrade；数据文件夹不受影响。
"""


def pip(python: str, *args: str) -> None:
    subprocess.run([python, "-m", "pip", *args], check=True)


def build_app_wheel(out: Path, python: str = sys.executable) -> Path:
    """Build DutyDesk's own wheel (pure Python, the resources folder inside) into ``out``."""
    before = set(out.glob("dutydesk-*.whl"))
    for stale in before:
        stale.unlink()
    pip(python, "wheel", "--no-deps", "--wheel-dir", str(out), str(ROOT))
    wheels = sorted(out.glob("dutydesk-*.whl"))
    if len(wheels) != 1:
        raise SystemExit(f"expected one dutydesk wheel in {out}, found {wheels}")
    return wheels[0]


def download_dependencies(app_wheel: Path, out: Path, platforms: list[str], python_version: str | None,
                          python: str = sys.executable) -> None:
    """Download every dependency of ``app_wheel`` as a wheel for the target."""
    target: list[str] = []
    for platform in platforms:
        target += ["--platform", platform]
    if python_version:
        target += ["--python-version", python_version, "--implementation", "cp"]
    pip(python, "download", "--only-binary=:all:", "--dest", str(out), "--constraint", str(CONSTRAINTS),
        *target, str(app_wheel))


def write_requirements(out: Path) -> Path:
    """Pin what was downloaded (name==version from each wheel's file name), for the record."""
    lines = []
    for wheel in sorted(out.glob("*.whl")):
        name, version = wheel.name.split("-")[:2]
        lines.append(f"{name.replace('_', '-').lower()}=={version}")
    target = out / "requirements.txt"
    target.write_text("\n".join(sorted(set(lines))) + "\n", encoding="utf-8")
    return target


def build_wheelhouse(out: Path, platforms: list[str], python_version: str | None,
                     python: str = sys.executable) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    app_wheel = build_app_wheel(out, python)
    download_dependencies(app_wheel, out, platforms, python_version, python)
    write_requirements(out)
    version = python_version or f"{sys.version_info.major}.{sys.version_info.minor}"
    (out / "安装说明.txt").write_text(
        INSTRUCTIONS.format(platform=", ".join(platforms) or "本机同类系统", python=version),
        encoding="utf-8",
    )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--platform", action="append", default=[], metavar="TAG",
                        help="target platform tag, e.g. win_amd64 or manylinux_2_28_x86_64 (repeatable); "
                             "default: this PC")
    parser.add_argument("--python-version", metavar="X.Y",
                        help="target Python version, e.g. 3.11; default: this Python")
    parser.add_argument("--out", type=Path, help="output folder (default packaging/dist/wheelhouse-TARGET)")
    args = parser.parse_args(argv)
    if args.platform and not args.python_version:
        parser.error("--platform needs --python-version too")
    label = "-".join([*args.platform, f"py{args.python_version}"]) if args.platform else "native"
    out = (args.out or PACKAGING / "dist" / f"wheelhouse-{label}").resolve()
    build_wheelhouse(out, args.platform, args.python_version)
    wheels = sorted(out.glob("*.whl"))
    size_mb = sum(w.stat().st_size for w in wheels) / 1_000_000
    print(f"wheelhouse: {out} ({len(wheels)} wheels, {size_mb:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
