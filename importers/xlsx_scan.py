"""One streaming pass over a sheet's XML before openpyxl reads it: size, width, merged ranges,
formulas without a saved result and Excel error values.

openpyxl pads every row to the widest cell and keeps what it reads, so a 500 KB file with one
cell in column XFD on each of 99,000 rows, or 2,000 merges down to row 1,048,576, fills
gigabytes. This pass keeps only counts and the few cells it reports, and stops at the first
limit passed, so a sheet is refused before any of its cells is materialised.
"""
from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.parsers import expat

from openpyxl.utils import column_index_from_string, get_column_letter

from models.i18n import _tr
from models.template_contract import MAX_CELLS, MAX_COLUMNS, MAX_MERGED_CELLS, MAX_MERGES, MAX_ROWS

_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")
_CHUNK = 1 << 20
EXCEL_LAST_COLUMN = 16384
EXCEL_LAST_ROW = 1_048_576
MAX_REPORTED = 50
"""Unreadable cells kept for the report; more are counted, not listed."""


class SheetRefused(Exception):
    """A sheet passes a limit; the message says which and what to do."""


def _ref(text: str) -> tuple[int, int] | None:
    """A cell reference as 1-based (column, row), or None when it is none."""
    match = _REF.fullmatch(text.strip())
    if not match:
        return None
    return column_index_from_string(match.group(1).upper()), int(match.group(2))


def _range(text: str) -> tuple[int, int, int, int] | None:
    """A range like A4:A20 as 1-based (first col, first row, last col, last row)."""
    first, _, last = text.partition(":")
    start, end = _ref(first), _ref(last or first)
    if start is None or end is None:
        return None
    return (min(start[0], end[0]), min(start[1], end[1]),
            max(start[0], end[0]), max(start[1], end[1]))


@dataclass(slots=True)
class SheetScan:
    """What one pass over a sheet found."""

    title: str
    last_row: int = 0
    last_column: int = 0
    cells: int = 0
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    """Merged ranges as 0-based (first col, first row, last col, last row)."""
    merged_cells: int = 0
    unreadable: dict[tuple[int, int], str] = field(default_factory=dict)
    """1-based (row, column) of a cell whose value cannot be used, and why."""
    unreadable_count: int = 0


class _Scanner:
    """Expat handlers filling a SheetScan; SheetRefused at the first limit passed."""

    def __init__(self, title: str) -> None:
        self.scan = SheetScan(title)
        self.row = 0
        self.col = 0
        self.cell_type = ""
        self.has_formula = self.has_value = False
        self.in_value = False
        self.value_text: list[str] = []

    # -- limits -----------------------------------------------------------------------

    @staticmethod
    def _too_wide(column: int) -> None:
        raise SheetRefused(_tr(
            "表格的内容或格式延伸到第 {0} 列（{1} 列），本模板最多 {2} 列（{3} 列）。"
            "请删除多余的列并保存后再导入。").format(
            column, get_column_letter(min(column, EXCEL_LAST_COLUMN)),
            MAX_COLUMNS, get_column_letter(MAX_COLUMNS)))

    @staticmethod
    def _too_long(row: int) -> None:
        raise SheetRefused(_tr("工作表行数过多（{0} 行），最多 {1} 行。").format(row, MAX_ROWS))

    def _place(self, column: int, row: int) -> None:
        if column > MAX_COLUMNS:
            self._too_wide(column)
        if row > MAX_ROWS:
            self._too_long(row)

    # -- elements ---------------------------------------------------------------------

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = name.rpartition(":")[2]
        if tag == "c":
            self._start_cell(attrs)
        elif tag == "row":
            given = attrs.get("r")
            self.row = int(given) if given and given.isdigit() else self.row + 1
            self.col = 0
            if self.row > MAX_ROWS:
                self._too_long(self.row)
        elif tag == "f":
            self.has_formula = True
        elif tag == "v":
            self.has_value = True
            self.in_value = True
            self.value_text = []
        elif tag == "is":
            self.has_value = True
        elif tag == "dimension":
            self._dimension(attrs.get("ref", ""))
        elif tag == "mergeCell":
            self._merge(attrs.get("ref", ""))

    def _start_cell(self, attrs: dict[str, str]) -> None:
        place = _ref(attrs.get("r", "")) if "r" in attrs else None
        # openpyxl places a cell by its own column and its row element's number
        self.col = place[0] if place is not None else self.col + 1
        row = self.row
        self._place(self.col, row)
        scan = self.scan
        scan.cells += 1
        if scan.cells > MAX_CELLS:
            raise SheetRefused(_tr("工作表的单元格过多（超过 {0} 个）。").format(MAX_CELLS))
        scan.last_column = max(scan.last_column, self.col)
        scan.last_row = max(scan.last_row, row)
        self.cell_type = attrs.get("t", "n")
        self.has_formula = self.has_value = False
        self.value_text = []

    def end(self, name: str) -> None:
        tag = name.rpartition(":")[2]
        if tag == "v":
            self.in_value = False
        elif tag == "c":
            value = "".join(self.value_text).strip()
            if self.cell_type == "e" and self.has_value:
                self._unreadable(_tr("单元格是 Excel 错误值“{0}”，不是活动内容。请改正公式或填写文字后再导入。"
                                     ).format(value))
            elif self.has_formula and not (value or self.cell_type == "str"):
                # no <v>, or an empty one in a cell not typed as text: nothing was computed
                # (Excel saves an empty text result as t="str" with an empty <v>)
                self._unreadable(_tr("单元格是公式，但文件中没有保存计算结果（有些程序生成的文件如此）。"
                                     "请用 Excel 或 WPS 打开文件并保存后再导入。"))

    def text(self, data: str) -> None:
        if self.in_value and len(self.value_text) < 8:
            self.value_text.append(data)

    def _unreadable(self, message: str) -> None:
        scan = self.scan
        scan.unreadable_count += 1
        if len(scan.unreadable) < MAX_REPORTED:
            scan.unreadable[(self.row, self.col)] = message

    def _dimension(self, ref: str) -> None:
        area = _range(ref)
        if area is not None:
            self._place(area[2], area[3])

    def _merge(self, ref: str) -> None:
        area = _range(ref)
        if area is None:
            return
        first_col, first_row, last_col, last_row = area
        scan = self.scan
        scan.merged_cells += (last_col - first_col + 1) * (last_row - first_row + 1)
        if len(scan.merges) >= MAX_MERGES or scan.merged_cells > MAX_MERGED_CELLS:
            raise SheetRefused(_tr(
                "合并单元格过多或过大（最多 {0} 处、共 {1} 个单元格），如“{2}”。"
                "请取消不需要的合并后再导入。").format(MAX_MERGES, MAX_MERGED_CELLS, ref))
        scan.merges.append((first_col - 1, first_row - 1, last_col - 1, last_row - 1))


