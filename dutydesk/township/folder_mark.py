"""Whether a data folder holds a township's books: the mark is its ``township.json``.

Kept apart from ``township_folder`` (which brings peewee's models, the township's migrations and
the server drivers' loader) because the desk asks it at every start, before its window shows: a
township's folder is never opened as a desk (issue 17: the check costs a ``stat``, not ~8 ms of
imports).
"""

from __future__ import annotations

from pathlib import Path

from dutydesk.store.datafolder import DataFolder

CONFIG_FILE = "township.json"


def config_path(folder: DataFolder) -> Path:
    return folder.path / CONFIG_FILE


def is_township(folder: DataFolder) -> bool:
    return config_path(folder).exists()
