"""Child process for the two-writers test: registers COUNT visits as fast as it can.

Run as ``python -m tests.store.writer_child DATA_DIR PREFIX COUNT``; waits for a ``go`` file in
DATA_DIR so both writers start together, prints ``done`` after the last commit.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from dutydesk.desk import open_desk
from dutydesk.store.datafolder import DataFolder
from dutydesk.store.visits.visit import VisitDraft, register_visit


def main() -> None:
    folder = DataFolder(Path(sys.argv[1]))
    prefix, count = sys.argv[2], int(sys.argv[3])
    desk = open_desk(folder)
    calendar = desk.calendar()
    while not (folder.path / "go").exists():
        time.sleep(0.01)
    for i in range(count):
        register_visit(
            VisitDraft(channel="来访", category="政策咨询", person_name=f"{prefix}-{i}", request="咨询低保续办材料",
                       responder_name="李文书", outcome="即办", result="已告知所需材料",
                       contact="13812345678"),
            "写入测试", desk.now(), calendar,
        )
    desk.close()
    print("done", flush=True)


if __name__ == "__main__":
    main()
