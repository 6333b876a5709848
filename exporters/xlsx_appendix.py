"""The attachment's two tables as an Excel workbook laid out for printing."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from exporters.atomic import write_atomically
from exporters.attachment import attachment_title
from exporters.output_checks import check_xlsx, xlsx_bytes
from exporters.xlsx_common import (
    LABEL_FONT,
    LEFT,
    SUBTITLE_FONT,
    TITLE_FONT,
    content_widths,
    set_print_layout,
    set_row_breaks,
    write_banner,
    write_body,
    write_header,
)
from models.entities import CampaignData, Level
from models.layout import LEVEL_SUBTITLES, columns_of, table_cells


def fill_level_sheet(ws: Worksheet, data: CampaignData, level: Level) -> None:
    """One table on its own sheet: 附件 label, title, subtitle, header and merged rows."""
    columns = columns_of(level)
    width = len(columns)
    cells = table_cells(data.by_level(level), level)
    content_widths(ws, columns, cells)
    row = write_banner(ws, 1, "附件", width, LABEL_FONT, LEFT, height=24)
    row = write_banner(ws, row, attachment_title(data), width, TITLE_FONT, height=36)
    row = write_banner(ws, row, LEVEL_SUBTITLES[level], width, SUBTITLE_FONT, height=24)
    header_row = row
    row = write_header(ws, row, columns)
    heights = write_body(ws, row, columns, cells)
    set_row_breaks(ws, row, header_row, heights, cells, width)
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    set_print_layout(ws, header_row, width)


def build_appendix_workbook(data: CampaignData) -> Workbook:
    """A workbook with the 市级 and 区级 tables, one sheet each."""
    wb = Workbook()
    wb.remove(wb.active)
    for level in (Level.MUNICIPAL, Level.DISTRICT):
        fill_level_sheet(wb.create_sheet(str(level)), data, level)
    return wb


def export_appendix_xlsx(data: CampaignData, path: Path | str) -> None:
    """Write the attachment tables to an .xlsx file, whole or not at all."""
    write_atomically(path, xlsx_bytes(build_appendix_workbook(data)), check_xlsx)
