"""The desktop window: widgets, dialogs and one subpackage per tab.

Importing it makes PySide's per-import source check cheap first (``ui.pyside_imports``, issue 17),
so the modules the window imports after Qt are not each read back from disk, then imports peewee
without the PostgreSQL drivers, which only the township's server needs (``store.server_drivers``).
"""

from importlib import import_module

from dutydesk.ui.pyside_imports import speed_up_module_checks

speed_up_module_checks()
import_module("dutydesk.store.server_drivers").import_peewee_without_drivers()  # after the check is cheap
