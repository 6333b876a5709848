"""The attachment table printed through Qt: to a printer, the print preview, or a PDF file."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPainter, QPen
from PySide6.QtPrintSupport import QPrinter

from exporters.atomic import ExportError, atomic_output
from exporters.attachment import attachment_title, row_heights
from models.entities import CampaignData, Level
from models.i18n import _tr
from models.layout import COLUMNS, LEVEL_SUBTITLES, table_cells

BODY_FAMILIES = ["仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC"]
HEAD_FAMILIES = ["黑体", "SimHei", "Noto Sans CJK SC"]
BODY_PT = 10.5
MARGINS_MM = QMarginsF(15, 15, 15, 12)
FOOTER_MM = 10.0
PAD_MM = 1.2
CENTERED_FIELDS = frozenset({"group_no", "time_text"})
WRAP = int(Qt.TextFlag.TextWordWrap)

def ensure_gui_application() -> None:
    """Printing needs a Qt GUI application; the caller (window or command line) makes it."""
    if QGuiApplication.instance() is None:
        raise ExportError(_tr("PDF 与打印需要 Qt 图形环境，但程序尚未创建它。"))


def make_font(families: list[str], points: float) -> QFont:
    """A font by preference list, Chinese official fonts first."""
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(points)
    return font


def page_layout() -> QPageLayout:
    """Landscape A4 with the attachment's margins."""
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                       MARGINS_MM, QPageLayout.Unit.Millimeter)


def page_number_text(number: int) -> str:
    """A page number as the official documents write it."""
    return f"— {number} —"


@dataclass(slots=True)
class _Table:
    """One table measured for the page: column x positions, header and row heights."""

    level: Level
    cells: list[list[tuple[str, int]]]
    lefts: list[float]
    widths: list[float]
    header: float
    heights: list[float]


