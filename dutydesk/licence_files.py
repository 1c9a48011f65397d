"""Find the licence texts shipped with DutyDesk: ``LICENSE`` and ``THIRD-PARTY-NOTICES.txt``.

They live at the top of the repository (packaging/make_notices.py writes the notices). A checkout
reads them there; the frozen build carries them beside its libraries (``dutydesk.spec`` datas);
a wheel carries them in its ``.dist-info`` (pyproject ``license-files``). 帮助 → 许可证与第三方声明
shows them; the installer shows the same files.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

LICENCE_FILES = ("LICENSE", "THIRD-PARTY-NOTICES.txt")
TITLES = {"LICENSE": "值班台许可证（Apache-2.0）", "THIRD-PARTY-NOTICES.txt": "第三方组件声明"}


@dataclass(frozen=True)
class LicenceText:
    name: str  # file name
    title: str  # shown to the user
    text: str


def _candidates(name: str) -> list[Path]:
    places = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        places.append(Path(frozen) / name)
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "pyproject.toml").is_file():  # a source checkout (also an editable install)
        places.append(checkout / name)
    try:
        dist = metadata.distribution("dutydesk")
        for entry in dist.files or []:
            if entry.name == name and entry.parts[0].endswith(".dist-info"):
                places.append(Path(str(dist.locate_file(entry))))
    except metadata.PackageNotFoundError:
        pass
    return places


def licence_path(name: str) -> Path | None:
    """Where ``name`` (one of ``LICENCE_FILES``) is found, or None."""
    return next((p for p in _candidates(name) if p.is_file()), None)


def licence_texts() -> list[LicenceText]:
    """Each licence file's text (a missing one says so in Chinese rather than failing)."""
    out = []
    for name in LICENCE_FILES:
        path = licence_path(name)
        text = path.read_text(encoding="utf-8-sig", errors="replace") if path else \
            f"未找到文件 {name}。本程序按 Apache-2.0 许可证发布，第三方组件声明见安装文件夹。"
        out.append(LicenceText(name, TITLES[name], text))
    return out
