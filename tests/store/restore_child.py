"""Child process for the killed-restore test: restores a backup and dies at one step.

Run as ``python -m tests.store.restore_child DATA_DIR BACKUP STEP [township]``; the process ends
with ``os._exit(9)`` right after STEP (as a power cut or a killed process would), or exits 0 when
the restore finished. With ``township`` it restores the township's books (``TOWNSHIP`` target).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from dutydesk.store import restore
from dutydesk.store.datafolder import DataFolder
from dutydesk.store.restore_target import DESK


def main() -> None:
    folder = DataFolder(Path(sys.argv[1]))
    step = sys.argv[3]

    def die(name: str) -> None:
        if name == step:
            os._exit(9)

    target = DESK
    if sys.argv[4:] == ["township"]:
        from dutydesk.township.township_restore import TOWNSHIP as target
    restore.STEP_HOOK = die
    restore.restore_books(folder, Path(sys.argv[2]), dt.datetime(2026, 11, 24, 10, 0), target=target)


if __name__ == "__main__":
    main()
