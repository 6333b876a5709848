"""The attachment table printed through Qt: to a printer, the print preview, or a PDF file."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QGuiApplication, QPagedPaintDevice, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from exporters.atomic import ExportError
from exporters.attachment import attachment_title
from exporters.pdf_output import PdfJob, write_pdf
from exporters.pdf_table import TablePainter, TableSpec, make_font, page_number_text
from models.entities import CampaignData, Level
from models.i18n import _tr
from models.layout import LEVEL_SUBTITLES, columns_of, table_cells

BODY_FAMILIES = ["仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC"]
HEAD_FAMILIES = ["黑体", "SimHei", "Noto Sans CJK SC"]
BODY_PT = 10.5
MARGINS_MM = QMarginsF(35, 28, 37, 26)
"""GB/T 9704's text block (156 × 225 mm) turned a quarter, as in the Word attachment:
left, top, right, bottom; the page number lies in the left margin (pdf_table)."""
CREATOR = "上海市“5·20世界计量日”系列宣传活动管理程序"

__all__ = ["export_appendix_pdf", "make_font", "make_printer", "page_number_text",
           "print_appendix", "render_appendix"]


def ensure_gui_application() -> None:
    """Printing needs a Qt GUI application; the caller (window or command line) makes it."""
    if QGuiApplication.instance() is None:
        raise ExportError(_tr("PDF 与打印需要 Qt 图形环境，但程序尚未创建它。"))


def page_layout(orientation: QPageLayout.Orientation = QPageLayout.Orientation.Landscape
                ) -> QPageLayout:
    """A4 (landscape for the attachment) with the attachment's margins."""
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, MARGINS_MM,
                       QPageLayout.Unit.Millimeter)


@contextmanager
def table_pages(device: QPagedPaintDevice, job: PdfJob, layout: QPageLayout
                ) -> Iterator[TablePainter]:
    """A table painter on the device's pages in the given layout, in the official fonts;
    the painter is ended whatever happens."""
    ensure_gui_application()
    device.setPageLayout(layout)
    painter = QPainter()
    if not painter.begin(device):
        raise ExportError(_tr("无法开始打印：打印机或输出文件不可用。"))
    try:
        yield TablePainter(device, painter, job, make_font(BODY_FAMILIES, BODY_PT),
                           make_font(HEAD_FAMILIES, BODY_PT))
    finally:
        painter.end()


def table_spec(data: CampaignData, level: Level) -> TableSpec:
    """One level's table as the painter takes it."""
    columns = columns_of(level)
    return TableSpec(headers=[c.header for c in columns],
                     cells=table_cells(data.by_level(level), level),
                     centred=[c.centred for c in columns],
                     dates=[c.dates for c in columns],
                     repeat=[c.repeated for c in columns])


def paint_appendix(data: CampaignData, device: QPagedPaintDevice, job: PdfJob) -> int:
    """Lay the attachment out on the device's pages and paint them; returns the page count."""
    with table_pages(device, job, page_layout()) as pages:
        title = attachment_title(data)
        for index, level in enumerate((Level.MUNICIPAL, Level.DISTRICT)):
            heading = [(title, make_font(HEAD_FAMILIES, 18), True, 1),
                       (LEVEL_SUBTITLES[level], make_font(BODY_FAMILIES, 14), True, 2)]
            if index == 0:
                heading.insert(0, ("附件", make_font(HEAD_FAMILIES, 14), False, 2))
            pages.table(table_spec(data, level), heading)
        return pages.finish()


def render_appendix(data: CampaignData, printer: QPrinter) -> int:
    """Paint the attachment on a printer (or the preview's); returns the page count."""
    return paint_appendix(data, printer, PdfJob())


def make_printer() -> QPrinter:
    """The one printer set-up shared by print and preview: A4 landscape, high resolution."""
    ensure_gui_application()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout())
    return printer


def print_appendix(data: CampaignData, printer: QPrinter) -> int:
    """Print the attachment on a printer chosen by the user (or for the print preview)."""
    return render_appendix(data, printer)


def export_appendix_pdf(data: CampaignData, path: Path | str) -> None:
    """Write the attachment to a PDF file: real text layer, checked, whole or not at all."""
    ensure_gui_application()
    write_pdf(path, lambda writer, job: paint_appendix(data, writer, job),
              attachment_title(data), CREATOR)
