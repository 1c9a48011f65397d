"""The banner at the top of the main window while no account has a password.

Without any password nobody logs in, anyone can act as anyone, and nobody can approve lookups,
unmasked exports or leave (``store.accounts.account.can_approve``). A demo folder may stay like that for
practice, and says so; a real folder is told to set passwords. The banner sits in the menu bar's
corner, so it takes no room from the tabs.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from dutydesk.desk import Desk
from dutydesk.store.accounts.login import login_required
from dutydesk.ui.events import DeskEvents

DEMO_TEXT = "演示数据：账户未设密码，仅供练习"
REAL_TEXT = "账户未设密码：请在“账户与权限”中设置"
DETAIL = ("没有密码的账户不能批准查阅档案、导出完整信息、批准请假或代人签到；"
          "任何账户设置密码后，值班台启动时须登录。")


def banner_text(desk: Desk) -> str:
    """What the banner says now ("" when it is hidden)."""
    if login_required():
        return ""
    return DEMO_TEXT if desk.folder.is_demo() else REAL_TEXT


class PasswordBanner(QLabel):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setAccessibleName("密码提示")
        self.setToolTip(DETAIL)
        self.setStyleSheet("background: #FFF4D6; color: #7A4F00; padding: 0px 8px;")
        self.refresh()

    def refresh(self) -> None:
        text = banner_text(self.desk)
        self.setText(text)
        self.setVisible(bool(text))


def install_password_banner(window: QMainWindow, desk: Desk, events: DeskEvents) -> PasswordBanner:
    """Put the banner on ``window`` and keep it current as accounts change."""
    banner = PasswordBanner(desk, window)
    banner.setMaximumHeight(window.menuBar().sizeHint().height())  # never taller than the menus
    window.menuBar().setCornerWidget(banner)  # the top right corner
    events.account_changed.connect(banner.refresh)
    events.changed.connect(lambda _kind: banner.refresh())
    return banner
