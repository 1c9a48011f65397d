"""Find shipped resources the same way in a checkout, an installed wheel and a frozen build.

The repository keeps resources in the top-level ``resources/`` folder; packaging maps that
folder to the ``dutydesk.resources`` package, so ``importlib.resources`` finds it everywhere
and nothing depends on the current directory.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Return the filesystem path of a shipped resource such as ``fonts/wqy-microhei.ttc``."""
    root = resources.files("dutydesk.resources")
    target = root.joinpath(*parts)
    return Path(str(target))


def cjk_font_path() -> Path:
    """The bundled WenQuanYi Micro Hei: TrueType outlines covering GBK, usable by reportlab and Qt."""
    return resource_path("fonts", "wqy-microhei.ttc")
