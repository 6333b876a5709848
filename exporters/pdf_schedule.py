"""The campaign schedule printed through Qt: printer, print preview, or a PDF file (A4 portrait)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter

from exporters.pdf_appendix import (
    BODY_FAMILIES,
    BODY_PT,
    CREATOR,
    HEAD_FAMILIES,
    ensure_gui_application,
    table_pages,
)
from exporters.pdf_output import PdfJob, write_pdf
from exporters.pdf_table import TableSpec, make_font
from exporters.schedule import (
    HEADERS,
    NO_ACTIVITY,
    UNPLACED_TITLE,
    UNREAD_HEADERS,
    Schedule,
    build_schedule,
    day_heading,
    day_rows,
    title,
    unplaced_cells,
    window_line,
)
from models.entities import CampaignData

MARGINS_MM = QMarginsF(28, 37, 26, 35)     # GB/T 9704: the 156 × 225 mm text block
CENTRED = (False, False, True, False)
DATES = (False, False, True, False)
REPEAT = (True, True, False, False)


def page_layout() -> QPageLayout:
    """A4 portrait, text block as wide as the notice's."""
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       MARGINS_MM, QPageLayout.Unit.Millimeter)


def _spec(headers, rows, caption: str, sizing) -> TableSpec:
    """A table of plain rows."""
    return TableSpec(headers=headers, cells=[[(t, 1) for t in row] for row in rows],
                     centred=CENTRED, dates=DATES, repeat=REPEAT, caption=caption,
                     sizing_rows=sizing)


def paint_schedule(data: CampaignData, device: QPagedPaintDevice, job: PdfJob) -> int:
    """Lay the schedule out on the device's pages and paint them; returns the page count."""
    schedule: Schedule = build_schedule(data)
    with table_pages(device, job, page_layout()) as pages:
        sizing = [row for day in schedule.days for row in day_rows(day)]
        sizing += [unplaced_cells(item) for item in schedule.unplaced]
        day_font = make_font(HEAD_FAMILIES, BODY_PT + 1.5)
        pages.new_page()
        for line in schedule.title_lines:
            pages.line(line, make_font(HEAD_FAMILIES, 18), True, 1)
        pages.line(window_line(schedule), make_font(BODY_FAMILIES, 14), True, 3)
        for day in schedule.days:
            heading = day_heading(day.day)
            rows = day_rows(day)
            if not rows:
                pages.line(f"{heading}　{NO_ACTIVITY}", day_font, False, 3)
                continue
            caption = f"{heading}　共 {len(rows)} 项"
            pages.table(_spec(HEADERS, rows, caption, sizing), [(caption, day_font, False, 1)],
                        new_page=False)
            pages.y += 3 * pages.mm
        if schedule.unplaced:
            rows = [unplaced_cells(item) for item in schedule.unplaced]
            pages.table(_spec(UNREAD_HEADERS, rows, UNPLACED_TITLE, sizing),
                        [(UNPLACED_TITLE, day_font, False, 1)], new_page=False)
        return pages.finish()


def print_schedule(data: CampaignData, printer: QPrinter) -> int:
    """Print the schedule on a chosen printer (or the print preview's)."""
    return paint_schedule(data, printer, PdfJob())


def export_schedule_pdf(data: CampaignData, path: Path | str) -> None:
    """Write the schedule to a PDF file: real text layer, checked, whole or not at all."""
    ensure_gui_application()
    write_pdf(path, lambda writer, job: paint_schedule(data, writer, job),
              title(build_schedule(data)), CREATOR)
