"""Shared look of every workbook we write: Chinese fonts, borders, wrapping, print set-up."""
from __future__ import annotations

from collections.abc import Sequence

from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from exporters.column_widths import MEASURES, column_widths, line_count
from exporters.table_rows import row_heights
from models.layout import Column
from models.text import clean_text

SONG = "仿宋"
HEI = "黑体"
TITLE_FONT = Font(name=HEI, size=16)
SUBTITLE_FONT = Font(name=SONG, size=14)
LABEL_FONT = Font(name=HEI, size=14)
HEADER_FONT = Font(name=HEI, size=12)
BODY_FONT = Font(name=SONG, size=12)
NOTE_FONT = Font(name=SONG, size=12)

_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
TOP_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)

TABLE_WIDTH = 150.0
"""Width of a table in Excel character units: a landscape A4 page at fit-to-width."""

PAGE_FOOTER = "— &P —"
LINE_PAD = 6.0
"""Points added to a row's text height for the cell's top and bottom margins."""


def write_cell(ws: Worksheet, row: int, col: int, value: object, font: Font,
               alignment: Alignment, border: Border | None = BORDER) -> None:
    """Put a value in a cell with its font, alignment and border."""
    cell = ws.cell(row=row, column=col, value=clean_text(value) if isinstance(value, str) else value)
    cell.font = font
    cell.alignment = alignment
    if border is not None:
        cell.border = border


def set_column_widths(ws: Worksheet, weights: Sequence[float], total: float = TABLE_WIDTH) -> None:
    """Column widths in proportion to the layout's weights."""
    scale = total / sum(weights)
    for index, weight in enumerate(weights, start=1):
        ws.column_dimensions[get_column_letter(index)].width = round(weight * scale, 1)


def write_banner(ws: Worksheet, row: int, text: str, width: int, font: Font,
                 alignment: Alignment = CENTER, height: float | None = None) -> int:
    """A line of text merged across the table's width; returns the next row."""
    write_cell(ws, row, 1, text, font, alignment, border=None)
    if width > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    if height:
        ws.row_dimensions[row].height = height
    return row + 1


def write_header(ws: Worksheet, row: int, columns: Sequence[Column]) -> int:
    """The table's header row; returns the next row."""
    for index, column in enumerate(columns, start=1):
        write_cell(ws, row, index, column.header, HEADER_FONT, CENTER)
    ws.row_dimensions[row].height = 30
    return row + 1


UNIT_PT = 7 * 0.75
"""Points per Excel column-width unit (the default font's digit, 7 px at 96 dpi)."""
PAD_EM = 0.8
"""Ems of a column's width that Excel keeps free beside wrapped text."""


def content_widths(ws: Worksheet, columns: Sequence[Column],
                   cells: Sequence[Sequence[tuple[str, int]]], total: float = TABLE_WIDTH) -> None:
    """Column widths from the content (exporters.column_widths), in Excel's units."""
    em = BODY_FONT.sz / UNIT_PT
    texts = [[text if span else "" for text, span in row] for row in cells]
    ems = column_widths([c.header for c in columns], texts, total / em, PAD_EM,
                        [c.dates for c in columns], MEASURES)
    for index, width in enumerate(ems, start=1):
        ws.column_dimensions[get_column_letter(index)].width = round(width * em, 2)


def text_lines(text: str, width: float, size: float = BODY_FONT.sz) -> int:
    """How many lines a wrapped text takes in a column of a given width (Excel units)."""
    return line_count(text, max(width * UNIT_PT / size - PAD_EM, 1.0))


def write_body(ws: Worksheet, row: int, columns: Sequence[Column],
               cells: Sequence[Sequence[tuple[str, int]]]) -> int:
    """Table rows from `table_cells`, merging each span down; returns the next row."""
    widths = [ws.column_dimensions[get_column_letter(i)].width for i in range(1, len(columns) + 1)]
    line = BODY_FONT.sz * 1.35
    single = LINE_PAD + line
    heights = row_heights(cells, lambda _r, c, text: LINE_PAD + line * text_lines(text, widths[c]),
                          single)
    for offset, height in enumerate(heights):
        if height > single:  # one-line rows keep Excel's own height, so it can still autofit
            ws.row_dimensions[row + offset].height = round(height, 1)
    for offset, line in enumerate(cells):
        for index, (column, (text, span)) in enumerate(zip(columns, line, strict=True), start=1):
            align = CENTER if column.centred else LEFT
            value: object = int(text) if column.field == "group_no" and text.isdigit() else text
            write_cell(ws, row + offset, index, value if span else None, BODY_FONT, align)
            if span > 1:
                ws.merge_cells(start_row=row + offset, start_column=index,
                               end_row=row + offset + span - 1, end_column=index)
    return row + len(cells)


def set_print_layout(ws: Worksheet, header_row: int | None, last_column: int) -> None:
    """Landscape A4 fitted to the page width, header repeated, page numbers at the foot."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.page_margins.top = ws.page_margins.bottom = 0.7
    if header_row is not None:
        ws.print_title_rows = f"{header_row}:{header_row}"
    ws.oddFooter.center.text = PAGE_FOOTER
    ws.oddFooter.center.font = SONG
    ws.print_area = f"A1:{get_column_letter(last_column)}{max(ws.max_row, 1)}"
