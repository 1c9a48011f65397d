"""Child process for the killed-restore test: restores a backup and dies at one step.

Run as ``python -m tests.store.restore_child DATA_DIR BACKUP STEP``; the process ends with
``os._exit(9)`` right after STEP (as a power cut or a killed process would), or exits 0 when the
restore finished.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from dutydesk.store import restore
from dutydesk.store.datafolder import DataFolder


def main() -> None:
    folder = DataFolder(Path(sys.argv[1]))
    step = sys.argv[3]

    def die(name: str) -> None:
        if name == step:
            os._exit(9)

    restore.STEP_HOOK = die
    restore.restore_books(folder, Path(sys.argv[2]), dt.datetime(2026, 11, 24, 10, 0))


if __name__ == "__main__":
    main()
