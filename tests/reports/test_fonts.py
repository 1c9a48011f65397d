"""PDFs carry every Chinese character a name may contain, as text, in an embedded font."""

from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from dutydesk.reports.fonts import CJK_FONT, register_cjk_font
from dutydesk.resources_path import cjk_font_path

RARE_NAMES = "张三 王堃 李喆 赵犇 孙燚 周昇 吴淼 郑玥 冯赟"


def embedded_fonts(reader: PdfReader) -> list[str]:
    names = []
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            if descriptor is not None:
                descriptor = descriptor.get_object()
                if any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    names.append(str(font["/BaseFont"]))
    return names


def test_pdf_contains_rare_name_characters_as_text_with_embedded_font(tmp_path):
    font = register_cjk_font()
    path = tmp_path / "names.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont(font, 16)
    pdf.drawString(60, 760, RARE_NAMES)
    pdf.save()
    reader = PdfReader(str(path))
    text = reader.pages[0].extract_text()
    for ch in "张三堃喆犇燚昇淼玥赟":
        assert ch in text
    assert embedded_fonts(reader), "the CJK font must be embedded, not referenced"


def test_bundled_font_covers_gbk():
    """Every GBK character has a glyph (no boxes for names), except three phonetic symbols."""
    face = TTFont("coverage-check", str(cjk_font_path()), subfontIndex=0).face
    cmap = face.charToGlyph
    missing = []
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                ch = bytes([lead, trail]).decode("gbk")
            except UnicodeDecodeError:
                continue
            if not 0xE000 <= ord(ch) <= 0xF8FF and ord(ch) not in cmap:
                missing.append(ch)
    # U+2609 SUN and two IPA letters used only in pinyin dictionaries; never in a name.
    assert sorted(missing) == sorted(["☉", "ɑ", "ɡ"])


def test_register_is_idempotent():
    assert register_cjk_font() == register_cjk_font() == CJK_FONT
