"""Reading a unit's own spreadsheet (not our template): the first visible sheet with a header
row in its first 20 rows, merged cells spread over their whole range."""
from __future__ import annotations

from pathlib import Path

from importers.reply_headers import Aliases
from importers.reply_tables import ReplyReading, find_header, finish_reading, take_grid
from importers.xlsx_file import file_problem, parse_failure
from importers.xlsx_sheets import column_letter, excel_cell_text
from models.i18n import _tr
from models.template_contract import MAX_ROWS


def sheet_grid(ws, year: int, limit: int = MAX_ROWS) -> list[list[str]] | None:
    """A sheet's cells as texts, each merged range filled with its first cell's text both
    ways; None when the sheet has more than `limit` rows."""
    grid: list[list[str]] = []
    for values in ws.iter_rows(values_only=True):
        grid.append([excel_cell_text(v, year) for v in values])
        if len(grid) > limit:
            return None
    for merged in ws.merged_cells.ranges:
        top, left = merged.min_row - 1, merged.min_col - 1
        if top >= len(grid):
            continue
        text = grid[top][left] if left < len(grid[top]) else ""
        for r in range(top, min(merged.max_row, len(grid))):
            row = grid[r]
            if len(row) < merged.max_col:
                row.extend([""] * (merged.max_col - len(row)))
            for c in range(left, merged.max_col):
                row[c] = text
    return grid


def _visible_sheets(wb) -> list:
    """Worksheets the user can see, in tab order."""
    return [ws for ws in wb.worksheets if ws.sheet_state == "visible"]


def _read_sheets(wb, reading: ReplyReading, year: int, aliases: Aliases) -> None:
    """Put the first sheet with a header row into the reading; report the others."""
    seen: list[tuple[str, list[str]]] = []
    for ws in _visible_sheets(wb):
        place = _tr("工作表“{0}”").format(ws.title)
        grid = sheet_grid(ws, year)
        if grid is None:
            reading.error(_tr("行数过多，最多 {0} 行。").format(MAX_ROWS), place)
            return
        if reading.tables:
            if find_header(grid, aliases) is not None:
                reading.warn(_tr("这张工作表也有活动表，但只读取了第一张（{0}）；如需导入，"
                                 "请分成单独的文件。").format(reading.tables[0].place), place)
            continue
        take_grid(reading, seen, grid, place,
                  lambda col: _tr("{0} 列").format(column_letter(col)), aliases)
    finish_reading(reading, seen, aliases, _tr("工作表"))


def read_reply_sheet(path: Path | str, year: int,
                     aliases: Aliases | None = None) -> ReplyReading:
    """The activity rows of a unit's own workbook, with every problem found; never raises for
    a bad file. Dates Excel made of typed dates come back as 5月20日 (`year` left out)."""
    reading = ReplyReading(Path(path))
    problem = file_problem(reading.path)
    if problem:
        reading.error(problem)
        return reading
    from openpyxl import load_workbook
    try:
        wb = load_workbook(reading.path, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any failure to open is reported, never raised
        reading.error(parse_failure(exc))
        return reading
    try:
        _read_sheets(wb, reading, year, aliases)
    except Exception as exc:  # noqa: BLE001 - a damaged sheet is reported, never raised
        reading.error(parse_failure(exc))
    finally:
        wb.close()
    return reading
