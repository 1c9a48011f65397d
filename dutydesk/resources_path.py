"""Find shipped resources the same way in a checkout, an installed wheel and a frozen build.

The repository keeps resources in the top-level ``resources/`` folder; packaging maps that
folder to the ``dutydesk.resources`` package, so ``importlib.resources`` finds it everywhere
and nothing depends on the current directory.
"""

from __future__ import annotations

from functools import cache
from importlib.util import find_spec
from pathlib import Path

PACKAGE = "dutydesk.resources"


def resource_path(*parts: str) -> Path:
    """Return the filesystem path of a shipped resource such as ``fonts/wqy-microhei.ttc``."""
    return _package_folder().joinpath(*parts)


@cache
def _package_folder() -> Path:
    """The folder ``importlib.resources`` would give: where the package's spec says it lies on disk
    (a checkout, a wheel, the frozen build), without loading ``importlib.resources`` at every start
    (issue 17); ``importlib.resources`` itself for a package stored otherwise."""
    spec = find_spec(PACKAGE)
    for location in (spec.submodule_search_locations or []) if spec is not None else []:
        if Path(location).is_dir():
            return Path(location)
    from importlib import resources

    return Path(str(resources.files(PACKAGE)))


def cjk_font_path() -> Path:
    """The bundled WenQuanYi Micro Hei: TrueType outlines covering GBK, usable by reportlab and Qt."""
    return resource_path("fonts", "wqy-microhei.ttc")
