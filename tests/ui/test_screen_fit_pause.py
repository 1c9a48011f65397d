"""Issue 17: the screen-fit filter is off while the main window is built, and every window shown
meanwhile is still clamped to its screen once it is back on (``ui.screen_fit_pause``)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog

from dutydesk.ui import screen_fit
from dutydesk.ui.screen_fit_pause import screen_fit_paused


def _oversized(qtbot) -> QDialog:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.resize(5000, 4000)
    return dialog


def _fits(dialog: QDialog) -> bool:
    area = screen_fit.available_area(dialog)
    return dialog.frameGeometry().width() <= area.width() and dialog.frameGeometry().height() <= area.height()


def test_a_window_shown_while_paused_is_clamped_when_the_filter_is_back(qtbot, app):
    shown_meanwhile = _oversized(qtbot)
    with screen_fit_paused():
        shown_meanwhile.show()
        assert shown_meanwhile.width() == 5000  # the filter is off: its events skip Python
    assert _fits(shown_meanwhile)
    later = _oversized(qtbot)
    later.show()  # the filter is on again
    assert _fits(later)


def test_without_the_filter_the_pause_changes_nothing(qtbot, app):
    fit = app.findChild(screen_fit.ScreenFitFilter)
    app.removeEventFilter(fit)
    fit.setParent(None)
    try:
        dialog = _oversized(qtbot)
        with screen_fit_paused():
            dialog.show()
        assert dialog.width() == 5000  # nothing clamps without a screen-fit filter (no theme)
    finally:
        fit.setParent(app)
        app.installEventFilter(fit)
    assert screen_fit.install_screen_fit(QApplication.instance()) is fit
