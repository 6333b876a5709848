"""What format a reply comes in, from its content (its name only when the content says
nothing), and reading the formats we do not read ourselves — .odt, .ods, .xls, .et — through
LibreOffice, the way a .doc already is (within its time limit)."""
from __future__ import annotations

import shutil
import tempfile
import zipfile
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from importers.reply_tables import ReplyReading
from models.i18n import _tr
from models.received import soffice
from models.received.file_kinds import (
    ENCRYPTED,
    FileKind,
    FileRefused,
    check_readable_file,
    sniff,
)

MAX_CONVERTED_BYTES = 50 * 1024 * 1024
"""A reply table saved by another suite is small; beyond this it is no reply."""


class ReplyFormat(StrEnum):
    """The formats a reply may come in."""

    WORKBOOK = "xlsx"
    WORD = "docx"
    OLD_WORD = "doc"  # also WPS 文字 .wps and RTF: read_reply_docx converts them itself
    ODT = "odt"
    ODS = "ods"
    OLD_SHEET = "xls"  # also WPS 表格 .et
    PDF = "pdf"
    OTHER = "other"


CONVERTED: dict[ReplyFormat, str] = {ReplyFormat.ODT: "docx", ReplyFormat.ODS: "xlsx",
                                      ReplyFormat.OLD_SHEET: "xlsx"}
"""Formats read after LibreOffice saves them as a format of ours."""

_ODF_TYPES = {b"application/vnd.oasis.opendocument.text": ReplyFormat.ODT,
              b"application/vnd.oasis.opendocument.spreadsheet": ReplyFormat.ODS}
_KINDS = {FileKind.PDF: ReplyFormat.PDF, FileKind.DOCX: ReplyFormat.WORD,
          FileKind.DOC: ReplyFormat.OLD_WORD, FileKind.RTF: ReplyFormat.OLD_WORD}
_SUFFIXES = {".xlsx": ReplyFormat.WORKBOOK, ".docx": ReplyFormat.WORD,
             ".doc": ReplyFormat.OLD_WORD, ".wps": ReplyFormat.OLD_WORD,
             ".rtf": ReplyFormat.OLD_WORD, ".odt": ReplyFormat.ODT, ".ods": ReplyFormat.ODS,
             ".xls": ReplyFormat.OLD_SHEET, ".et": ReplyFormat.OLD_SHEET,
             ".pdf": ReplyFormat.PDF}


def _odf_format(path: Path) -> ReplyFormat | None:
    """ODT or ODS for an OpenDocument package, from its mimetype entry."""
    try:
        with zipfile.ZipFile(path) as archive:
            if "mimetype" not in archive.namelist():
                return None
            with archive.open("mimetype") as handle:
                kind = handle.read(100).strip()
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, KeyError):
        return None
    return _ODF_TYPES.get(kind)


def reply_format(path: Path) -> ReplyFormat:
    """The format of a reply from its content; a file whose content is none we know is read
    as its name says (Word) or as a workbook, so that reader says what is wrong with it."""
    try:
        kind = sniff(path) if path.is_file() else None
    except OSError:
        kind = None
    if kind in _KINDS:
        return _KINDS[kind]
    if isinstance(kind, FileKind):  # a picture
        return ReplyFormat.OTHER
    if kind == _tr("OpenDocument 文件"):
        return _odf_format(path) or ReplyFormat.OTHER
    if kind == _tr("Excel 97-2003 工作簿"):
        return ReplyFormat.OLD_SHEET
    if kind == ENCRYPTED and path.suffix.lower() in (".xls", ".et", ".xlsx"):
        return ReplyFormat.WORKBOOK
    if not isinstance(kind, FileKind) and _SUFFIXES.get(path.suffix.lower()) in (
            ReplyFormat.WORD, ReplyFormat.OLD_WORD):
        return ReplyFormat.WORD
    return ReplyFormat.WORKBOOK


def _format_name(fmt: ReplyFormat) -> tuple[str, str]:
    """A format's name for messages, and what to save it as instead."""
    word = _tr("Word 文档（.docx）")
    sheet = _tr("Excel 工作簿（.xlsx）")
    return {ReplyFormat.ODT: (_tr("OpenDocument 文本（.odt）"), word),
            ReplyFormat.ODS: (_tr("OpenDocument 表格（.ods）"), sheet),
            ReplyFormat.OLD_SHEET: (_tr("Excel 97-2003 工作簿（.xls/.et）"), sheet)}[fmt]


def pdf_refusal(path: Path) -> str:
    """Why a PDF reply is not read, and what to ask for instead."""
    return _tr("“{0}”是 PDF 文件，无法从中读取表格。请向该单位索取 Word 或 Excel 格式的原文件，"
               "或把活动录入下发的模板后再导入。").format(path.name)


def read_converted(path: Path, fmt: ReplyFormat,
                   read: Callable[[Path], ReplyReading]) -> ReplyReading:
    """A reply in a format LibreOffice saves as one of ours, read with `read` from the copy
    it makes; the reading names the file the user chose. Without LibreOffice, or when it
    fails, the reading says so and what to save the file as."""
    name, save_as = _format_name(fmt)
    try:
        check_readable_file(path, MAX_CONVERTED_BYTES)
    except FileRefused as exc:
        return _refused(path, str(exc))
    except OSError as exc:
        return _refused(path, _tr("无法读取“{0}”：{1}").format(path.name, exc.strerror or exc))
    with tempfile.TemporaryDirectory(prefix="metrology-reply-") as work:
        source = Path(work) / f"reply.{fmt.value}"
        shutil.copyfile(path, source)
        try:
            converted = soffice.convert(source, CONVERTED[fmt], Path(work))
        except soffice.ConversionUnavailable:
            return _refused(path, _tr("“{0}”是{1}。本机没有 LibreOffice，无法转换：请在 WPS 或 "
                                      "Office 中打开它，“另存为”{2}后再导入。").format(
                path.name, name, save_as))
        except soffice.ConversionError as exc:
            return _refused(path, _tr("“{0}”（{1}）无法转换：{2}").format(path.name, name, exc))
        reading = read(converted)
    reading.path = path
    return reading


def _refused(path: Path, message: str) -> ReplyReading:
    """A reading with only its refusal."""
    reading = ReplyReading(path)
    reading.error(message)
    return reading
