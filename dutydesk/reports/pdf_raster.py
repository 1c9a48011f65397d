"""PDF pages as images: what the print preview shows and the printer receives, and the screenshots.

Printing the rendered pages of the very PDF that "save as PDF" writes keeps paper and file
identical (one layout, drawn once by reportlab). pypdfium2 ships as a wheel on every platform,
so no system tool (poppler, Ghostscript) is needed on the desk PC.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image


def render_pages(pdf: Path, dpi: int = 150) -> list[Image.Image]:
    """Each page of ``pdf`` as an RGB image at ``dpi``."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        images = []
        for index in range(len(document)):
            page = document[index]
            images.append(page.render(scale=dpi / 72).to_pil().convert("RGB"))
            page.close()
        return images
    finally:
        document.close()


def page_count(pdf: Path) -> int:
    document = pdfium.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def save_png(pdf: Path, out: Path, dpi: int = 110) -> Path:
    """The first page of ``pdf`` as a PNG (for README screenshots)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    render_pages(pdf, dpi)[0].save(out)
    return out
