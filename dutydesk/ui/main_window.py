"""The main window: tabs, menus, a status bar; features plug in through their declarations in
``ui.tabs`` so this file stays about the window itself."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from importlib import import_module

# QMessageBox, QAction and QKeySequence through their modules: their types (and enums) are made
# when first used, after the first paint (issue 17).
from PySide6 import QtGui, QtWidgets
from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QWidget,
)

from dutydesk import APP_TITLE, __version__
from dutydesk.desk import Desk
from dutydesk.store.deferred_modules import realise as realise_deferred_modules
from dutydesk.store.feature_loading import (
    feature_steps,
    features_loaded,
    features_pending,
    first_screen,
    load_feature_step,
    load_features,
)
from dutydesk.ui.events import DeskEvents
from dutydesk.ui.extensions import MenuAction, module_of
from dutydesk.ui.lazy_tabs import LazyTabWidget, on_demand, turn_timer
from dutydesk.ui.menu_context import MenuContext, attach
from dutydesk.ui.password_banner import install_password_banner
from dutydesk.ui.prefs import UiPrefs
from dutydesk.ui.screen_fit import (
    fit_to_screen,
    fitted_size,
    hold_screen_fit,
    resume_screen_fit,
    screen_fit_held,
    should_maximise,
)
from dutydesk.ui.tabs import TABS, TabDeclaration, menu_actions, status_items
from dutydesk.ui.theme import FONT_SIZE_LABELS, set_font_size

WEEKDAYS = "一二三四五六日"
MENUS = ("文件", "导出", "工具", "帮助")
# At the app's start (``lazy_tabs.build_on_demand``) the menu entries and the status-bar items
# declared in ``ui.tabs`` come this long after the window shows, so its first paint waits for
# none of the modules behind them (issue 17); a person cannot reach a menu that fast.
MENUS_DELAY_MS = 60
# ``events.changed`` kind once the features are imported after the first screen: pages refresh.
FEATURES_LOADED = "features"
# At the app's start the screen-fit filter is off from the window's construction until its menus
# come (``screen_fit.hold_screen_fit``); a window that never shows gets it back after this long.
SCREEN_FIT_BACK_MS = 2_000


class MainWindow(QMainWindow):
    def __init__(self, desk: Desk, prefs: UiPrefs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if on_demand() and hold_screen_fit():  # the app's start: no dialog before the first screen
            QTimer.singleShot(SCREEN_FIT_BACK_MS, resume_screen_fit)  # no receiver: comes all the same
        self.desk = desk
        self.prefs = prefs
        self.events = DeskEvents(self)
        self.setWindowTitle(f"{APP_TITLE} — {desk.center_name()}")
        self.resize(fitted_size(QSize(1280, 820), self))

        self._maximised = False  # on a small screen (``_restore_state``)
        self.tabs = LazyTabWidget()
        self.tabs.setAccessibleName("主页面")
        self.tabs.setDocumentMode(True)
        for index, spec in enumerate(TABS, start=1):
            self.tabs.add_lazy_tab(spec.title, lambda s=spec: self._build_tab(s))
            self.tabs.setTabToolTip(index - 1, f"{spec.title}（Ctrl+{index}）")
        self.setCentralWidget(self.tabs)
        self.events.show_tab.connect(self.show_tab)
        self.events.account_changed.connect(self.apply_account)
        # What every menu handler gets (and tabs reach through ``menu_context.context_of``).
        self.context = MenuContext(self, desk, self.events, prefs, self.tabs,
                                   tuple(spec.key for spec in TABS), self.shortcut_lines)
        attach(self.context)

        self.password_banner = install_password_banner(self, desk, self.events)
        # The four menus are there before the window shows (nothing moves later); at the app's
        # start their entries come right after it has shown (``_finish_start``).
        self.menus: dict[str, QMenu] = {title: self.menuBar().addMenu(title) for title in MENUS}
        self._feature_actions: list[tuple[QtGui.QAction, MenuAction]] = []
        self._entries_pending = on_demand()
        self._refresh_pending = False  # the first screen showed without the features
        self._to_prepare: list[Callable[[], object]] = []
        self._prepare_turn = turn_timer(self, self._prepare_next)
        if not self._entries_pending:
            self.finish_entries()
        self._build_status_bar()
        if self._entries_pending:
            with first_screen():  # the features' store modules are imported once it has shown
                self._restore_state()
        else:
            self._restore_state()

    def finish_entries(self) -> None:
        """Import every feature's store modules, build the menus from ``ui.tabs`` and refresh
        what showed without them (at the app's start: once the window has shown)."""
        if self._feature_actions or self.menus["文件"].actions():
            return  # built already
        realise_deferred_modules()
        self._load_features()
        self._build_menus()
        from dutydesk.ui.open_matters_feed import feed  # 待跟进's count, read in a worker (issue 17)

        feed().ready.connect(self.refresh_status)
        self._entries_pending = False
        if hasattr(self, "status_label"):
            self.refresh_status()
        if self._refresh_pending:  # 今日值班's open matters read 正在读取… until now
            self._refresh_pending = False
            QTimer.singleShot(0, self, lambda: self.events.changed.emit(FEATURES_LOADED))

    def _load_features(self) -> None:
        if self._entries_pending and not features_loaded():
            self._refresh_pending = True
        load_features()

    def _finish_start(self) -> None:
        """Once the window has shown: the features (one module per turn), then each status
        item's module, then the menus and the refresh of what showed without them, each in its
        own turn of the event loop, so none holds the window long. (A handler's module is
        imported when triggered.)"""
        if self._entries_pending:
            if not features_loaded():
                self._refresh_pending = True  # 今日值班's open matters read 正在读取… until then
            modules = dict.fromkeys(m for item in status_items() if (m := module_of(item.text)))
            self._to_prepare = [realise_deferred_modules]  # in this thread, before any worker starts
            self._to_prepare += [partial(load_feature_step, name) for name in feature_steps()]
            self._to_prepare += [partial(import_module, module) for module in modules]
            self._prepare_turn.start()

    def _prepare_next(self) -> None:
        if self._to_prepare:
            self._to_prepare.pop(0)()
            self._prepare_turn.start()  # a real turn: timers and paints come between two steps
        else:
            self.finish_entries()

    def entries_ready(self) -> bool:
        """The menus' entries and the status bar's items are there (at once outside the app)."""
        return not self._entries_pending

    def _build_tab(self, spec: TabDeclaration) -> QWidget:
        if not features_pending():  # a tab built after the first screen reads every feature's books
            load_features()
        widget = spec.build(self.desk)
        if hasattr(widget, "set_events"):
            widget.set_events(self.events)
        return widget

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if screen_fit_held():  # what the filter does for every window; back with the menus
            fit_to_screen(self)
            QTimer.singleShot(MENUS_DELAY_MS, resume_screen_fit)
        if self._entries_pending:
            QTimer.singleShot(MENUS_DELAY_MS, self, self._finish_start)
        self.tabs.build_in_idle_time()  # the tabs not opened yet, once the window has painted

    # -- menus ------------------------------------------------------------------------------
    def _add_action(self, menu: QMenu, text: str, slot, shortcut: str = "") -> QtGui.QAction:
        action = QtGui.QAction(text, self)
        if shortcut:
            action.setShortcut(QtGui.QKeySequence(shortcut))
            action.setShortcutVisibleInContextMenu(True)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        from dutydesk.ui.licences_dialog import MENU_TEXT as LICENCES
        from dutydesk.ui.licences_dialog import show_licences

        file_menu = self.menus["文件"]
        for index, spec in enumerate(TABS):
            self._add_action(
                file_menu, f"转到“{spec.title}”", lambda _=False, i=index: self.tabs.setCurrentIndex(i),
                f"Ctrl+{index + 1}",
            )
        file_menu.addSeparator()
        self._add_action(file_menu, "退出", self.close, "Ctrl+Q")

        tools = self.menus["工具"]
        size_menu = tools.addMenu("字号")
        for code, label in FONT_SIZE_LABELS.items():
            action = self._add_action(size_menu, label, lambda _=False, c=code: self.set_font_size(c))
            action.setCheckable(True)
            action.setChecked(code == self.prefs.font_size)
            action.setObjectName(f"font_size_{code}")
        self._size_actions = size_menu.actions()

        # Every feature entry is built once; which ones show follows the logged-in account
        # (apply_account), since another user may log in at the idle lock.
        for spec in menu_actions():
            action = self._add_action(
                self.menus[spec.menu], spec.text,
                lambda _=False, s=spec: s.run(self.context), spec.shortcut,
            )
            self._feature_actions.append((action, spec))
        self._show_allowed_actions()
        help_menu = self.menus["帮助"]
        self._add_action(help_menu, "快捷键一览", self.show_shortcuts)  # F1 opens 使用说明, which lists them too
        self._add_action(help_menu, LICENCES, lambda: show_licences(self))
        self._add_action(help_menu, "关于值班台", self.show_about)

    def _show_allowed_actions(self) -> None:
        account = self.desk.account
        for action, spec in self._feature_actions:
            allowed = spec.allowed(account)
            action.setVisible(allowed)  # hidden actions cannot be triggered by their shortcut either
            action.setEnabled(allowed)

    def apply_account(self) -> None:
        """Menus and the status bar follow the account now logged in (``events.account_changed``)."""
        self._show_allowed_actions()
        self.refresh_status()

    def set_font_size(self, code: str) -> None:
        self.prefs.font_size = code
        app = QApplication.instance()
        if isinstance(app, QApplication):
            set_font_size(app, code)
        for action in self._size_actions:
            action.setChecked(action.objectName() == f"font_size_{code}")

    def shortcut_lines(self) -> list[str]:
        lines = []
        for menu in self.menus.values():
            for action in menu.actions():
                if action.isVisible() and action.shortcut().toString():
                    text = action.text().replace("&", "")
                    shortcut = action.shortcut().toString(QtGui.QKeySequence.SequenceFormat.NativeText)
                    lines.append(f"{shortcut}\t{text}")
        return lines

    def show_shortcuts(self) -> None:
        QtWidgets.QMessageBox.information(self, "快捷键一览", "\n".join(self.shortcut_lines()))

    def about_text(self) -> str:
        return (
            f"{APP_TITLE}\n版本 {__version__}\n\n"
            f"服务中心：{self.desk.center_name()}\n数据文件夹：{self.desk.folder.path}"
        )

    def show_about(self) -> None:
        """Version, center and data folder, with the way to the licences (issue: installers are
        passed from village to village, so the notices must be one click away)."""
        from PySide6.QtWidgets import QMessageBox  # its type made when first used, not at start (issue 17)

        from dutydesk.ui.licences_dialog import MENU_TEXT as LICENCES
        from dutydesk.ui.licences_dialog import show_licences

        box = QMessageBox(QMessageBox.Icon.Information, "关于值班台", self.about_text(),
                          QMessageBox.StandardButton.Close, self)
        box.button(QMessageBox.StandardButton.Close).setText("关闭")
        licences = box.addButton(LICENCES + "…", QMessageBox.ButtonRole.ActionRole)
        licences.setAccessibleName(LICENCES)
        box.exec()
        if box.clickedButton() is licences:
            show_licences(self)

    # -- status bar -------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        self.status_label = QLabel()
        self.status_label.setAccessibleName("状态栏")
        self.statusBar().addPermanentWidget(self.status_label, 1)
        self.refresh_status()
        self._status_timer = QTimer(self)
        self._status_timer.timeout.connect(self.refresh_status)
        self._status_timer.start(60_000)
        self.events.changed.connect(self._on_changed)

    def _on_changed(self, kind: str) -> None:
        if kind == "center":
            self.setWindowTitle(f"{APP_TITLE} — {self.desk.center_name()}")
        self.refresh_status()

    def status_text(self) -> str:
        today = self.desk.today()
        calendar = self.desk.calendar()
        kind = "工作日" if calendar.is_workday(today) else "休息日"
        parts = [f"{today:%Y年%m月%d日} 星期{WEEKDAYS[today.weekday()]}", kind,
                 self.desk.center_name()]
        if self.desk.account:
            parts.append(f"当前用户：{self.desk.account.name}（{self.desk.account.role_label}）")
        if self._entries_pending:  # the items come with the menus, right after the window shows
            return "　|　".join(parts)
        for item in status_items():
            text = item.text_of(self.desk)
            if text:
                parts.append(text)
        return "　|　".join(parts)

    def refresh_status(self) -> None:
        self.status_label.setText(self.status_text())

    # -- state ------------------------------------------------------------------------------
    def show_tab(self, title: str) -> None:
        for index in range(self.tabs.count()):
            if self.tabs.tabText(index) == title:
                self.tabs.setCurrentIndex(index)

    def _restore_state(self) -> None:
        geometry = self.prefs.geometry()
        if should_maximise(self):
            # A laptop or an old monitor: the whole screen, so the status bar and the bottom
            # buttons are never below its edge. Elsewhere the saved geometry, clamped on show.
            self._maximised = True  # ``show`` shows it maximised
        elif geometry is not None:
            self.restoreGeometry(geometry)
        last = self.prefs.last_tab()
        if 0 <= last < self.tabs.count():
            self.tabs.setCurrentIndex(last)
        # Only the tab the user sees is built before showing (``ui.lazy_tabs``, at the app's start).
        self.tabs.ensure_built(self.tabs.currentIndex())
        self.tabs.currentWidget().setFocus()  # Qt's OtherFocusReason

    def show(self) -> None:
        """Maximised on a laptop or an old monitor (``_restore_state``): ``showMaximized`` rather
        than a window state set before, which needs Qt's namespace (all 93 of its enums, ~19 ms
        before the first paint; issue 17)."""
        if self._maximised:
            self.showMaximized()
        else:
            super().show()

    def save_state(self) -> None:
        self.prefs.set("window/geometry", self.saveGeometry())
        self.prefs.set("window/last_tab", self.tabs.currentIndex())

    def closeEvent(self, event: QCloseEvent) -> None:
        resume_screen_fit()
        self.save_state()
        super().closeEvent(event)
