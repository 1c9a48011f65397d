"""The register's table (来访记录) keeps room for a few whole rows however crowded the 来访登记 page is.

On the desk PC (1366×728, or 1024×728) the holiday banner, 今日预约, 待跟进 and the filters once left
the register less than one row: the list the desk works from was there but unreadable. The table's
least height is therefore a number of rows, not of pixels, so the layout takes the room from the
panels above it (which shrink or scroll) rather than from the register.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QTableView

from dutydesk.ui.theme import FONT_SIZES

ROWS_IN_VIEW = 5  # at 字号 正常 on the desk PC
# Whole rows kept in view up to a point size (字号 正常, 大, 特大). The taller text of 特大 makes the
# filters and the panels above so tall that on a 728-pixel screen a second row would push the window
# past the screen's bottom: one row is kept there (more on a day without bookings or a larger screen).
LEAST_ROWS = ((FONT_SIZES["normal"], ROWS_IN_VIEW), (FONT_SIZES["large"], 4))


def least_rows(point_size: int) -> int:
    """ROWS_IN_VIEW at 字号 正常, fewer at the larger sizes."""
    return next((rows for size, rows in LEAST_ROWS if point_size <= size), 1)


class RegisterTable(QTableView):
    """A table whose least height shows ``least_rows`` rows of the usual height below its header,
    with the horizontal scroll bar its ten columns usually need."""

    def rows_height(self, rows: int) -> int:
        frame = 2 * self.frameWidth()
        header = self.horizontalHeader().sizeHint().height()
        scroll_bar = self.horizontalScrollBar().sizeHint().height()
        return frame + header + scroll_bar + rows * self.verticalHeader().defaultSectionSize()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), self.rows_height(least_rows(self.font().pointSize())))
