"""A PDF summary's pages as pictures for the book, rendered with pypdfium2 (PDFium, the
engine of Chrome's viewer, with wheels for Windows and Linux: no program to install or
start)."""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

RENDER_DPI = 150
MAX_SIDE_PX = 2600
"""A page larger than A3 is rendered smaller rather than as a picture of tens of MB."""
MAX_PAGES = 80
"""A summary longer than this is no summary; the rest is named in the book."""


class PdfUnreadable(Exception):
    """The PDF could not be opened (damaged, or protected by a password); the message says
    which, in the book's language (Chinese)."""


_WHY = {2: "文件无法打开", 3: "文件已损坏或不是 PDF", 4: "设置了打开密码", 5: "加密方式不受支持",
        6: "页面已损坏"}
"""PDFium's error codes (FPDF_ERR_FILE … FPDF_ERR_PAGE) in words."""


def _unreadable(exc: Exception) -> PdfUnreadable:
    """The PdfUnreadable for a PDFium error."""
    return PdfUnreadable(_WHY.get(getattr(exc, "err_code", None), "文件已损坏"))


@dataclass(frozen=True, slots=True)
class PageImage:
    """One rendered page: its picture (PNG or JPEG bytes), pixel size, and orientation."""

    data: bytes
    width_px: int
    height_px: int

    @property
    def landscape(self) -> bool:
        """Wider than high, as the page was printed."""
        return self.width_px > self.height_px


def _encoded(image) -> bytes:
    """The smaller of PNG (text pages) and JPEG (scans, photographs)."""
    png, jpeg = io.BytesIO(), io.BytesIO()
    image.save(png, "PNG", optimize=False)
    image.convert("RGB").save(jpeg, "JPEG", quality=88)
    return min(png.getvalue(), jpeg.getvalue(), key=len)


def page_count(path: Path) -> int:
    """How many pages the PDF has; PdfUnreadable if it cannot be opened."""
    import pypdfium2 as pdfium
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise _unreadable(exc) from exc
    try:
        return len(pdf)
    finally:
        pdf.close()


def render_pages(path: Path, limit: int = MAX_PAGES) -> list[PageImage]:
    """The first pages of a PDF as pictures at 150 dpi, each as the page is shown (rotation
    applied); PdfUnreadable if the file cannot be opened or a page cannot be drawn."""
    import pypdfium2 as pdfium
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise _unreadable(exc) from exc
    pages: list[PageImage] = []
    try:
        for index in range(min(len(pdf), limit)):
            page = pdf[index]
            try:
                width, height = page.get_size()
                scale = min(RENDER_DPI / 72, MAX_SIDE_PX / max(width, height, 1))
                bitmap = page.render(scale=scale, fill_color=(255, 255, 255, 255))
                image = bitmap.to_pil()
                pages.append(PageImage(_encoded(image), image.width, image.height))
            finally:
                page.close()
    except pdfium.PdfiumError as exc:
        raise _unreadable(exc) from exc
    finally:
        pdf.close()
    return pages


def page_texts(path: Path) -> list[str]:
    """The text of each page of a PDF (for finding where the book's headings fell)."""
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(str(path))
    texts: list[str] = []
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            try:
                texts.append(textpage.get_text_range())
            finally:
                textpage.close()
                page.close()
    finally:
        pdf.close()
    return texts
