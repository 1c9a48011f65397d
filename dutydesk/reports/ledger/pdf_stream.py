"""A reportlab canvas that writes each page to the file as soon as the page ends.

reportlab keeps every finished page (its dictionary and content stream) in memory until
``save()`` and then assembles the whole file as one bytes string, so a 40,000-page ledger costs
hundreds of megabytes. Here a page and its content stream are formatted and written to the open
output file the moment the page ends, then forgotten; only two small integer arrays (file offset
of each object, object number of each page) grow with the page count. What is document-wide and
known only at the end (the embedded font subset, the page tree, the "of y" page total) is
written after the last page, followed by the cross-reference table and trailer, exactly as
reportlab would.

Objects a page refers to must already have an object number when the page is written. The
page total is such an object: ``reserve_form`` gives it a number before the first page and
``define_reserved_form`` supplies its content at the end. For the same reason nothing may refer
to a page after it is written (bookmarks, outlines, links to earlier pages): ledgers use none.
"""

from __future__ import annotations

import inspect
import io
import logging
import os
from array import array
from collections.abc import Callable
from typing import Any, BinaryIO

from reportlab.pdfbase.pdfdoc import (
    PDFDocument,
    PDFIndirectObject,
    PDFObject,
    PDFPages,
    PDFTrailer,
    xObjectName,
)
from reportlab.pdfbase.pdfdoc import (
    format as pdf_format,
)
from reportlab.pdfgen.canvas import Canvas

log = logging.getLogger(__name__)

# What reportlab's own PDFDocument methods touch, as reviewed for the versions pyproject allows
# (<6). ``StreamingDocument`` replays them page by page; a method that starts using anything else
# has changed in a way this module does not know, so the public path is taken instead.
_REVIEWED_NAMES = {
    "addPage": {"thisPageName", "Reference", "Pages", "addPage", "pageCounter", "inObject"},
    "GetPDFData": {"delayedFonts", "addObjects", "invariant", "info", "digest", "signature", "Reference",
                   "Catalog", "Outlines", "prepare", "ready", "format"},
    # the object loop, cross-reference table and trailer that SaveToFile writes itself
    "format": {"Catalog", "ID", "PDFCrossReferenceTable", "PDFFile", "PDFIndirectObject", "PDFTrailer",
               "Reference", "ValueError", "__accum__", "__class__", "__name__", "_pdfVersion", "add", "addsection",
               "append", "ascii", "encrypt", "format", "getattr", "idToObject", "idToObjectNumberAndVersion",
               "idToOffset", "info", "invariant", "len", "numberToId", "pdfComments", "prepare", "rl_config", "sign"},
}
_DOCUMENT_ATTRIBUTES = ("idToObjectNumberAndVersion", "idToObject", "numberToId", "objectcounter",
                        "pageCounter", "delayedFonts", "Outlines", "encrypt", "info", "Catalog",
                        "_pdfVersion", "signature", "invariant", "Reference", "thisPageName", "ID")


def streaming_hooks_intact() -> bool:
    """Whether reportlab's private document internals are still what ``StreamingDocument`` swaps
    in for: the reviewed methods use no new names, a canvas keeps its document in ``_doc``, and
    the document, trailer and object-formatting signatures are unchanged."""
    try:
        for method, names in _REVIEWED_NAMES.items():
            if not set(getattr(PDFDocument, method).__code__.co_names) <= names:
                return False
        canvas = Canvas(io.BytesIO())
        doc = canvas._doc
        if type(doc) is not PDFDocument or not all(hasattr(doc, a) for a in _DOCUMENT_ATTRIBUTES):
            return False
        trailer = inspect.signature(PDFTrailer.__init__).parameters
        return {"startxref", "Size", "Root", "Info", "ID"} <= set(trailer) \
            and "toplevel" in inspect.signature(pdf_format).parameters \
            and list(inspect.signature(PDFIndirectObject.__init__).parameters)[1:3] == ["name", "content"]
    except (AttributeError, TypeError, ValueError):
        return False