def _refuse_declarations(*_args: object) -> None:
    """A DTD or entity declaration in a sheet: never parsed."""
    raise SheetRefused(_tr("文件含有 XML 实体或外部引用（可能是“XML 炸弹”或外部实体攻击），已拒绝读取。"))


def _parse(archive: zipfile.ZipFile, part: str, start: Callable[[str, dict[str, str]], None],
           end: Callable[[str], None], text: Callable[[str], None]) -> None:
    """Stream a part through expat with these handlers; a DTD or entity is refused."""
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = _refuse_declarations
    parser.EntityDeclHandler = _refuse_declarations
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)


def scan_sheet(archive: zipfile.ZipFile, part: str, title: str) -> SheetScan:
    """One pass over a sheet part; SheetRefused when it passes a limit or is no sheet XML."""
    scanner = _Scanner(title)
    try:
        _parse(archive, part, scanner.start, scanner.end, scanner.text)
    except expat.ExpatError as exc:
        raise SheetRefused(_tr("工作表的内容已损坏，无法读取（{0}）。").format(exc)) from exc
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:
        raise SheetRefused(_tr("工作表无法读取（{0}）。").format(exc)) from exc
    return scanner.scan


# -- shared strings ---------------------------------------------------------------------------

_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def decode_escapes(text: str) -> str:
    """Decode OOXML's _xHHHH_ escapes in one pass (_x005F_ is a literal underscore, so
    _x005F_x000B_ stays the text _x000B_); what they decode to is cleaned afterwards."""
    if "_x" not in text:
        return text
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def shared_strings(archive: zipfile.ZipFile, part: str) -> list[str]:
    """The shared string table as written, escapes still in (phonetic runs left out), so
    every string of a sheet, shared or inline, is decoded once by `decode_escapes`.

    openpyxl drops every 'x005F_' from shared strings, which turns the escaped literal
    _x005F_x000B_ into _x000B_; reading the table here keeps the two apart.
    """
    strings: list[str] = []
    pieces: list[str] = []
    depth = {"si": 0, "rPh": 0, "t": 0}

    def start(name: str, _attrs: dict[str, str]) -> None:
        tag = name.rpartition(":")[2]
        if tag in depth:
            depth[tag] += 1
        if tag == "si":
            pieces.clear()

    def end(name: str) -> None:
        tag = name.rpartition(":")[2]
        if tag in depth:
            depth[tag] -= 1
        if tag == "si":
            strings.append("".join(pieces))

    def text(data: str) -> None:
        if depth["t"] and depth["si"] and not depth["rPh"]:
            pieces.append(data)

    _parse(archive, part, start, end, text)
    return strings
