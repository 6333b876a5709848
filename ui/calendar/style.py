"""The timeline's look: colours, sizes from the font, and the small shapes it draws."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPen, QPolygonF

from models.entities import Level

LEVEL_COLORS = {Level.MUNICIPAL: QColor("#2f6db5"), Level.DISTRICT: QColor("#23865a")}
WEEKEND_FILL = QColor("#eef0f4")
METROLOGY_FILL = QColor("#fde7e4")
METROLOGY_INK = QColor("#c62828")
TODAY_INK = QColor("#1565c0")
GRID = QColor("#d9dce3")
HOVER_FILL = QColor(255, 213, 79, 60)
CARRIED_FILL = QColor("#fbd977")
SELECTED_INK = QColor("#e65100")
CARRIED_INK = QColor("#6b4500")


@dataclass(frozen=True, slots=True)
class Metrics:
    """Sizes derived from the font."""

    line: int
    row: int
    label: int
    header: int
    band: int
    min_column: int

    @classmethod
    def of(cls, fm: QFontMetrics) -> Metrics:
        """Metrics for a font."""
        line = fm.height()
        return cls(line=line, row=line + 12, label=fm.horizontalAdvance("国") * 19,
                   header=line * 4 + 14, band=line + 6,
                   min_column=fm.horizontalAdvance("12月30") + 10)


def mix(color: QColor, amount: float) -> QColor:
    """A color mixed with white: amount 1 is the color, 0 is white."""
    def channel(value: int) -> int:
        return round(255 + (value - 255) * amount)
    return QColor(channel(color.red()), channel(color.green()), channel(color.blue()))


def paint_arrow(p: QPainter, rect: QRectF, ink: QColor, size: float, left: bool) -> None:
    """A triangle at a bar's clipped end, pointing out of the window."""
    cy = rect.center().y()
    if left:
        tip, base = rect.left() + 3, rect.left() + 3 + size
    else:
        tip, base = rect.right() - 3, rect.right() - 3 - size
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ink)
    p.drawPolygon(QPolygonF([QPointF(tip, cy), QPointF(base, cy - size),
                             QPointF(base, cy + size)]))


def paint_swatch(p: QPainter, rect: QRectF, color: QColor, approximate: bool,
                  clipped: bool) -> None:
    """A small bar sample for the legend."""
    if approximate:
        p.setPen(QPen(color, 1.2, Qt.PenStyle.DashLine))
        p.setBrush(mix(color, 0.18))
        p.drawRect(rect)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(mix(color, 0.45), Qt.BrushStyle.BDiagPattern))
        p.drawRect(rect)
        return
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    p.drawRect(rect)
    if clipped:
        paint_arrow(p, rect, QColor("white"), rect.height() * 0.35, left=False)
