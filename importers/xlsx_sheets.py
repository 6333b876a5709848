"""Reading a workbook's sheets as plain rows: merged cells filled down, values as text."""
from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from defusedxml.ElementTree import fromstring
from openpyxl.utils import get_column_letter

from importers.xlsx_file import parse_failure, read_workbook_file
from importers.xlsx_scan import decode_escapes, shared_strings
from models.template_contract import (
    DATA_SHEET,
    FIGURES_SHEET,
    HELP_SHEET,
    MARKER_FORMAT,
    MARKER_SHEET,
)
from models.text import chinese_date, clean_text


def column_letter(index: int) -> str:
    """A 0-based column index as Excel letters."""
    return get_column_letter(index + 1)


def _local(name: str) -> str:
    """An XML tag or attribute name without its namespace."""
    return name.rsplit("}", 1)[-1]


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each sheet's title and the part of the archive that holds it (xl/worksheets/…).

    Read from the workbook's own index and relationships, with defusedxml: each sheet's
    part is scanned (importers/xlsx_scan.py) before openpyxl reads it, and openpyxl's
    read-only mode has no public way to the merged cells the scan finds there.
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


def shared_strings_part(archive: zipfile.ZipFile) -> str | None:
    """The part holding the workbook's shared strings, from its relationships."""
    for rel in fromstring(archive.read("xl/_rels/workbook.xml.rels")):
        if rel.get("Type", "").endswith("/sharedStrings"):
            target = rel.get("Target", "")
            return (target.lstrip("/") if target.startswith("/")
                    else posixpath.normpath("xl/" + target))
    return None


def use_shared_strings_as_written(wb, archive: zipfile.ZipFile) -> None:
    """Give a read-only workbook's sheets the shared strings with their _xHHHH_ escapes as
    written (see xlsx_scan.shared_strings), so excel_cell_text decodes every string once."""
    part = shared_strings_part(archive)
    if part is None or part not in archive.namelist():
        return
    strings = shared_strings(archive, part)
    for ws in wb.worksheets:
        if hasattr(ws, "_shared_strings"):  # openpyxl 3.1's ReadOnlyWorksheet
            ws._shared_strings = strings


class WorkbookRefused(Exception):
    """A returned workbook that cannot be opened; the message says why, for the user."""


@contextmanager
def opened_workbook(path: Path) -> Iterator[tuple[Any, zipfile.ZipFile]]:
    """A returned workbook, read once within its limits and opened read-only, with its zip
    archive for the sheet scan; WorkbookRefused when it cannot be opened at all."""
    content, problem = read_workbook_file(path)
    if content is None:
        raise WorkbookRefused(problem or "")
    from openpyxl import load_workbook
    try:
        wb = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any failure to open is reported, never raised
        raise WorkbookRefused(parse_failure(exc)) from exc
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            use_shared_strings_as_written(wb, archive)
            yield wb, archive
    finally:
        wb.close()


def merged_rows(rows: Iterator[tuple], ranges: Sequence[tuple[int, int, int, int]]
                ) -> Iterator[list]:
    """Rows as lists, with the cells under a vertical merge given the value of the merge's
    first cell; ranges are 0-based (first col, first row, last col, last row). Only the
    merges over the current row are held, whatever rows they claim to reach."""
    pending = sorted(ranges, key=lambda r: r[1], reverse=True)
    active: list[tuple[int, int, object]] = []  # (column, last row, value)
    for index, row in enumerate(rows):
        values = list(row)
        active = [a for a in active if a[1] >= index]
        for col, _last_row, value in active:
            while len(values) <= col:
                values.append(None)
            values[col] = value
        while pending and pending[-1][1] <= index:
            col, top, _last_col, bottom = pending.pop()
            if top == index and bottom > top:
                active.append((col, bottom, values[col] if col < len(values) else None))
        yield values


def excel_cell_text(value: object, year: int) -> str:
    """A cell's value as clean text; dates Excel made of a typed date come back as 5月20日."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return chinese_date(value, with_year=value.year != year)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_text(decode_escapes(str(value))).strip()


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
    names = [n for n in wb.sheetnames if n not in (MARKER_SHEET, HELP_SHEET, FIGURES_SHEET)]
    return sorted(names, key=lambda n: n != DATA_SHEET)
