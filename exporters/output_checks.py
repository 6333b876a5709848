"""Reopen a written file with its own kind of reader before it is renamed into place."""
from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

from exporters.atomic import OutputCheckFailed
from models.i18n import _tr

WORD_PARTS = ("[Content_Types].xml", "word/document.xml")
EXCEL_PARTS = ("[Content_Types].xml", "xl/workbook.xml")


def zip_check(required: Iterable[str]) -> Callable[[Path], None]:
    """A check that the file is a whole zip package (every member's CRC) holding these parts."""
    needed = tuple(required)

    def check(path: Path) -> None:
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
                bad = archive.testzip()
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as exc:
            raise OutputCheckFailed(_tr("文件不是完整的压缩包（{0}）").format(exc)) from exc
        if bad is not None:
            raise OutputCheckFailed(_tr("压缩包成员“{0}”已损坏").format(bad))
        missing = [name for name in needed if name not in names]
        if missing:
            raise OutputCheckFailed(_tr("缺少 {0}").format("、".join(missing)))
    return check


check_docx = zip_check(WORD_PARTS)
check_xlsx = zip_check(EXCEL_PARTS)


def pdf_check(pages: int) -> Callable[[Path], None]:
    """A check that the PDF has its trailer and cross-reference table and the expected pages."""
    def check(path: Path) -> None:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
        data = path.read_bytes()
        if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
            raise OutputCheckFailed(_tr("PDF 文件不完整（缺少文件头或结尾）"))
        try:
            found = len(PdfReader(io.BytesIO(data), strict=True).pages)
        except (PdfReadError, ValueError, KeyError, OSError) as exc:
            raise OutputCheckFailed(_tr("PDF 无法读取（{0}）").format(exc)) from exc
        if found != pages:
            raise OutputCheckFailed(_tr("PDF 有 {0} 页，应为 {1} 页").format(found, pages))
    return check


def ics_check(events: int) -> Callable[[Path], None]:
    """A check that the calendar file parses and holds the expected number of events."""
    def check(path: Path) -> None:
        from icalendar import Calendar
        try:
            calendar = Calendar.from_ical(path.read_bytes())
        except (ValueError, IndexError, KeyError) as exc:
            raise OutputCheckFailed(_tr("日历文件无法解析（{0}）").format(exc)) from exc
        found = len(calendar.walk("VEVENT"))
        if found != events:
            raise OutputCheckFailed(_tr("日历中有 {0} 个事件，应为 {1} 个").format(found, events))
    return check


def xlsx_bytes(workbook) -> bytes:
    """An openpyxl Workbook saved in memory, this program named as its author."""
    from resources import DISTRIBUTION
    workbook.properties.creator = DISTRIBUTION
    workbook.properties.lastModifiedBy = DISTRIBUTION
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
