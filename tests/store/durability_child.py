"""Child process for the durability test: writes audited records in a loop, reporting each commit.

Run as ``python -m tests.store.durability_child DATA_DIR``; prints ``ready`` then one line per
committed record name, flushed only after the transaction committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from dutydesk.desk import open_desk
from dutydesk.store.accounts import create_account
from dutydesk.store.datafolder import DataFolder


def main() -> None:
    folder = DataFolder(Path(sys.argv[1]))
    desk = open_desk(folder)
    prefix = sys.argv[2]
    print("ready", flush=True)
    i = 0
    while True:
        name = f"{prefix}-{i}"
        with desk.db.atomic():  # a multi-row write: the record, its audit entry, its index rows
            create_account(name, "operator", "写入测试", desk.now())
        print(name, flush=True)
        i += 1


if __name__ == "__main__":
    main()
