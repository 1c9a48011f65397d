"""Issue 17: opening 网格走访 loads no printing library; reportlab loads on the first print (the
片区与住户 papers and the 知晓率抽查 papers), so the tab's first opening does not stall on it."""

from __future__ import annotations

import subprocess
import sys


def test_grid_pages_import_no_printing_library():
    code = (
        "import sys, os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "import dutydesk.app\n"
        "import dutydesk.ui.grid.tab, dutydesk.ui.grid.areas_page, dutydesk.ui.grid.diary_page\n"
        "import dutydesk.ui.grid.progress_board, dutydesk.ui.grid.visit_page, dutydesk.ui.grid.spot_check_page\n"
        "heavy = ('reportlab', 'PIL', 'pypdfium2', 'openpyxl')\n"
        "print(','.join(sorted({m.split('.')[0] for m in sys.modules} & set(heavy))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
