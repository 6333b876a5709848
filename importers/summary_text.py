"""The text of a unit's summary (Word, or PDF through its text layer), for suggesting figures."""
from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

from lxml import etree

from importers.docx_reader import paragraph_text
from models.errors import ReadError
from models.i18n import _tr
from models.received.file_kinds import FileKind
from models.received.soffice import ConversionError, convert

MAX_XML_BYTES = 64 * 1024 * 1024
"""word/document.xml beyond this, unpacked, is no summary (a zip bomb)."""
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(path: Path) -> str:
    """Every paragraph of a .docx, tables included, one per line; ReadError saying why not."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > MAX_XML_BYTES:
                raise ReadError(_tr("“{0}”的正文过大，未读取。").format(path.name))
            xml = archive.read(info)
        root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False,
                                                             no_network=True, huge_tree=False))
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, RuntimeError,
            NotImplementedError) as exc:
        raise ReadError(_tr("“{0}”不是可读取的 Word 文档（{1}）。").format(path.name, exc)) from exc
    return "\n".join(paragraph_text(p) for p in root.iter(f"{_W}p"))


def pdf_text(path: Path) -> str:
    """The text layer of a PDF; ReadError when it is damaged, encrypted or has no text (a scan)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise ReadError(_tr("“{0}”已加密，无法读取文字。").format(path.name))
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except (OSError, PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise ReadError(_tr("“{0}”不是可读取的 PDF（{1}）。").format(path.name, exc)) from exc
    if not text.strip():
        raise ReadError(_tr("“{0}”没有文字层（可能是扫描件），无法识别数据。").format(path.name))
    return text


def summary_text(path: Path, kind: FileKind, name: str = "") -> str:
    """The text of a received summary of a kind; ReadError saying why there is none."""
    name = name or path.name
    if kind == FileKind.DOCX:
        return docx_text(path)
    if kind == FileKind.PDF:
        return pdf_text(path)
    if kind in (FileKind.DOC, FileKind.RTF):
        with tempfile.TemporaryDirectory(prefix="metrology-summary-") as folder:
            copy = Path(folder) / f"summary.{kind.value}"
            copy.write_bytes(path.read_bytes())
            try:
                return docx_text(convert(copy, "docx", Path(folder)))
            except ConversionError as exc:
                raise ReadError(_tr("“{0}”是旧版 Word 文件，需要 LibreOffice 转换后才能读取："
                                    "{1}").format(name, exc)) from exc
    raise ReadError(_tr("“{0}”是图片，没有可识别的文字。").format(name))
