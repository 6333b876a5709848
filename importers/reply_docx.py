"""Reading a unit's reply in Word: every table whose header row matches the attachment's
columns, wherever it stands in the document (bare, or inside a letter)."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from docx import Document as open_document
from docx.oxml.ns import qn

from importers.docx_reader import drop_hidden_text, grid_rows, table_rows
from importers.reply_headers import Aliases
from importers.reply_tables import GridMarks, ReplyReading, finish_reading, take_grid
from models.i18n import _tr
from models.received import soffice
from models.received.file_kinds import (
    ENCRYPTED,
    WORD_LIMITS,
    FileKind,
    FileRefused,
    UnsafePackage,
    check_readable_file,
    sniff,
)
from models.received.package_check import PackageRefused, check_package, kind_words

MAX_REPLY_BYTES = 50 * 1024 * 1024
"""A reply letter may carry a photograph or two; beyond this it is no reply table."""


def _package_problem(path: Path) -> str | None:
    """Why a Word package cannot be read safely (see models/received/package_check.py), or
    is no Word document though named one (a .docm, a template, Strict Open XML …)."""
    try:
        package = check_package(path, WORD_LIMITS)
    except PackageRefused as exc:
        return _tr("“{0}”：{1}").format(path.name, exc)
    except OSError as exc:
        return _tr("无法读取“{0}”：{1}").format(path.name, exc.strerror or exc)
    if package.kind != "docx":
        return _tr("“{0}”实际是{1}，不是 Word 文档（.docx），无法读取活动安排表。请在 Word 或 WPS "
                   "中打开它，“另存为”Word 文档（.docx）后再导入。").format(
            path.name, kind_words(package.kind))
    return None


def _kind_problem(name: str, kind: FileKind | str) -> str:
    """The message for a file that is not a Word document we can read."""
    if isinstance(kind, UnsafePackage):
        return _tr("“{0}”：{1}").format(name, kind)
    if isinstance(kind, str):
        if kind == ENCRYPTED:
            return _tr("“{0}”设置了打开密码（已加密），无法读取。"
                       "请在 Word/WPS 中取消密码并另存为 .docx 后再导入。").format(name)
        return _tr("“{0}”不是 Word 文档（内容是{1}），无法读取活动安排表。").format(name, kind)
    return _tr("“{0}”是 {1} 文件，不是 Word 文档，无法读取活动安排表。").format(
        name, kind.value.upper())


def _as_docx(path: Path, workdir: Path, reading: ReplyReading) -> Path | None:
    """The .docx to read: the file itself, or a Word 97-2003/RTF file converted by
    LibreOffice; None (with the reason in reading) when there is none."""
    try:
        check_readable_file(path, MAX_REPLY_BYTES)
        kind = sniff(path)
    except FileRefused as exc:
        reading.error(str(exc))
        return None
    except OSError as exc:
        reading.error(_tr("无法读取“{0}”：{1}").format(path.name, exc.strerror or exc))
        return None
    if kind in (FileKind.DOC, FileKind.RTF):
        source = workdir / f"reply{'.rtf' if kind == FileKind.RTF else '.doc'}"
        shutil.copyfile(path, source)
        try:
            converted = soffice.convert(source, "docx", workdir)
        except soffice.ConversionUnavailable:
            reading.error(_tr("“{0}”是 Word 97-2003 格式（.doc）。本机没有 LibreOffice，无法转换："
                              "请在 Word 或 WPS 中打开它，“另存为”Word 文档（.docx）后再导入。"
                              ).format(path.name))
            return None
        except soffice.ConversionError as exc:
            reading.error(_tr("“{0}”无法转换为 .docx：{1}").format(
                path.name, str(exc).replace(source.name, path.name)))  # not the copy's name
            return None
        problem = _package_problem(converted)  # what the conversion made is held to the limits
        if problem:
            reading.error(problem.replace(converted.name, path.name))
            return None
        return converted
    if kind != FileKind.DOCX:  # sniff read the package through: a DOCX passed its checks
        reading.error(_kind_problem(path.name, kind))
        return None
    return path


_OFF = ("0", "false", "none")


_STRUCK = (qn("w:strike"), qn("w:dstrike"))
_HIDDEN = (qn("w:vanish"),)


def _marked(run, tags: tuple[str, ...]) -> bool:
    """Whether a run's properties switch on one of these marks (strike, hidden)."""
    props = run.find(qn("w:rPr"))
    if props is None:
        return False
    return any(mark is not None and mark.get(qn("w:val"), "1").lower() not in _OFF
               for mark in map(props.find, tags))


def row_marks(tbl) -> GridMarks:
    """The 0-based rows (as grid_rows counts them) whose every run with text is struck
    through, or hidden (Word's 隐藏文字)."""
    struck: set[int] = set()
    hidden: set[int] = set()
    hidden_text: dict[int, str] = {}
    for index, tr in enumerate(table_rows(tbl)):
        runs = [r for r in tr.iter(qn("w:r")) if "".join(t.text or "" for t in r.iter(qn("w:t")))
                .strip()]
        if runs and all(_marked(r, _HIDDEN) for r in runs):
            hidden.add(index)
            hidden_text[index] = " ".join(
                "".join(t.text or "" for t in tc.iter(qn("w:t"))).strip()
                for tc in tr.iter(qn("w:tc")))
        elif runs and all(_marked(r, _STRUCK) for r in runs):
            struck.add(index)
    return GridMarks(hidden_rows=frozenset(hidden), struck_rows=frozenset(struck),
                     hidden_text=hidden_text)


def read_reply_docx(path: Path | str, aliases: Aliases | None = None) -> ReplyReading:
    """The activity rows of every matching table in a Word reply, with every problem found;
    never raises for a bad file."""
    path = Path(path)
    reading = ReplyReading(path)
    with tempfile.TemporaryDirectory(prefix="metrology-reply-") as work:
        docx = _as_docx(path, Path(work), reading)
        if docx is None:
            return reading
        try:
            document = open_document(str(docx))
        except Exception as exc:  # noqa: BLE001 - any damage is reported, never raised
            reading.error(_tr("Word 文档已损坏或格式无法识别，无法读取（{0}）。").format(
                type(exc).__name__))
            return reading
    marks = [row_marks(tbl) for tbl in document.element.body.iter(qn("w:tbl"))]  # hidden rows
    drop_hidden_text(document)  # before the text inside visible rows is read
    seen: list[tuple[str, list[str]]] = []
    tables: dict[tuple[tuple[str, ...], ...], int] = {}
    for number, tbl in enumerate(document.element.body.iter(qn("w:tbl")), 1):
        grid = grid_rows(tbl)
        key = tuple(tuple(row) for row in grid)
        if any(any(cell for cell in row) for row in grid) and key in tables:
            reading.warn(_tr("第 {0} 个表格与第 {1} 个表格完全相同，只读取一次。").format(
                number, tables[key]))
            continue
        tables.setdefault(key, number)
        take_grid(reading, seen, grid, _tr("第 {0} 个表格").format(number),
                  lambda col: _tr("第 {0} 列").format(col + 1), aliases, marks[number - 1])
    finish_reading(reading, seen, aliases)
    return reading
