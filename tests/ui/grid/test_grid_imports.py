"""Issue 17: opening 网格走访 loads no printing library; reportlab loads on the first print (the
片区与住户 papers and the 知晓率抽查 papers), so the tab's first opening does not stall on it."""

from __future__ import annotations

from tests.ui.helpers import printed_by_a_fresh_process


def test_grid_pages_import_no_printing_library():
    code = (
        "import dutydesk.app\n"
        "import dutydesk.ui.grid.tab, dutydesk.ui.grid.areas_page, dutydesk.ui.grid.diary_page\n"
        "import dutydesk.ui.grid.progress_board, dutydesk.ui.grid.visit_page, dutydesk.ui.grid.spot_check_page\n"
        "heavy = ('reportlab', 'PIL', 'pypdfium2', 'openpyxl')\n"
        "print(','.join(sorted({m.split('.')[0] for m in sys.modules} & set(heavy))))\n"
    )
    assert printed_by_a_fresh_process(code) == ""
