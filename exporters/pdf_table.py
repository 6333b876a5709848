"""Paint bordered tables on printer or PDF pages with QPainter, nothing ever cut off.

- Columns are sized from the content (exporters.column_widths) with the font's own widths.
- The header row repeats on every page; a group of rows tied by merges stays on one page
  when it fits on one.
- A group taller than a page breaks between rows, its merged text shown again on each page.
- A row taller than a page continues on the next: its text flows line by line, and the
  columns marked to repeat (序号, 活动名称) are shown again in every part.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPainter,
    QPen,
    QTextLayout,
    QTextOption,
)

from exporters.column_widths import column_widths
from exporters.table_rows import merge_blocks, row_heights

if TYPE_CHECKING:
    from exporters.pdf_output import PdfJob

PAD_MM = 1.2
NUMBER_GAP_MM = 7.0
"""The page number's dashes lie 7 mm under the text block (GB/T 9704 7.5)."""
NUMBER_FAMILIES = ("宋体", "SimSun", "Songti SC", "Noto Serif CJK SC")
NUMBER_PT = 14                       # 4号


def make_font(families: Sequence[str], points: float) -> QFont:
    """A font by preference list, Chinese official fonts first."""
    font = QFont()
    font.setFamilies(list(families))
    font.setPointSizeF(points)
    return font


def page_number_text(number: int) -> str:
    """A page number as the official documents write it."""
    return f"— {number} —"


@dataclass(slots=True)
class TableSpec:
    """A table to paint: headers, cells as (text, span) rows, and how columns behave."""

    headers: Sequence[str]
    cells: Sequence[Sequence[tuple[str, int]]]
    centred: Sequence[bool]
    dates: Sequence[bool] = ()
    repeat: Sequence[bool] = ()          # shown again on each page a tall row continues on
    caption: str = ""                    # drawn again, marked 续, above a continued header
    sizing_rows: Sequence[Sequence[str]] | None = None   # rows to size columns by (all tables)