class _Painter:
    """Paints the attachment page by page on a QPainter, in device pixels."""

    def __init__(self, printer: QPrinter, painter: QPainter, data: CampaignData) -> None:
        self.printer, self.painter, self.data = printer, painter, data
        dpi = printer.resolution()
        self.mm = dpi / 25.4
        area = printer.pageLayout().paintRectPixels(dpi)
        self.width = float(area.width())
        self.bottom = area.height() - FOOTER_MM * self.mm
        self.pad = PAD_MM * self.mm
        self.body = make_font(BODY_FAMILIES, BODY_PT)
        self.head = make_font(HEAD_FAMILIES, BODY_PT + 0.5)
        self.page = 0
        self.y = 0.0

    def text_height(self, font: QFont, width: float, text: str) -> float:
        """Height of wrapped text in a cell of the given width, padding included."""
        self.painter.setFont(font)
        box = self.painter.boundingRect(QRectF(0, 0, width - 2 * self.pad, 1e6), WRAP, text or " ")
        return box.height() + 2 * self.pad

    def measure(self, level: Level) -> _Table:
        """Column positions and the height of every row of one table."""
        columns = COLUMNS[level]
        total = sum(c.weight for c in columns)
        widths = [self.width * c.weight / total for c in columns]
        lefts = [sum(widths[:i]) for i in range(len(widths))]
        cells = table_cells(self.data.by_level(level), level)
        header = max(self.text_height(self.head, w, c.header) for w, c in zip(widths, columns, strict=True))
        heights = row_heights(cells, lambda c, text: self.text_height(self.body, widths[c], text),
                              self.text_height(self.body, widths[0], "1"))
        return _Table(level, cells, lefts, widths, header, heights)

    def new_page(self) -> None:
        """Finish the current page with its number and start the next one."""
        if self.page:
            self.footer()
            self.printer.newPage()
        self.page += 1
        self.y = 0.0

    def footer(self) -> None:
        """The page number centred under the text block."""
        self.painter.setFont(make_font(BODY_FAMILIES, 12))
        self.painter.drawText(QRectF(0, self.bottom, self.width, FOOTER_MM * self.mm),
                              int(Qt.AlignmentFlag.AlignCenter), page_number_text(self.page))

    def line(self, text: str, font: QFont, align: Qt.AlignmentFlag, gap_mm: float) -> None:
        """A line of text across the page (label, title, subtitle)."""
        self.painter.setFont(font)
        box = self.painter.boundingRect(QRectF(0, self.y, self.width, 1e6), WRAP | int(align), text)
        self.painter.drawText(QRectF(0, self.y, self.width, box.height()), WRAP | int(align), text)
        self.y += box.height() + gap_mm * self.mm

    def cell(self, table: _Table, column: int, top: float, height: float, text: str,
             font: QFont, align: Qt.AlignmentFlag) -> None:
        """One bordered cell with its text, vertically centred."""
        rect = QRectF(table.lefts[column], top, table.widths[column], height)
        self.painter.drawRect(rect)
        self.painter.setFont(font)
        inner = rect.adjusted(self.pad, self.pad, -self.pad, -self.pad)
        self.painter.drawText(inner, WRAP | int(align | Qt.AlignmentFlag.AlignVCenter), text)

    def header_row(self, table: _Table) -> None:
        """The table's header row at the current position."""
        for index, column in enumerate(COLUMNS[table.level]):
            self.cell(table, index, self.y, table.header, column.header, self.head,
                      Qt.AlignmentFlag.AlignHCenter)
        self.y += table.header

    def block(self, table: _Table, first: int, last: int) -> None:
        """Rows first..last (a group held together by its merges) at the current position."""
        tops = [self.y]
        for index in range(first, last + 1):
            tops.append(tops[-1] + table.heights[index])
        for index in range(first, last + 1):
            for column, (text, span) in enumerate(table.cells[index]):
                if span == 0 and index != first:
                    continue
                rows = span if span > 1 else 1
                if span == 0:  # a merge that began on an earlier page: text again here
                    rows = 1
                height = tops[min(index - first + rows, len(tops) - 1)] - tops[index - first]
                field = COLUMNS[table.level][column].field
                align = (Qt.AlignmentFlag.AlignHCenter if field in CENTERED_FIELDS
                         else Qt.AlignmentFlag.AlignLeft)
                self.cell(table, column, tops[index - first], height, text, self.body, align)
        self.y = tops[-1]

    def table(self, table: _Table) -> None:
        """A whole table: title block on a new page, then groups kept whole where they fit."""
        self.new_page()
        self.line("附件", make_font(HEAD_FAMILIES, 14), Qt.AlignmentFlag.AlignLeft, 2)
        self.line(attachment_title(self.data), make_font(HEAD_FAMILIES, 18),
                  Qt.AlignmentFlag.AlignHCenter, 1)
        self.line(LEVEL_SUBTITLES[table.level], make_font(BODY_FAMILIES, 14),
                  Qt.AlignmentFlag.AlignHCenter, 2)
        self.header_row(table)
        for first, last in merge_blocks(table.cells):
            rows = [(first, last)]
            if self.y + sum(table.heights[first:last + 1]) > self.bottom:
                self.new_page()
                self.header_row(table)
                if self.y + sum(table.heights[first:last + 1]) > self.bottom:
                    rows = [(i, i) for i in range(first, last + 1)]
            for start, end in rows:
                if self.y + sum(table.heights[start:end + 1]) > self.bottom:
                    self.new_page()
                    self.header_row(table)
                self.block(table, start, end)

    def run(self) -> int:
        """Paint both tables; returns the number of pages."""
        pen = QPen(Qt.GlobalColor.black)
        pen.setWidthF(0.25 * self.mm)
        self.painter.setPen(pen)
        for level in (Level.MUNICIPAL, Level.DISTRICT):
            self.table(self.measure(level))
        self.footer()
        return self.page


def merge_blocks(cells: list[list[tuple[str, int]]]) -> list[tuple[int, int]]:
    """Runs of rows (first, last) tied together by vertical merges."""
    blocks: list[tuple[int, int]] = []
    index = 0
    while index < len(cells):
        last = index + max(max(span for _text, span in cells[index]), 1) - 1
        blocks.append((index, last))
        index = last + 1
    return blocks


def render_appendix(data: CampaignData, printer: QPrinter) -> int:
    """Lay the attachment out on the printer's pages and paint them; returns the page count."""
    ensure_gui_application()
    printer.setPageLayout(page_layout())
    painter = QPainter()
    if not painter.begin(printer):
        raise ExportError(_tr("无法开始打印：打印机或输出文件不可用。"))
    try:
        return _Painter(printer, painter, data).run()
    finally:
        painter.end()


def make_printer() -> QPrinter:
    """The one printer set-up shared by print, preview and PDF: A4 landscape, high resolution."""
    ensure_gui_application()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout())
    return printer


def print_appendix(data: CampaignData, printer: QPrinter) -> int:
    """Print the attachment on a printer chosen by the user (or for the print preview)."""
    return render_appendix(data, printer)


def export_appendix_pdf(data: CampaignData, path: Path | str) -> None:
    """Write the attachment to a PDF file, whole or not at all."""
    ensure_gui_application()
    with atomic_output(path) as tmp:
        printer = make_printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp))
        printer.setDocName(attachment_title(data))
        printer.setCreator("上海市“5·20世界计量日”系列宣传活动管理程序")
        render_appendix(data, printer)
