"""The timeline's header and corner: days with weekday and count, the month band, the legend.

A part of TimelineCanvas kept in its own module; its texts keep the canvas's translation
context.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from models.dates.deadlines import weekday_name
from models.entities import Level
from ui.calendar.style import (
    LEVEL_COLORS,
    METROLOGY_FILL,
    METROLOGY_INK,
    TODAY_INK,
    WEEKEND_FILL,
    paint_swatch,
)


class HeaderPainting:
    """Painting of the header rows and the top-left corner, for TimelineCanvas."""

    def _paint_header(self, p: QPainter) -> None:
        """Month band with the 5·20 mark, then date, weekday and count for each day."""
        m, vp = self.metrics, self.viewport().rect()
        p.save()
        p.setClipRect(QRect(m.label, 0, vp.width() - m.label, m.header))
        p.fillRect(QRect(m.label, 0, vp.width(), m.header), QColor("#f7f8fa"))
        columns = self._visible_columns()
        for column in columns:
            self._paint_day_cell(p, column)
        self._paint_month_band(p, columns)
        p.setPen(QPen(QColor("#9aa0ab"), 1))
        p.drawLine(m.label, m.header - 1, vp.width(), m.header - 1)
        p.drawLine(m.label, m.band, vp.width(), m.band)
        p.restore()

    def _paint_day_cell(self, p: QPainter, column: int) -> None:
        """One day's header: '20日', '周四' and a count badge."""
        m = self.metrics
        day = self.data.day(column)
        weekend, metrology = self._special(day)
        cell = QRectF(self.column_x(column), m.band, self.column_width(), m.header - m.band)
        if metrology:
            p.fillRect(cell, METROLOGY_FILL)
        elif weekend:
            p.fillRect(cell, WEEKEND_FILL)
        ink = METROLOGY_INK if metrology else QColor("#b0343c") if weekend else QColor("#222")
        if day == self.ctx.today():
            ink = TODAY_INK
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(ink)
        top = QRectF(cell.left(), cell.top() + 3, cell.width(), m.line)
        p.drawText(top, Qt.AlignmentFlag.AlignCenter, QCoreApplication.translate("TimelineCanvas", "{0}日").format(day.day))
        p.setFont(self.font())
        p.drawText(top.translated(0, m.line), Qt.AlignmentFlag.AlignCenter,
                   weekday_name(day))
        self._paint_count(p, cell, self.data.counts[column], metrology)

    def _paint_count(self, p: QPainter, cell: QRectF, count: int, metrology: bool) -> None:
        """A rounded badge with the number of activities on a day."""
        m = self.metrics
        text = QCoreApplication.translate("TimelineCanvas", "{0} 项").format(count)
        width = self.fontMetrics().horizontalAdvance(text) + 12
        badge = QRectF(cell.center().x() - width / 2, cell.top() + 2 * m.line + 5, width,
                       m.line + 2)
        fill = METROLOGY_INK if metrology else QColor("#5b6472") if count else QColor("#c9cdd4")
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(fill)
        p.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
        p.setPen(QColor("white"))
        p.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_month_band(self, p: QPainter, columns: range) -> None:
        """'2021年5月' at each month's first visible column; '★ 世界计量日' over 5·20."""
        m = self.metrics
        for column in columns:
            day = self.data.day(column)
            x = self.column_x(column)
            band = QRectF(x, 0, self.column_width(), m.band)
            if column == columns.start or day.day == 1:
                p.setPen(QColor("#444"))
                p.drawText(band.adjusted(6, 0, 400, 0),
                           Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                           QCoreApplication.translate("TimelineCanvas", "{0}年{1}月").format(day.year, day.month))
            if self._special(day)[1]:
                self._paint_pill(p, band, QCoreApplication.translate("TimelineCanvas", "★ 世界计量日"), METROLOGY_INK)
            elif day == self.ctx.today() and column != columns.start:
                label = (QCoreApplication.translate("TimelineCanvas", "今天")
                         if day == date.today()
                         else QCoreApplication.translate("TimelineCanvas", "计算日期"))
                self._paint_pill(p, band, label, TODAY_INK)

    def _paint_pill(self, p: QPainter, band: QRectF, text: str, fill: QColor) -> None:
        """White text on a rounded pill centred over a column of the month band."""
        width = self.fontMetrics().horizontalAdvance(text) + 14
        pill = QRectF(band.center().x() - width / 2, 2, width, band.height() - 4)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(fill)
        p.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        p.setPen(QColor("white"))
        p.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_corner(self, p: QPainter) -> None:
        """Top-left: how many activities are shown, and a legend of bar styles."""
        m = self.metrics
        p.save()
        p.setClipRect(QRect(0, 0, m.label, m.header))
        p.fillRect(QRect(0, 0, m.label, m.header), QColor("#f7f8fa"))
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(QColor("#222"))
        p.drawText(QRect(8, 0, m.label - 16, m.band),
                   Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                   QCoreApplication.translate("TimelineCanvas", "活动日历（{0} 项）").format(len(self.data.lanes)))
        p.setFont(self.font())
        color = LEVEL_COLORS[Level.MUNICIPAL]
        entries = ((False, False, QCoreApplication.translate("TimelineCanvas", "确定日期")), (True, False, QCoreApplication.translate("TimelineCanvas", "大致或开放时间")),
                   (False, True, QCoreApplication.translate("TimelineCanvas", "超出活动期")))
        y = m.band + 4
        for approximate, clipped, text in entries:
            swatch = QRectF(10, y + 3, 26, m.line - 4)
            paint_swatch(p, swatch, color, approximate, clipped)
            p.setPen(QColor("#444"))
            p.drawText(QRectF(44, y, m.label - 50, m.line),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
            y += m.line + 1
        p.setPen(QPen(QColor("#9aa0ab"), 1))
        p.drawLine(0, m.header - 1, m.label, m.header - 1)
        p.drawLine(m.label - 1, 0, m.label - 1, m.header)
        p.restore()
