"""PySide6 reads the whole source of every module imported after it; this makes that check cheap.

Issue 17: once ``PySide6.QtCore`` is loaded, every later import runs PySide's
``shibokensupport.feature.feature_imported``, which calls ``inspect.getsource(module)`` (a stat,
a decode and a split into lines through ``linecache``) only to see whether the text "PySide6"
occurs in it, for its opt-in ``from __feature__ import snake_case``. The desk imports some
hundreds of modules after Qt, so the window waited for hundreds of source files to be read.

The answer decides one thing: whether attribute lookups made from that module take part in
PySide's per-module feature switching (0) or are ignored by it (-1). The desk selects no
feature anywhere, so both read the same default names; for the desk's own modules the answer
is given without reading anything, for every other module the file's bytes are searched as
PySide does (no decode, no line list, no cache entry).

``shibokensupport.feature._mod_uses_pyside`` is private: PySide6 is pinned below 6.12 in
pyproject.toml, ``tests/ui/test_pyside_imports.py`` checks the hook is still there, and when
it is gone nothing is replaced (PySide's own check runs, only slower).
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

_FEATURE_MODULE = "shibokensupport.feature"
_HOOK = "_mod_uses_pyside"
_OWN_PACKAGE = "dutydesk"


def pyside_check() -> object | None:
    """PySide's per-module check, or None when this PySide has no such hook."""
    feature = sys.modules.get(_FEATURE_MODULE)
    return getattr(feature, _HOOK, None)


def speed_up_module_checks() -> bool:
    """Replace PySide's check by a cheap one with the same answers (once; True when replaced)."""
    importlib.import_module("PySide6.QtCore")  # loads shibokensupport.feature, the check's module
    feature = sys.modules.get(_FEATURE_MODULE)
    original = getattr(feature, _HOOK, None)
    if original is None or not callable(original):
        return False
    if getattr(original, "dutydesk_cheap", False):
        return True

    def uses_pyside(module: ModuleType) -> bool:
        name = getattr(module, "__name__", "")
        if name == _OWN_PACKAGE or name.startswith(_OWN_PACKAGE + "."):
            return True  # "no feature": what every desk module that touches Qt gets anyway
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    uses_pyside.dutydesk_cheap = True  # type: ignore[attr-defined]
    setattr(feature, _HOOK, uses_pyside)
    return True
