"""Imports every feature's store modules, so their models, settings and feed providers are
registered whenever the books are opened (GUI, CLI or tests). One line per feature module."""

from dutydesk.store import accounts, audit, center, settings  # noqa: F401
