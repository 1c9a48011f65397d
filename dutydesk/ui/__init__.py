"""The desktop window: widgets, dialogs and one subpackage per tab.

Importing it makes PySide's per-import source check cheap first (``ui.pyside_imports``, issue 17),
so the modules the window imports after Qt are not each read back from disk.
"""

from dutydesk.ui.pyside_imports import speed_up_module_checks

speed_up_module_checks()
