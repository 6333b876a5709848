"""Reading a unit's own spreadsheet (not our template): the first visible sheet with a header
row in its first 30 rows (hidden rows and columns, struck-through rows left out), merged cells spread over their whole range."""
from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

from openpyxl.utils.datetime import from_excel

from importers.figures_sheet import our_figure_rows
from importers.reply_headers import Aliases
from importers.reply_tables import (
    GridMarks,
    ReplyReading,
    find_header,
    finish_reading,
    take_grid,
)
from importers.sheet_marks import hidden_marks
from importers.xlsx_file import parse_failure
from importers.xlsx_scan import SheetRefused, SheetScan, scan_sheet
from importers.xlsx_sheets import (
    WorkbookRefused,
    column_letter,
    excel_cell_text,
    opened_workbook,
    sheet_parts,
)
from models.i18n import _tr
from models.template_contract import MAX_ROWS
from models.text import chinese_date

SERIAL_DATES = (36526, 73051)
"""Numbers read as Excel's day count in a time column: 2000-01-01 to 2099-12-31."""


def serial_date(value: object, year: int) -> str | None:
    """A number that may be a date Excel stores as days (44336 → 5月20日), else None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not SERIAL_DATES[0] <= value <= SERIAL_DATES[1]:
        return None
    day = from_excel(value)
    return chinese_date(day.date(), with_year=day.year != year)


def _struck(cells: tuple) -> bool:
    """Whether every filled cell of a row is struck through."""
    filled = [c for c in cells if getattr(c, "value", None) not in (None, "")]
    return bool(filled) and all(getattr(getattr(c, "font", None), "strike", False)
                                for c in filled)


def sheet_grid(ws, scan: SheetScan, year: int) -> tuple[list[list[str]], GridMarks]:
    """A scanned sheet's cells as texts, each merged range filled with its first cell's text
    both ways (the scan has already bounded the sheet's size and its merges), with the rows
    struck through and the numbers that may be dates."""
    ws.reset_dimensions()
    width = max(scan.last_column, 1)
    grid: list[list[str]] = []
    struck: set[int] = set()
    serials: dict[tuple[int, int], str] = {}
    for r, cells in enumerate(ws.iter_rows(min_row=1, max_col=width)):
        grid.append([excel_cell_text(getattr(c, "value", None), year) for c in cells])
        if _struck(cells):
            struck.add(r)
        for col, cell in enumerate(cells):
            if (day := serial_date(getattr(cell, "value", None), year)) is not None:
                serials[(r, col)] = day
    for left, top, right, bottom in scan.merges:
        if top >= len(grid):
            continue
        text = grid[top][left] if left < len(grid[top]) else ""
        for r in range(top, min(bottom + 1, len(grid))):
            row = grid[r]
            if len(row) <= right:
                row.extend([""] * (right + 1 - len(row)))
            for c in range(left, right + 1):
                row[c] = text
    return grid, GridMarks(struck_rows=frozenset(struck), serial_dates=serials)


def _visible_sheets(wb) -> list:
    """Worksheets the user can see, in tab order."""
    return [ws for ws in wb.worksheets if ws.sheet_state == "visible"]


def _read_sheets(wb, archive: zipfile.ZipFile, reading: ReplyReading, year: int,
                 aliases: Aliases) -> None:
    """Put the first sheet with a header row into the reading; report the others. Each
    sheet is scanned before openpyxl reads it, as our template's are."""
    seen: list[tuple[str, list[str]]] = []
    parts = sheet_parts(archive)
    for ws in _visible_sheets(wb):
        place = _tr("工作表“{0}”").format(ws.title)
        if ws.title not in parts:
            reading.error(_tr("工作簿的索引中找不到这张工作表的内容，文件可能已损坏。"), place)
            return
        try:
            scan = scan_sheet(archive, parts[ws.title], ws.title)
        except SheetRefused as exc:
            reading.error(str(exc), place)
            return
        if scan.last_row > MAX_ROWS:
            reading.error(_tr("行数过多，最多 {0} 行。").format(MAX_ROWS), place)
            return
        grid, marks = sheet_grid(ws, scan, year)
        hidden = hidden_marks(archive, parts[ws.title], max(scan.last_column, 1))
        marks = replace(marks, hidden_rows=hidden.hidden_rows,
                        hidden_columns=hidden.hidden_columns)
        if reading.tables:
            if find_header(grid, aliases) is not None:
                reading.warn(_tr("这张工作表也有活动表，但只读取了第一张（{0}）；如需导入，"
                                 "请分成单独的文件。").format(reading.tables[0].place), place)
            continue
        take_grid(reading, seen, grid, place,
                  lambda col: _tr("{0} 列").format(column_letter(col)), aliases, marks)
        if reading.tables:
            _refuse_unreadable(reading, scan, place)
    finish_reading(reading, seen, aliases, _tr("工作表"))


def _refuse_unreadable(reading: ReplyReading, scan: SheetScan, place: str) -> None:
    """Errors for the table's cells that hold no usable value (a formula saved without its
    result, an Excel error value such as #REF! or #N/A): never imported as text."""
    table = reading.tables[0]
    columns = set(table.header.columns.values())
    found = [(row, col, message) for (row, col), message in sorted(scan.unreadable.items())
             if row > table.header_line and col - 1 in columns]
    for row, col, message in found:
        reading.error(message, place, row, _tr("{0} 列").format(column_letter(col - 1)))
    if scan.unreadable_count > len(scan.unreadable) and found:
        reading.error(_tr("还有更多单元格是公式或 Excel 错误值（共 {0} 个），未一一列出。").format(
            scan.unreadable_count), place)


def read_reply_sheet(path: Path | str, year: int,
                     aliases: Aliases | None = None) -> ReplyReading:
    """The activity rows of a unit's own workbook, with every problem found; never raises for
    a bad file. Dates Excel made of typed dates come back as 5月20日 (`year` left out)."""
    reading = ReplyReading(Path(path))
    try:
        with opened_workbook(reading.path) as (wb, archive):
            _read_sheets(wb, archive, reading, year, aliases)
            reading.figure_rows = our_figure_rows(wb)
    except WorkbookRefused as exc:
        reading.error(str(exc))
    except Exception as exc:  # noqa: BLE001 - a damaged sheet is reported, never raised
        reading.error(parse_failure(exc))
    return reading
