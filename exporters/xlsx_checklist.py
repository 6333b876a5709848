"""What every unit owes and whether it came, as an Excel workbook."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook

from exporters.atomic import write_atomically
from exporters.output_checks import check_xlsx, xlsx_bytes
from exporters.xlsx_common import (
    BODY_FONT,
    CENTER,
    LEFT,
    TITLE_FONT,
    set_column_widths,
    set_print_layout,
    write_banner,
    write_cell,
    write_header,
)
from models.entities import CampaignData, Submission
from models.layout import Column

CHECKLIST_COLUMNS: tuple[Column, ...] = (
    Column("序号", "index", 0.06),
    Column("单位", "unit", 0.28),
    Column("报送事项", "item", 0.14),
    Column("截止日期", "due", 0.12),
    Column("状态", "status", 0.1),
    Column("报送日期", "received", 0.12),
    Column("备注", "note", 0.18),
)
DATE_FORMAT = "yyyy-mm-dd"
HEADER_ROW = 2


def checklist_values(index: int, sub: Submission, unit_name: str) -> list[object]:
    """One submission's cells in column order."""
    return [index, unit_name, sub.item, sub.due, str(sub.status), sub.received, sub.note]


def export_checklist_xlsx(data: CampaignData, path: Path | str) -> None:
    """Write every submission with its unit, due date, status, date received and note."""
    wb = Workbook()
    ws = wb.active
    ws.title = "报送清单"
    width = len(CHECKLIST_COLUMNS)
    set_column_widths(ws, [c.weight for c in CHECKLIST_COLUMNS], total=120)
    write_banner(ws, 1, f"{data.campaign.year}年“5·20世界计量日”活动报送情况", width,
                 TITLE_FONT, height=32)
    write_header(ws, HEADER_ROW, CHECKLIST_COLUMNS)
    units = data.unit_by_id()
    for index, sub in enumerate(data.submissions, start=1):
        unit = units.get(sub.unit_id)
        values = checklist_values(index, sub, unit.name if unit else "")
        for col, (column, value) in enumerate(zip(CHECKLIST_COLUMNS, values, strict=True), 1):
            align = LEFT if column.field in ("unit", "note") else CENTER
            write_cell(ws, HEADER_ROW + index, col, value, BODY_FONT, align)
            if isinstance(value, date):
                ws.cell(row=HEADER_ROW + index, column=col).number_format = DATE_FORMAT
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    ws.auto_filter.ref = f"A{HEADER_ROW}:G{HEADER_ROW + len(data.submissions)}"
    set_print_layout(ws, HEADER_ROW, width)
    write_atomically(path, xlsx_bytes(wb), check_xlsx)
