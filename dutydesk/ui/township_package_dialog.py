"""工具 → 导入镇（街道）数据包…: choose the folder (or USB stick) the township's package is on,
see everything it would change here, and apply it with 确认导入 (issue 16, the channel back down).

The first package asks to tick that the township's key fingerprint was checked with the
township; a package signed by another key needs a director's name and password. The work is
``township.package_import``; the status bar names the township's last decision on a month.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.store.accounts.account import ApproverRefused, approver_accounts, verify_approver
from dutydesk.store.audit import RecordLocked
from dutydesk.store.faults import plain_message
from dutydesk.township.package import PackageError
from dutydesk.township.package_import import CHANGED_KEY, FIRST_KEY, PackagePlan, apply_plan, plan_import
from dutydesk.ui.forms import (
    FormField,
    account_box,
    add_field,
    button_row,
    message_label,
    password_edit,
    push_button,
    show_errors,
)
from dutydesk.ui.menu_context import MenuContext
from dutydesk.ui.township_decision_status import decision_status_text

__all__ = ["TownshipPackageDialog", "decision_status_text", "open_township_package"]

KEY_CHECKED = "已与镇里核对密钥指纹"


class TownshipPackageDialog(QDialog):
    """The preview of one package; 确认导入 applies all of it in one transaction."""

    def __init__(self, desk: Desk, plan: PackagePlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.plan = desk, plan
        self.applied = False
        self.fields: dict[str, FormField] = {}
        self.setWindowTitle(f"导入{plan.township}数据包")
        self._build()
        self.resize(820, 600)

    def _build(self) -> None:
        plan = self.plan
        layout = QVBoxLayout(self)
        intro = QLabel("以下是数据包中与本中心有关的全部内容。核对无误后点“确认导入”，所有改动一次写入；"
                       "同一个数据包不会重复导入。")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.lines = QListWidget()
        self.lines.setAccessibleName("导入内容")
        self.lines.setWordWrap(True)
        self.lines.addItems(plan.lines())
        layout.addWidget(self.lines, 1)
        self.key_checked: QCheckBox | None = None
        if plan.already is None and plan.key_status == FIRST_KEY:
            self.key_checked = QCheckBox(f"{KEY_CHECKED}（{plan.content.manifest.fingerprint}）")
            self.key_checked.setAccessibleName(KEY_CHECKED)
            layout.addWidget(self.key_checked)
        if plan.already is None and plan.key_status == CHANGED_KEY:
            form = QFormLayout()
            self.director = account_box(approver_accounts())
            self.password = password_edit()
            self.fields = {"director": add_field(form, FormField("确认新密钥的主任", self.director)),
                           "password": add_field(form, FormField("主任密码", self.password))}
            layout.addLayout(form)
        self.message = message_label("导入结果")
        layout.addWidget(self.message)
        self.go = push_button("确认导入", self.apply, primary=True)
        self.go.setEnabled(plan.already is None)
        layout.addLayout(button_row(push_button("关闭", self.reject), self.go))

    def apply(self) -> None:
        if self.key_checked is not None and not self.key_checked.isChecked():
            self.message.setText(f"请先与镇里电话或书面核对密钥指纹，无误后勾选“{KEY_CHECKED}”")
            return
        director = None
        if self.fields:
            try:
                director = verify_approver(str(self.director.currentData() or ""), self.password.text(),
                                           self.desk.now())
            except ApproverRefused as exc:
                show_errors(self.fields, exc.errors)
                return
            finally:
                self.password.clear()
            show_errors(self.fields, {})
        try:
            apply_plan(self.desk, self.plan, key_confirmed=True, director=director)
        except (PackageError, RecordLocked) as exc:
            self.message.setText(f"{exc}")
            return
        except Exception as exc:  # a full disk, a locked database: said plainly, nothing half-written
            text = plain_message(exc, self.desk.folder.db_path)
            if text is None:
                raise
            self.message.setText(text)
            return
        self.applied = True
        self.go.setEnabled(False)
        self.message.setText(f"已导入{self.plan.township}的数据包：{len(self.plan.changes)}项改动")


def open_township_package(context: MenuContext, folder: Path | None = None) -> bool:
    """The whole menu action (工具 → 导入镇（街道）数据包…); True when a package was applied."""
    desk, window = context.desk, context.window
    if folder is None:
        chosen = QFileDialog.getExistingDirectory(window, "选择镇（街道）数据包所在的文件夹或U盘", str(Path.home()))
        if not chosen:
            return False
        folder = Path(chosen)
    try:
        plan = plan_import(desk, folder)
    except PackageError as exc:
        QMessageBox.warning(window, "无法导入", f"{exc}\n\n没有任何改动。")
        return False
    dialog = TownshipPackageDialog(desk, plan, window)
    dialog.exec()
    applied = dialog.applied
    dialog.deleteLater()
    if applied:
        context.changed("township_package")
    return applied
