"""Issue 16: first start asks for the division code and creates the center's key pair."""

from PySide6.QtWidgets import QLineEdit, QPushButton

from dutydesk.store.center import load_center
from dutydesk.store.center_keys import PRIVATE_FILE, PUBLIC_FILE
from dutydesk.ui.startup import open_for_gui
from tests.ui.helpers import by_name, type_text, when_modal


def test_first_start_saves_the_division_code_and_creates_the_key_pair(qtbot, app, folder, clock):
    def answer(dialog):
        for label, text in {"服务中心名称": "青石村党群服务中心", "所属乡镇/街道": "桃源镇",
                            "统计用区划代码": "３５０４２５１００２０１", "地址": "村部一楼",
                            "服务电话": "0571-63281234", "监督电话": "0571-63285678",
                            "管理员账户名": "王芳", "管理员密码": "8642", "再次输入密码": "8642"}.items():
            type_text(qtbot, by_name(dialog, label, QLineEdit), text)
        by_name(dialog, "确定", QPushButton).click()

    when_modal(answer)
    opened = open_for_gui(folder, clock)
    assert opened is not None
    try:
        assert load_center().division_code == "350425100201"  # full-width digits taken (V09)
        assert (folder.path / PRIVATE_FILE).exists() and (folder.path / PUBLIC_FILE).exists()
    finally:
        opened.close()
