"""显示完整号码: the button a director uses to see one record's numbers in full (V09, A01).

Screens show residents' numbers masked to everyone. Roles in ``privacy.unmasked_roles`` get this
button; each press is written to the log (who, when, which record) before anything is shown.
Other roles get no button at all.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton

from dutydesk.desk import Desk
from dutydesk.store.privacy import log_reveal, may_see_unmasked
from dutydesk.ui.forms import push_button

LABEL = "显示完整号码"


def reveal_button(desk: Desk, what: Callable[[], str], show: Callable[[], None]) -> QPushButton | None:
    """The button, or None when the logged-in role may not see full numbers.

    ``what`` names the record for the log (e.g. 来访记录2026-000123 周桂兰); ``show`` redraws the
    screen with the numbers in full once the reveal is logged.
    """
    if not may_see_unmasked(desk.account, desk.today()):
        return None
    button = push_button(LABEL)

    def reveal() -> None:
        with desk.db.atomic():
            log_reveal(desk.account, desk.now(), what())
        show()
        button.setEnabled(False)

    button.clicked.connect(reveal)
    button.setToolTip("查看后将记录查看人、时间和记录")
    return button
