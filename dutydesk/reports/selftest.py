"""The print self-test page: proves on a given PC that PDFs render Chinese with the bundled font.

Support asks a front desk to print this page when slips come out with boxes instead of characters
or at the wrong size. It names the font file actually used (inside the frozen bundle, the wheel or
the checkout), shows common and rarer name characters, and draws a 10 cm line to check that the
printer does not scale the page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas

from dutydesk import APP_TITLE, __version__
from dutydesk.reports.fonts import register_cjk_font
from dutydesk.resources_path import cjk_font_path
from dutydesk.store.atomic import atomic_path

TITLE = "值班台打印自检页"
# What a front desk prints every day, plus characters common in village names that thin fonts miss.
SAMPLE_LINES = (
    "来访登记 一次性告知 代办跟踪 值班考勤 限时办结",
    "党群服务中心 便民服务站 村（社区）委员会",
    "常见姓名用字：王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 胡 朱 高 林 何 郭 马 罗",
    "较少见的用字：犇 鑫 淼 垚 堃 喆 昇 琇 甯 玥 翀 赟 骉 燚",
    "数字与证件号：0123456789  110101199003074514  0571-63281234",
    "标点：，。、；：？！“”‘’（）《》【】——……",
)
RULER_LENGTH_CM = 10


@dataclass(frozen=True)
class SelftestPage:
    path: Path
    font_name: str
    font_file: Path


def write_selftest_pdf(target: Path, printed_at: dt.datetime) -> SelftestPage:
    """Write the self-test page to ``target`` (atomically) and say which font it embedded."""
    font = register_cjk_font()
    font_file = cjk_font_path()
    with atomic_path(target) as tmp:
        canvas = Canvas(str(tmp), pagesize=A4, invariant=1)
        canvas.setTitle(TITLE)
        canvas.setAuthor(APP_TITLE)
        _width, height = A4
        left = 2 * cm
        y = height - 2.5 * cm
        canvas.setFont(font, 20)
        canvas.drawString(left, y, TITLE)
        y -= 1.0 * cm
        canvas.setFont(font, 11)
        for line in (
            f"软件：{APP_TITLE} 版本 {__version__}",
            f"生成时间：{printed_at:%Y-%m-%d %H:%M}",
            f"内嵌字体：文泉驿微米黑（{font_file.name}）",
            f"字体位置：{font_file}",
        ):
            canvas.drawString(left, y, line)
            y -= 0.65 * cm
        y -= 0.5 * cm
        canvas.setFont(font, 13)
        canvas.drawString(left, y, "如果下面的文字都清楚、没有方框或乱码，说明中文打印正常：")
        y -= 0.9 * cm
        canvas.setFont(font, 14)
        for line in SAMPLE_LINES:
            canvas.drawString(left, y, line)
            y -= 0.8 * cm
        y -= 0.8 * cm
        canvas.setFont(font, 11)
        canvas.drawString(
            left, y, f"下面这条线应当正好 {RULER_LENGTH_CM} 厘米长；若不是，请在打印对话框中选择“实际大小”。"
        )
        y -= 0.8 * cm
        canvas.setLineWidth(1)
        canvas.line(left, y, left + RULER_LENGTH_CM * cm, y)
        for tick in range(RULER_LENGTH_CM + 1):
            canvas.line(left + tick * cm, y, left + tick * cm, y + (0.4 if tick % 5 == 0 else 0.25) * cm)
        canvas.showPage()
        canvas.save()
    return SelftestPage(target, font, font_file)