class TablePainter:
    """Paints page by page; every text drawn and font used is reported to job.drew."""

    def __init__(self, device: QPagedPaintDevice, painter: QPainter, job: PdfJob,
                 body: QFont, head: QFont) -> None:
        self.device, self.painter, self.job = device, painter, job
        dpi = device.resolution()          # QPrinter and QPdfWriter both have one
        self.mm = dpi / 25.4
        area = device.pageLayout().paintRectPixels(dpi)
        self.width = float(area.width())
        self.bottom = float(area.height())        # the page number lies in the margin
        self.landscape = area.width() > area.height()
        self.pad = PAD_MM * self.mm
        self.body, self.head = body, head
        self.footer_font = make_font(NUMBER_FAMILIES, NUMBER_PT)
        self.page = 0
        self.y = 0.0
        pen = QPen(Qt.GlobalColor.black)
        pen.setWidthF(0.25 * self.mm)
        painter.setPen(pen)

    # -- text ----------------------------------------------------------------------------

    def metrics(self, font: QFont) -> QFontMetricsF:
        """Font metrics in device pixels."""
        return QFontMetricsF(font, self.device)

    def wrap(self, text: str, font: QFont, width: float) -> list[str]:
        """The lines text takes in a given width (Qt's line breaking, long words broken)."""
        lines: list[str] = []
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        for paragraph in text.split("\n"):
            layout = QTextLayout(paragraph, font, self.device)
            layout.setTextOption(option)
            layout.beginLayout()
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(max(width, 1.0))
                lines.append(paragraph[line.textStart():line.textStart() + line.textLength()])
            layout.endLayout()
            if not paragraph:
                lines.append("")
        return lines

    def draw_line(self, text: str, font: QFont, left: float, top: float, width: float,
                  centred: bool) -> None:
        """One line of text at a position, left or centred."""
        fm = self.metrics(font)
        shown = text.rstrip()
        x = left + (max(width - fm.horizontalAdvance(shown), 0) / 2 if centred else 0)
        self.painter.setFont(font)
        self.painter.drawText(QPointF(x, top + fm.ascent()), shown)
        self.job.drew(shown, font)

    def line(self, text: str, font: QFont, centred: bool, gap_mm: float) -> None:
        """A line of text across the page (label, title, subtitle), wrapped if long."""
        height = self.metrics(font).lineSpacing()
        for part in self.wrap(text, font, self.width):
            self.draw_line(part, font, 0, self.y, self.width, centred)
            self.y += height
        self.y += gap_mm * self.mm

    # -- pages ---------------------------------------------------------------------------

    def new_page(self) -> None:
        """Finish the current page with its number and start the next one."""
        if self.page:
            self.footer()
            self.device.newPage()
        self.page += 1
        self.y = 0.0

    def footer(self) -> None:
        """The page number "— n —" in 4号 宋体 where GB/T 9704 puts it: 7 mm under the text
        block, odd pages right and even pages left, one character in. A landscape page is
        bound turned (its top at the binding edge), so its number stands at the same place
        of the sheet: in the left margin, reading downwards."""
        text = page_number_text(self.page)
        fm = self.metrics(self.footer_font)
        one_char = NUMBER_PT / 72 * self.device.resolution()
        along = (self.bottom if self.landscape else self.width)   # the sheet's text width
        start = along - one_char - fm.horizontalAdvance(text) if self.page % 2 else one_char
        below = NUMBER_GAP_MM * self.mm + fm.ascent()
        painter = self.painter
        painter.save()
        painter.setFont(self.footer_font)
        if self.landscape:
            painter.translate(-below, start)
            painter.rotate(90)
            painter.drawText(QPointF(0, 0), text)
        else:
            painter.drawText(QPointF(start, self.bottom + below), text)
        painter.restore()
        self.job.drew(text, self.footer_font)

    def finish(self) -> int:
        """Number the last page; returns the page count."""
        self.footer()
        self.job.pages = self.page
        return self.page

    # -- tables --------------------------------------------------------------------------

    def table(self, spec: TableSpec, heading: list[tuple[str, QFont, bool, float]],
              new_page: bool = True) -> None:
        """A heading (lines of text), then the table, groups kept whole where they fit.

        The heading, header row and first group start a new page together when the
        current one has no room for them.
        """
        if new_page or self.page == 0:
            self.new_page()
        self.spec = spec
        self._measure(spec)
        self.line_height = self.metrics(self.body).lineSpacing()
        self.header_height = max(len(self.wrap(h, self.head, w - 2 * self.pad))
                                 for h, w in zip(spec.headers, self.widths, strict=True)
                                 ) * self.metrics(self.head).lineSpacing() + 2 * self.pad
        blocks = merge_blocks(spec.cells)
        start = sum(len(self.wrap(text, font, self.width)) * self.metrics(font).lineSpacing()
                    + gap * self.mm for text, font, _c, gap in heading) + self.header_height
        if blocks:
            first, last = blocks[0]
            start += min(sum(self._height(self._lines(c, text)) if span else 0
                             for row in spec.cells[first:last + 1]
                             for c, (text, span) in enumerate(row)),
                         self.line_height * 3 + 2 * self.pad)
        if self.y > 0 and self.y + start > self.bottom:
            self.new_page()
        for text, font, centred, gap in heading:
            self.line(text, font, centred, gap)
        self.header_row()
        for first, last in blocks:
            self._block(first, last)

    def _measure(self, spec: TableSpec) -> list[float]:
        """Column widths in pixels from the content, in the body font's own widths."""
        fm = self.metrics(self.body)
        em = fm.horizontalAdvance("日") or 1.0
        texts = spec.sizing_rows if spec.sizing_rows is not None else [
            [text if span else "" for text, span in row] for row in spec.cells]
        ems = column_widths(spec.headers, texts, self.width / em, 2 * self.pad / em,
                            spec.dates, (lambda t: fm.horizontalAdvance(t) / em,))
        self.widths = [w * em for w in ems]
        self.lefts = [sum(self.widths[:i]) for i in range(len(self.widths))]
        return self.widths

    def header_row(self) -> None:
        """The table's header row at the current position."""
        for index, header in enumerate(self.spec.headers):
            self._cell(index, self.y, self.header_height,
                       self.wrap(header, self.head, self.widths[index] - 2 * self.pad),
                       self.head, True)
        self.y += self.header_height

    def _lines(self, column: int, text: str) -> list[str]:
        """A body cell's lines."""
        return self.wrap(text, self.body, self.widths[column] - 2 * self.pad)

    def _height(self, lines: list[str]) -> float:
        """Height of a cell holding these lines."""
        return max(len(lines), 1) * self.line_height + 2 * self.pad

    def _cell(self, column: int, top: float, height: float, lines: list[str], font: QFont,
              centred: bool, middle: bool = True) -> None:
        """One bordered cell with its lines, vertically centred (or from the top)."""
        self.painter.drawRect(QRectF(self.lefts[column], top, self.widths[column], height))
        step = self.metrics(font).lineSpacing()
        used = len(lines) * step
        y = top + (max(height - used, 0) / 2 if middle else self.pad)
        for line in lines:
            self.draw_line(line, font, self.lefts[column] + self.pad, y,
                           self.widths[column] - 2 * self.pad, centred)
            y += step

    def _room(self) -> float:
        """Height left on the current page."""
        return self.bottom - self.y

    def _fresh_room(self) -> float:
        """Height of a page's table area below the repeated caption and header."""
        caption = (self.metrics(self.head).lineSpacing() + self.mm) if self.spec.caption else 0
        return self.bottom - self.header_height - caption

    def _continue_page(self) -> None:
        """Start a new page of the table with its caption (续) and header repeated."""
        self.new_page()
        if self.spec.caption:
            self.line(f"{self.spec.caption}（续）", self.head, False, 1)
        self.header_row()

    def _block(self, first: int, last: int) -> None:
        """Rows first..last: whole on this page or the next, else row by row."""
        cells = self.spec.cells[first:last + 1]
        lines = [[self._lines(c, text) if span else [] for c, (text, span) in enumerate(row)]
                 for row in cells]
        heights = row_heights(cells, lambda r, c, _text: self._height(lines[r][c]),
                              self._height([]))
        total = sum(heights)
        if total <= self._room():
            self._paint_block(cells, lines, heights)
            return
        if total <= self._fresh_room():
            self._continue_page()
            self._paint_block(cells, lines, heights)
            return
        merged = {c: lines[0][c] for c, (_t, span) in enumerate(cells[0]) if span > 1}
        for offset in range(len(cells)):
            self._single_row(cells[offset], lines[offset], merged, offset == 0)

    def _paint_block(self, cells, lines, heights) -> None:
        """A block that fits: merged cells as one rect over their rows."""
        tops = [self.y]
        for h in heights:
            tops.append(tops[-1] + h)
        for r, row in enumerate(cells):
            for c, (_text, span) in enumerate(row):
                if span == 0:
                    continue
                end = min(r + max(span, 1), len(cells))
                self._cell(c, tops[r], tops[end] - tops[r], lines[r][c], self.body,
                           self.spec.centred[c])
        self.y = tops[-1]

    def _single_row(self, row, lines, merged: dict[int, list[str]], first: bool) -> None:
        """One row of a group taller than a page; merged text on each page's first row."""
        def content(with_merged: bool) -> list[list[str]]:
            return [merged[c] if c in merged and with_merged else
                    ([] if c in merged else lines[c]) for c in range(len(row))]
        now = content(first or self.y_at_page_top())
        height = max(self._height(cell) for cell in now)
        if height <= self._room():
            self._paint_row(now, height)
            return
        fresh = content(True)
        if max(self._height(cell) for cell in fresh) <= self._fresh_room():
            self._continue_page()
            self._paint_row(fresh, max(self._height(cell) for cell in fresh))
            return
        self._flow_row(fresh if not self.y_at_page_top() else now)

    def y_at_page_top(self) -> bool:
        """True right below a page's (caption and) header row."""
        return abs(self.y - (self.bottom - self._fresh_room())) < 1e-6

    def _paint_row(self, cells: list[list[str]], height: float) -> None:
        """One row of cells at the current position."""
        for c, cell in enumerate(cells):
            self._cell(c, self.y, height, cell, self.body, self.spec.centred[c])
        self.y += height

    def _flow_row(self, cells: list[list[str]]) -> None:
        """A row taller than a page: its lines continue on the next pages, the columns
        marked repeat (序号, 活动名称) shown again in every part when they fit one."""
        if self._room() < self.line_height * 3 + 2 * self.pad:
            self._continue_page()
        per_page = max(int((self._fresh_room() - 2 * self.pad) // self.line_height), 1)
        repeat = [c < len(self.spec.repeat) and self.spec.repeat[c]
                  and len(cells[c]) <= per_page for c in range(len(cells))]
        done = [0] * len(cells)
        while True:
            fit = max(int((self._room() - 2 * self.pad) // self.line_height), 1)
            part = [cells[c] if repeat[c] else cells[c][done[c]:done[c] + fit]
                    for c in range(len(cells))]
            for c in range(len(cells)):
                if not repeat[c]:
                    done[c] += len(part[c])
            height = max(self._height(p) for p in part)
            for c, lines in enumerate(part):
                self._cell(c, self.y, height, lines, self.body, self.spec.centred[c],
                           middle=repeat[c])
            self.y += height
            if all(repeat[c] or done[c] >= len(cells[c]) for c in range(len(cells))):
                return
            self._continue_page()
