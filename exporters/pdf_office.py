"""Word exports as PDF through LibreOffice, where it is installed: the PDF is the Word
document's own layout (GB/T 9704 page, fields, sections), not a second drawing of it."""
from __future__ import annotations

import io
import tempfile
from pathlib import Path

from exporters.atomic import ExportError, write_atomically
from exporters.output_checks import pdf_check
from models.i18n import _tr
from models.received import soffice

NO_LIBREOFFICE = ("导出 PDF 需要 LibreOffice（soffice），本机没有安装。"
                  "请导出为 Word（.docx），在 Word 或 WPS 中打开后“另存为 PDF”。")


def check_pdf_possible() -> None:
    """Refuse early, saying what to do instead, when LibreOffice is not installed."""
    if soffice.find_soffice() is None:
        raise ExportError(_tr(NO_LIBREOFFICE))


def write_office_pdf(docx: bytes, path: Path | str) -> None:
    """Convert a .docx made in memory to PDF with LibreOffice and write it whole or not at
    all; a conversion that fails is an ExportError with LibreOffice's reason."""
    check_pdf_possible()
    from pypdf import PdfReader
    with tempfile.TemporaryDirectory(prefix="metrology-pdf-") as work:
        source = Path(work) / "document.docx"
        source.write_bytes(docx)
        try:
            pdf = soffice.convert(source, "pdf", Path(work)).read_bytes()
        except soffice.ConversionError as exc:
            raise ExportError(str(exc)) from exc
    if not pdf.startswith(b"%PDF-"):
        raise ExportError(_tr("LibreOffice 生成的文件不是 PDF，未保存。"))
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    write_atomically(path, pdf, pdf_check(pages))
