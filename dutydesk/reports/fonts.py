"""The CJK font for every PDF: the bundled WenQuanYi Micro Hei, embedded (subset) in each file.

Office PCs differ in installed fonts and many printers have none, so PDFs never rely on a font
being present: reportlab embeds the glyphs it uses from the shipped TrueType collection.
"""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from dutydesk.resources_path import cjk_font_path

CJK_FONT = "DutyDeskCJK"


def register_cjk_font() -> str:
    """Register the font with reportlab once; return the name to use in styles and canvases."""
    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(CJK_FONT, str(cjk_font_path()), subfontIndex=0))
        # Bold/italic map to the same face so <b> in Paragraphs never falls back to Helvetica.
        from reportlab.lib.fonts import addMapping

        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(CJK_FONT, bold, italic, CJK_FONT)
    return CJK_FONT