HEADER_TAIL = b"\n%\223\214\213\236 ReportLab Generated PDF document (opensource)\n"


class _Reserved(PDFObject):
    """Holds an object number for an object whose content is known only at the end."""

    target: PDFObject | None = None

    def format(self, document: PDFDocument) -> bytes:
        if self.target is None:
            raise ValueError("reserved PDF object was never defined")
        return pdf_format(self.target, document, toplevel=1)


class _StreamedPages(PDFPages):
    """The page tree of pages already written: only their object numbers are kept.

    ``StreamingDocument`` writes this object itself, a slice of kids at a time, so a
    100,000-page tree never exists as one string.
    """

    def __init__(self, numbers: array) -> None:
        super().__init__()
        self.numbers = numbers

    def write(self, document: StreamingDocument, number: int) -> int:
        offset = document._write(b"%d 0 obj\n<<\n /Count %d\n /Kids [" % (number, len(self.numbers)))
        for start in range(0, len(self.numbers), 2048):
            document._write(b"".join(b" %d 0 R" % n for n in self.numbers[start:start + 2048]))
        document._write(b" ]\n /Type /Pages\n>>\nendobj\n")
        return offset


class StreamingDocument(PDFDocument):
    """A ``PDFDocument`` that writes finished pages straight to ``path``.

    Not built directly: ``StreamingCanvas`` converts the document its base class made.
    """

    _out: BinaryIO | None
    _offsets: array
    _page_numbers: array
    _path: str

    def _stream_to(self, path: str) -> None:
        self._path = path
        self._out = None
        self._position = 0
        self._offsets = array("Q")  # file offset of each written object, by object number (0: not yet)
        self._page_numbers = array("L")
        self._written_header_version: tuple[int, int] | None = None
        self.Pages = self.Catalog.Pages = _StreamedPages(self._page_numbers)

    # -- output -----------------------------------------------------------------------------
    def _write(self, data: bytes) -> int:
        if self._out is None:
            self._out = open(self._path, "wb")  # noqa: SIM115 - closed by close() / SaveToFile
            self._written_header_version = self._pdfVersion
            self._write(self._header())
        start = self._position
        self._out.write(data)
        self._position += len(data)
        return start

    def _header(self) -> bytes:
        return ("%PDF-{}.{}".format(*self._pdfVersion)).encode("ascii") + HEADER_TAIL

    def _write_object(self, name: str) -> int:
        number = self.idToObjectNumberAndVersion[name][0]
        obj = self.idToObject[name]
        if isinstance(obj, _StreamedPages):
            offset = obj.write(self, number)
        else:
            offset = self._write(PDFIndirectObject(name, obj).format(self))
        if len(self._offsets) <= number:
            self._offsets.extend([0] * (number + 1 - len(self._offsets)))
        self._offsets[number] = offset
        return number

    def _forget(self, name: str) -> None:
        number, _ = self.idToObjectNumberAndVersion.pop(name)
        self.numberToId.pop(number, None)
        self.idToObject.pop(name, None)

    def close(self) -> None:
        """Close the output (also after an error or a cancel; the caller removes the file)."""
        if self._out is not None:
            self._out.close()

    # -- pages ------------------------------------------------------------------------------
    def addPage(self, page: Any) -> None:
        """Register the page as reportlab does, then write it and its content stream now."""
        name = self.thisPageName()
        self.Reference(page, name)
        self.pageCounter += 1
        self.inObject = None
        before = self.objectcounter
        self._page_numbers.append(self._write_object(name))
        # Formatting the page registered its content stream (and, on the first page, the page
        # tree it points to). The content stream is the page's own: write it and forget both.
        for number in range(before + 1, self.objectcounter + 1):
            obj_name = self.numberToId.get(number)
            if obj_name is not None and self.idToObject[obj_name] is page.Contents:
                self._write_object(obj_name)
                self._forget(obj_name)
        self._forget(name)

    # -- the end ----------------------------------------------------------------------------
    def SaveToFile(self, filename: Any, canvas: Canvas) -> None:
        """Write what only the end knows, then the cross-reference table and trailer."""
        for font in self.delayedFonts:
            font.addObjects(self)
        self.info.invariant = self.invariant
        self.info.digest(self.signature)
        self.Reference(self.Catalog)
        self.Reference(self.info)
        self.Outlines.prepare(self, canvas)
        if self.Outlines.ready < 0:
            self.Catalog.Outlines = None
        self.encrypt.prepare(self)
        if self.encrypt.info():
            raise ValueError("encrypted streaming PDFs are not supported")
        number = 0
        while number < self.objectcounter:  # formatting may register further objects
            number += 1
            if number < len(self._offsets) and self._offsets[number]:
                continue
            name = self.numberToId.get(number)
            if name is not None:
                self._write_object(name)
        size = self.objectcounter + 1
        if len(self._offsets) < size:
            self._offsets.extend([0] * (size - len(self._offsets)))
        xref_at = self._write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
        assert self._out is not None
        lines = []
        for number in range(1, size):
            offset = self._offsets[number]
            lines.append(b"%010d 00000 n \n" % offset if offset else b"0000000000 00000 f \n")
            if len(lines) >= 4096:
                self._write(b"".join(lines))
                lines.clear()
        self._write(b"".join(lines))
        trailer = PDFTrailer(startxref=xref_at, Size=size, Root=self.Reference(self.Catalog),
                             Info=self.Reference(self.info), ID=self.ID())
        self._write(trailer.format(self))
        if self._pdfVersion != self._written_header_version:  # a feature raised the version
            self._out.seek(0)
            self._out.write(self._header())
        self._out.flush()
        os.fsync(self._out.fileno())
        self.close()


