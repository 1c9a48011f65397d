"""The desktop window: widgets, dialogs and one subpackage per tab.

Importing it makes PySide's per-import source check cheap first (``ui.pyside_imports``, issue 17),
so the modules the window imports after Qt are not each read back from disk, then imports peewee
without the PostgreSQL drivers, which only the township's server needs (``store.server_drivers``),
and with the standard-library modules it imports for later loaded at their first use
(``store.deferred_modules``; the main window runs them once it has painted).
"""

from importlib import import_module

from dutydesk.ui.pyside_imports import speed_up_module_checks

speed_up_module_checks()
with import_module("dutydesk.store.deferred_modules").deferring():  # after the check is cheap
    import_module("dutydesk.store.server_drivers").import_peewee_without_drivers()
