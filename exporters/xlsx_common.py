"""Shared look of every workbook we write: Chinese fonts, borders, wrapping, print set-up."""
from __future__ import annotations

from collections.abc import Sequence

from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from exporters.column_widths import MEASURES, column_widths, line_count, widest_em
from exporters.table_rows import merge_blocks, row_heights
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


LINE_EM = 1.5
"""A line of wrapped text, in ems of its font: Noto CJK (what Calc substitutes on a Linux
desktop) takes 1.45 em, 仿宋 1.3 em; the taller one decides, so no row prints cramped."""


def text_lines(text: str, width: float, size: float = BODY_FONT.sz) -> int:
    """How many lines a wrapped text takes in a column of a given width (Excel units), in
    the widest plausible font (Calc's DejaVu digits and CJK/digit spacing)."""
    return line_count(text, max(width * UNIT_PT / size - PAD_EM, 1.0), widest_em)


def write_body(ws: Worksheet, row: int, columns: Sequence[Column],
               cells: Sequence[Sequence[tuple[str, int]]]) -> list[float]:
    """Table rows from `table_cells`, merging each span down, every row as tall as its
    text needs; the rows' heights in points."""
    widths = [ws.column_dimensions[get_column_letter(i)].width for i in range(1, len(columns) + 1)]
    line = BODY_FONT.sz * LINE_EM
    single = LINE_PAD + line
    heights = row_heights(cells, lambda _r, c, text: LINE_PAD + line * text_lines(text, widths[c]),
                          single)
    heights = [round(height, 1) for height in heights]
    for offset, height in enumerate(heights):
        ws.row_dimensions[row + offset].height = height
    for offset, line_cells in enumerate(cells):
        for index, (column, (text, span)) in enumerate(zip(columns, line_cells, strict=True),
                                                       start=1):
            align = CENTER if column.centred else LEFT
            value: object = int(text) if column.field == "group_no" and text.isdigit() else text
            write_cell(ws, row + offset, index, value if span else None, BODY_FONT, align)
            if span > 1:
                ws.merge_cells(start_row=row + offset, start_column=index,
                               end_row=row + offset + span - 1, end_column=index)
    return heights


A4_SHORT_PT = 210 / 25.4 * 72
A4_LONG_PT = 297 / 25.4 * 72
SIDE_MARGIN_IN = 0.6
TOP_MARGIN_IN = 0.7
PAGE_SAFETY = 0.92
"""Share of a printed page filled with rows: Excel and Calc round the fit-to-width scale
and the row heights their own ways."""


def column_width_pt(width: float) -> float:
    """A column's printed width: Excel's width units are the default font's digits (7 px)
    plus 5 px of padding, at 96 px to the inch."""
    return (width * 7 + 5) * 0.75


def rows_per_page_pt(ws: Worksheet, last_column: int) -> float:
    """Points of sheet rows a landscape A4 page holds at the fit-to-width scale."""
    table = sum(column_width_pt(ws.column_dimensions[get_column_letter(i)].width or 8.43)
                for i in range(1, last_column + 1))
    scale = min(1.0, (A4_LONG_PT - 2 * SIDE_MARGIN_IN * 72) / table)
    return (A4_SHORT_PT - 2 * TOP_MARGIN_IN * 72) / scale * PAGE_SAFETY


def page_breaks(heights: Sequence[float], blocks: Sequence[tuple[int, int]], first_page: float,
                page: float) -> list[int]:
    """Indexes of the rows that start a new printed page: groups (blocks of rows tied by
    merges) kept whole; a group taller than a page starts on a new page and breaks between
    its rows. first_page is the room on page 1, page the room under the repeated header."""
    breaks: list[int] = []
    capacity = room = first_page

    def new_page(index: int) -> None:
        nonlocal capacity, room
        breaks.append(index)
        capacity = room = page

    for first, last in blocks:
        if sum(heights[first:last + 1]) > room and room < capacity:
            new_page(first)
        for index in range(first, last + 1):
            if heights[index] > room and room < capacity:
                new_page(index)
            room -= heights[index]
    return breaks


def set_row_breaks(ws: Worksheet, body_row: int, header_row: int, heights: Sequence[float],
                   cells: Sequence[Sequence[tuple[str, int]]], last_column: int) -> None:
    """Manual page breaks above the rows that start a page (see page_breaks)."""
    from openpyxl.worksheet.pagebreak import Break
    page = rows_per_page_pt(ws, last_column)
    height = ws.row_dimensions[header_row].height or 15
    above = sum(ws.row_dimensions[r].height or 15 for r in range(1, body_row))
    for index in page_breaks(heights, merge_blocks(cells), page - above, page - height):
        ws.row_breaks.append(Break(id=body_row + index - 1))


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
