"""Issue 17: at the app's start the screen-fit filter is off while the main window builds and
paints its first screen (it cost PySide's setting up of every wrapper type on the start path), the
window fits itself to the screen meanwhile, and every dialog after is clamped as before."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QDialog

from dutydesk.ui import screen_fit
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.prefs import UiPrefs


@pytest.fixture
def held(staged):
    """At the app's start, with the screen-fit filter given back at the end however the test went."""
    yield
    screen_fit.resume_screen_fit()


def test_the_window_fits_itself_while_the_filter_is_held_and_dialogs_are_clamped_after(
        qtbot, app, desk, monkeypatch, held):
    monkeypatch.setattr(screen_fit, "MAXIMISE_UP_TO", 0)  # a big screen: the saved geometry, clamped
    first = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    qtbot.addWidget(first)
    area = screen_fit.available_area(first)
    first.show()
    first.setGeometry(QRect(area.x() + 10, area.y() + 10, area.width() + 500, area.height() + 500))
    first.close()  # saves that geometry, too big for the screen
    assert not screen_fit.screen_fit_held()

    window = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    qtbot.addWidget(window)
    assert screen_fit.screen_fit_held()
    window.show()
    assert not window.isMaximized() and area.contains(window.frameGeometry())
    qtbot.waitUntil(window.entries_ready, timeout=10_000)
    assert not screen_fit.screen_fit_held()

    dialog = QDialog(window)
    dialog.resize(area.width() + 800, area.height() + 600)
    dialog.show()
    assert area.contains(dialog.frameGeometry())


def test_a_window_built_outside_the_apps_start_keeps_the_filter(qtbot, app, desk):
    window = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    qtbot.addWidget(window)
    assert not screen_fit.screen_fit_held()
