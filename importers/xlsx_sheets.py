"""Reading a workbook's sheets as plain rows: merged cells filled down, values as text."""
from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator, Sequence
from datetime import date, datetime

from defusedxml.ElementTree import fromstring
from openpyxl.utils import column_index_from_string, get_column_letter

from models.template_contract import DATA_SHEET, HELP_SHEET, MARKER_FORMAT, MARKER_SHEET
from models.text import chinese_date, clean_text

_MERGE_RE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def column_letter(index: int) -> str:
    """A 0-based column index as Excel letters."""
    return get_column_letter(index + 1)


def _local(name: str) -> str:
    """An XML tag or attribute name without its namespace."""
    return name.rsplit("}", 1)[-1]


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each sheet's title and the part of the archive that holds it (xl/worksheets/…).

    Read from the workbook's own index and relationships, with defusedxml: openpyxl's
    read-only mode has no public way to the merged cells, so they are read from the part.
    """
    targets = {rel.get("Id"): rel.get("Target", "")
               for rel in fromstring(archive.read("xl/_rels/workbook.xml.rels"))}
    parts: dict[str, str] = {}
    for element in fromstring(archive.read("xl/workbook.xml")).iter():
        if _local(element.tag) != "sheet":
            continue
        rel_id = next((v for k, v in element.attrib.items() if _local(k) == "id"), None)
        target = targets.get(rel_id, "")
        if target:
            parts[element.get("name", "")] = (target.lstrip("/") if target.startswith("/")
                                              else posixpath.normpath("xl/" + target))
    return parts


def merged_ranges(archive: zipfile.ZipFile, part: str) -> list[tuple[int, int, int, int]]:
    """Merged ranges of a sheet part as 0-based (first col, first row, last col, last row)."""
    data = archive.read(part)
    if b"mergeCell" not in data:
        return []
    return [(column_index_from_string(c1.decode()) - 1, int(r1) - 1,
             column_index_from_string(c2.decode()) - 1, int(r2) - 1)
            for c1, r1, c2, r2 in _MERGE_RE.findall(data)]


def fill_down_map(ranges: Sequence[tuple[int, int, int, int]]) -> dict[int, list[tuple[int, int]]]:
    """For each 0-based row, the (column, source row) pairs a vertical merge fills."""
    fills: dict[int, list[tuple[int, int]]] = {}
    for col, top, _last_col, bottom in ranges:
        for row in range(top + 1, bottom + 1):
            fills.setdefault(row, []).append((col, top))
    return fills


def merged_rows(rows: Iterator[tuple], fills: dict[int, list[tuple[int, int]]]
                ) -> Iterator[list]:
    """Rows as lists, with the cells under a vertical merge given the merge's value."""
    sources = {top for pairs in fills.values() for _col, top in pairs}
    kept: dict[tuple[int, int], object] = {}
    for index, row in enumerate(rows):
        values = list(row)
        if index in sources:
            for col, value in enumerate(values):
                kept[(index, col)] = value
        for col, top in fills.get(index, ()):
            while len(values) <= col:
                values.append(None)
            values[col] = kept.get((top, col))
        yield values


def excel_cell_text(value: object, year: int) -> str:
    """A cell's value as clean text; dates Excel made of a typed date come back as 5月20日."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return chinese_date(value, with_year=value.year != year)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_text(str(value)).strip()


def read_marker(wb) -> dict[str, str]:
    """The key/value pairs of the hidden marker sheet, or {} for a file without one."""
    if MARKER_SHEET not in wb.sheetnames:
        return {}
    out: dict[str, str] = {}
    for row in wb[MARKER_SHEET].iter_rows(min_row=1, max_row=50, max_col=2, values_only=True):
        if row and row[0] is not None:
            out[str(row[0])] = "" if len(row) < 2 or row[1] is None else str(row[1])
    return out if out.get("format") == MARKER_FORMAT else {}


def data_sheet_order(wb) -> list[str]:
    """Sheets that may hold the table: the template's own first, helpers and hidden ones last."""
    names = [n for n in wb.sheetnames if n not in (MARKER_SHEET, HELP_SHEET)]
    return sorted(names, key=lambda n: n != DATA_SHEET)
