"""Standard-library modules imported by libraries for work the first screen never does (issue 17).

peewee imports ``calendar``, ``hashlib``, ``socket`` and ``uuid`` when it is imported, for every
program, though it uses them only inside functions the desk reaches later, if at all (a
constraint's name hash, IP-address fields, named cursors and savepoint names, UTC timestamps);
``logging.handlers``, for the log file's rotating handler, imports ``pickle``, ``queue`` and
``socket`` for handlers the desk never makes. With what they bring (OpenSSL's libcrypto,
``platform``, ``locale``) that is ~15 ms before the window can show.

Modules imported inside ``deferring(names)`` get a stand-in for each of ``names`` not imported
yet: the module's ``import uuid`` binds the stand-in, which imports the real module at the first
use of any of its attributes and from then on is the real module's namespace. Only those modules
see the stand-ins (``sys.modules`` gets them back out at once): every other ``import uuid`` is the
real thing. ``realise`` imports the real modules and puts them in the stand-ins' places; the
window calls it in the first turn after its first paint.

This relies on those modules importing them at their top and using them only inside functions
(true of peewee 4.5, pinned below 4.6 in pyproject.toml, and of Python 3.11's logging.handlers).
``tests/store/test_deferred_modules.py`` checks both, and peewee's own uses of each module through
the stand-ins.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType

DEFERRED = ("calendar", "hashlib", "socket", "uuid")


class StandIn(ModuleType):
    """A module's place-holder: imports the module at the first attribute it is asked for."""

    def __getattr__(self, attr: str) -> object:  # only for what its namespace does not have yet
        if attr.startswith("__") and attr.endswith("__"):  # the import system's questions: not a use
            raise AttributeError(attr)
        if sys.modules.get(self.__name__) is self:  # used while the importing module is imported
            del sys.modules[self.__name__]
        real = importlib.import_module(self.__name__)
        self.__dict__.update(vars(real))
        return getattr(real, attr)


_importers: list[ModuleType] = []


@contextmanager
def deferring(names: tuple[str, ...] = DEFERRED) -> Iterator[None]:
    """Modules imported inside get a stand-in for each of ``names`` not imported yet."""
    standing_in = tuple(name for name in names if name not in sys.modules)
    before = set(sys.modules)
    for name in standing_in:
        sys.modules[name] = StandIn(name)
    try:
        yield
    finally:
        for name in standing_in:
            if isinstance(sys.modules.get(name), StandIn):
                del sys.modules[name]
        _importers.extend(sys.modules[name] for name in sorted(set(sys.modules) - before))


def _stand_ins(module: ModuleType) -> list[tuple[str, StandIn]]:
    return [(name, value) for name, value in list(vars(module).items()) if isinstance(value, StandIn)]


def stand_ins() -> list[str]:
    """``module.name`` of every stand-in not replaced by its module yet."""
    return [f"{module.__name__}.{name}" for module in _importers for name, _ in _stand_ins(module)]


def realise() -> None:
    """Import the deferred modules and put each in its stand-ins' places (in the GUI thread)."""
    while _importers:
        module = _importers.pop(0)
        for name, stand_in in _stand_ins(module):
            setattr(module, name, importlib.import_module(stand_in.__name__))
