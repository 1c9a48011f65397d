"""Screenshots of the main window and each tab on the desk's two small screens, for the README.

Run by hand after changing a page's layout:  python -m tests.ui.fit_screenshots resources/screenshots
(each screen is opened in its own process, as tests/ui/test_screen_fit.py does).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

# The main tabs and the checklist with an item chosen; sub-pages are checked by the test only.
KEEP = ("1_duty", "2_visits", "3_notices", "3_checklist", "4_archive")


def main(out: Path) -> None:
    from tests.ui.test_screen_fit import make_demo, run_probe

    work = Path(tempfile.mkdtemp())
    demo = work / "demo"
    make_demo(demo)
    out.mkdir(parents=True, exist_ok=True)
    for width in (1366, 1024):
        shots = work / f"shots{width}"
        run_probe(demo, work / f"run{width}", width, 728, 1.0, shots=shots)
        for name in KEEP:
            source = shots / f"fit_{width}x728_{name}.png"
            shutil.copyfile(source, out / source.name)
            print(out / source.name)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "resources/screenshots"))
