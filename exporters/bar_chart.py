"""A bar chart drawn with Qt into a PNG, sized in millimetres at print resolution."""
from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from exporters.pdf_appendix import HEAD_FAMILIES
from exporters.pdf_table import make_font

DPI = 300
"""Print resolution: lines and text stay sharp on paper."""
BAR = QColor(176, 32, 32)
LAST_YEAR = QColor(160, 160, 160)
MM_PER_INCH = 25.4


def axis_steps(highest: float, most: int = 6) -> tuple[float, int]:
    """A round step (1, 2, 2.5 or 5 times a power of ten) and how many steps reach highest,
    at most `most` of them."""
    if highest <= 0:
        return 1, 1
    power = 10 ** math.floor(math.log10(highest / most)) if highest >= most else 1
    for factor in (1, 2, 2.5, 5, 10, 20, 25, 50):
        step = factor * power
        if step >= 1 and highest / step <= most:
            return step, max(1, math.ceil(highest / step))
    return highest, 1


def _font(pixels: float) -> QFont:
    """The chart's 黑体 at a size in pixels of the image."""
    font = make_font(HEAD_FAMILIES, 10)
    font.setPixelSize(round(pixels))
    return font


def bar_chart_png(title: str, labels: Sequence[str], values: Sequence[int],
                  width_mm: float = 150, height_mm: float = 80,
                  previous: Sequence[int] | None = None, legend: Sequence[str] = ()) -> bytes:
    """A titled vertical bar chart (last year's bars beside this year's when given) as PNG
    bytes at DPI; a QGuiApplication must exist."""
    px = DPI / MM_PER_INCH
    width, height = round(width_mm * px), round(height_mm * px)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(DPI / MM_PER_INCH * 1000))
    image.setDotsPerMeterY(round(DPI / MM_PER_INCH * 1000))
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    point = DPI / 72  # pixels per typographic point
    title_font, label_font, value_font = (_font(size * point) for size in (12, 8, 7.5))
    painter.setFont(title_font)
    painter.setPen(Qt.GlobalColor.black)
    title_height = 10 * px
    painter.drawText(QRectF(0, 0, width, title_height), Qt.AlignmentFlag.AlignCenter, title)
    left, right = 14 * px, width - 4 * px
    top, bottom = title_height + 4 * px, height - 14 * px
    highest = max([*values, *(previous or [])], default=0)
    step, count = axis_steps(highest)
    axis_top = step * count
    painter.setFont(value_font)
    grid = QPen(QColor(210, 210, 210))
    grid.setWidthF(0.2 * px)
    for tick in range(count + 1):
        share = tick / count
        y = bottom - share * (bottom - top)
        painter.setPen(grid)
        painter.drawLine(round(left), round(y), round(right), round(y))
        painter.setPen(Qt.GlobalColor.black)
        painter.drawText(QRectF(0, y - 3 * px, left - 1.5 * px, 6 * px),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         f"{step * tick:g}")
    axis = QPen(Qt.GlobalColor.black)
    axis.setWidthF(0.3 * px)
    painter.setPen(axis)
    painter.drawLine(round(left), round(bottom), round(right), round(bottom))
    slot = (right - left) / max(len(values), 1)
    pairs = previous is not None
    bar_width = slot * (0.36 if pairs else 0.6)
    for index, value in enumerate(values):
        centre = left + slot * (index + 0.5)
        bars = [(value, BAR, centre - (bar_width / 2 if not pairs else 0))]
        if pairs:
            bars = [(previous[index], LAST_YEAR, centre - bar_width), (value, BAR, centre)]
        for amount, colour, x in bars:
            bar_height = (bottom - top) * amount / axis_top
            rect = QRectF(x, bottom - bar_height, bar_width, bar_height)
            painter.fillRect(rect, colour)
            if colour == LAST_YEAR:
                continue        # last year's numbers are in the table; labels would crowd
            painter.setFont(value_font)
            painter.setPen(Qt.GlobalColor.black)
            painter.drawText(QRectF(centre - slot / 2, rect.top() - 5 * px, slot, 5 * px),
                             Qt.AlignmentFlag.AlignCenter, str(amount))
        painter.setFont(label_font)
        painter.drawText(QRectF(centre - slot / 2, bottom + 1 * px, slot, 12 * px),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                         | Qt.TextFlag.TextWordWrap, labels[index])
    if pairs and legend:
        painter.setFont(value_font)
        x = right - 40 * px
        for colour, text in zip((LAST_YEAR, BAR), legend, strict=False):
            painter.fillRect(QRectF(x, 2 * px, 3 * px, 3 * px), colour)
            painter.setPen(Qt.GlobalColor.black)
            painter.drawText(QRectF(x + 4 * px, 0.5 * px, 16 * px, 6 * px),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            x += 20 * px
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())
