"""Child process for the durability test: registers visits in a loop, reporting each commit.

Run as ``python -m tests.store.durability_child DATA_DIR PREFIX``; prints ``ready`` then one line
per committed visit (its person name), printed only after the transaction committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from dutydesk.desk import open_desk
from dutydesk.store.datafolder import DataFolder
from dutydesk.store.visits.visit import VisitDraft, register_visit


def main() -> None:
    folder = DataFolder(Path(sys.argv[1]))
    desk = open_desk(folder)
    prefix = sys.argv[2]
    calendar = desk.calendar()
    print("ready", flush=True)
    i = 0
    while True:
        name = f"{prefix}-{i}"
        # one visit done on the spot = the visit, its feedback, their audit entries and index rows
        register_visit(
            VisitDraft(channel="来访", category="政策咨询", person_name=name, request="咨询低保续办材料",
                       responder_name="李文书", outcome="即办", result="已告知所需材料",
                       contact="13812345678"),
            "写入测试", desk.now(), calendar,
        )
        print(name, flush=True)
        i += 1


if __name__ == "__main__":
    main()