class StreamingCanvas(Canvas):
    """A ``Canvas`` (for ``doc.build(..., canvasmaker=StreamingCanvas)``) writing pages as they end.

    The filename must be a path: the file is opened when the first page ends.
    """

    def __init__(self, filename: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(filename, *args, **kwargs)
        self._doc.__class__ = StreamingDocument
        self._doc._stream_to(os.fspath(filename))

    def reserve_form(self, name: str) -> None:
        """Give form ``name`` an object number now so pages can use it before it is drawn."""
        self._doc.Reference(_Reserved(), xObjectName(name))

    def define_reserved_form(self, name: str, draw: Callable[[Canvas], None]) -> None:
        """Draw the content of a reserved form (e.g. the page total, known at the end)."""
        real = f"{name}.content"
        self.beginForm(real)
        draw(self)
        self.endForm()
        doc = self._doc
        doc.idToObject[xObjectName(name)].target = doc.idToObject[xObjectName(real)]

    def close(self) -> None:
        self._doc.close()


class BufferedCanvas(Canvas):
    """The public-API twin of ``StreamingCanvas``: reportlab keeps the pages until ``save()``.

    Taken when ``streaming_hooks_intact()`` fails (a reportlab this module was not reviewed
    against): big ledgers then cost memory, but the file is the same. The page total is an
    ordinary form, drawn at the end; pages may refer to it before it exists.
    """

    def reserve_form(self, name: str) -> None:
        """Nothing to reserve: reportlab resolves form references when it saves."""

    def define_reserved_form(self, name: str, draw: Callable[[Canvas], None]) -> None:
        self.beginForm(name)
        draw(self)
        self.endForm()

    def close(self) -> None:
        """Nothing is open before ``save()``."""


STREAMING = streaming_hooks_intact()
if not STREAMING:
    log.warning("reportlab internals changed: ledger PDFs are built in memory (public API)")


def ledger_canvas() -> type[Canvas]:
    """The canvas class ledger PDFs are built with (see ``STREAMING``)."""
    return StreamingCanvas if STREAMING else BufferedCanvas
