"""The painted timeline: a header of days, a fixed column of lane labels and bars in lanes."""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from models.dates.calendar_layout import Bar, CalendarData, lane_tag, lane_title
from models.entities import Activity, Level, Unit
from models.fields import level_label
from ui.calendar.header import HeaderPainting
from ui.calendar.style import (
    CARRIED_FILL,
    CARRIED_INK,
    GRID,
    HOVER_FILL,
    LEVEL_COLORS,
    METROLOGY_FILL,
    METROLOGY_INK,
    SELECTED_INK,
    TODAY_INK,
    WEEKEND_FILL,
    Metrics,
    mix,
    paint_arrow,
)
from ui.calendar.texts import CalendarTexts
from ui.context import AppContext

METROLOGY_DAY = (5, 20)


class TimelineCanvas(HeaderPainting, QAbstractScrollArea):
    """Header of days, a fixed label column and lanes of bars; paints only what is visible."""

    day_selected = Signal(object)       # datetime.date, by a click
    activity_selected = Signal(int)
    day_activated = Signal(object)      # by a double-click or Enter
    activity_activated = Signal(int)
    overflow_changed = Signal()         # the days shown in full changed (see days_in_view)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.texts = CalendarTexts(ctx, self)
        self.selected: tuple[str, Any] | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.data = CalendarData((date.today(), date.today()))
        self.metrics = Metrics.of(self.fontMetrics())
        self._hover_lane = -1
        self.viewport().setMouseTracking(True)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    # -- data and geometry -------------------------------------------------------

    def set_data(self, data: CalendarData) -> None:
        """Show new lanes (a selected activity that has no lane now is let go)."""
        self.data = data
        self._hover_lane = -1
        if self.selected and self.selected[0] == "activity" and not any(
                lane.activity.id == self.selected[1] for lane in data.lanes):
            self.selected = None
        self._update_scrollbars()
        self.viewport().update()

    def column_width(self) -> float:
        """Width of a day column: the window fills the view unless that gets too narrow."""
        free = self.viewport().width() - self.metrics.label
        return max(float(self.metrics.min_column), free / max(self.data.days, 1))

    def column_x(self, column: int) -> float:
        """Viewport x of a column's left edge."""
        return (self.metrics.label + column * self.column_width()
                - self.horizontalScrollBar().value())

    def lane_y(self, lane: int) -> int:
        """Viewport y of a lane's top edge."""
        return self.metrics.header + lane * self.metrics.row - self.verticalScrollBar().value()

    def day_rect(self, day: date) -> QRect:
        """The header cell of a day, in viewport coordinates."""
        column = self.data.column(day)
        x0, x1 = self.column_x(column), self.column_x(column + 1)
        return QRect(round(x0), self.metrics.band, round(x1 - x0),
                     self.metrics.header - self.metrics.band)

    def cell_rect(self, lane: int, column: int) -> QRect:
        """A lane's cell of a day, in viewport coordinates."""
        x0, x1 = self.column_x(column), self.column_x(column + 1)
        return QRect(round(x0), self.lane_y(lane), round(x1 - x0), self.metrics.row)

    def bar_rect(self, lane: int, bar: Bar) -> QRectF:
        """Where a bar is painted, in viewport coordinates."""
        x0, x1 = self.column_x(bar.first), self.column_x(bar.last + 1)
        inset_l = 0 if bar.clipped_left else 3
        inset_r = 0 if bar.clipped_right else 3
        y = self.lane_y(lane)
        return QRectF(x0 + inset_l, y + 4, x1 - x0 - inset_l - inset_r, self.metrics.row - 8)

    def bar_rects(self, activity_id: int) -> list[QRect]:
        """The painted rectangles of an activity's bars (empty when it has no lane)."""
        for number, lane in enumerate(self.data.lanes):
            if lane.activity.id == activity_id:
                return [self.bar_rect(number, b).toRect() for b in lane.bars]
        return []

    def visible_lanes(self) -> range:
        """Lanes at least partly inside the viewport."""
        top = self.verticalScrollBar().value()
        height = max(self.viewport().height() - self.metrics.header, 0)
        first = top // self.metrics.row
        last = (top + height) // self.metrics.row + 1
        return range(max(first, 0), min(last, len(self.data.lanes)))

    def hit(self, pos: QPoint) -> tuple[str, Any] | None:
        """What is under a point: ('day', date), ('activity', id) or None."""
        m = self.metrics
        if pos.y() < m.band:
            return None
        lane = (pos.y() - m.header + self.verticalScrollBar().value()) // m.row
        in_lanes = pos.y() >= m.header and 0 <= lane < len(self.data.lanes)
        if pos.x() < m.label:
            return ("activity", self.data.lanes[lane].activity.id) if in_lanes else None
        column = int((pos.x() - m.label + self.horizontalScrollBar().value())
                     // self.column_width())
        if not 0 <= column < self.data.days:
            return None
        if in_lanes:
            for bar in self.data.lanes[lane].bars:
                if self.bar_rect(lane, bar).contains(QPointF(pos)):
                    return ("activity", self.data.lanes[lane].activity.id)
        return ("day", self.data.day(column))

    def _update_scrollbars(self) -> None:
        """Ranges for the lanes below the header and the columns right of the labels."""
        m = self.metrics
        content_h = len(self.data.lanes) * m.row
        visible_h = max(self.viewport().height() - m.header, 0)
        bar = self.verticalScrollBar()
        bar.setRange(0, max(content_h - visible_h, 0))
        bar.setPageStep(max(visible_h, m.row))
        bar.setSingleStep(m.row)
        content_w = self.data.days * self.column_width()
        visible_w = max(self.viewport().width() - m.label, 0)
        hbar = self.horizontalScrollBar()
        hbar.setRange(0, max(round(content_w - visible_w), 0))
        hbar.setPageStep(max(visible_w, 1))
        hbar.setSingleStep(round(self.column_width()))
        self.overflow_changed.emit()

    def days_in_view(self) -> int:
        """How many day columns the view shows at once."""
        visible_w = max(self.viewport().width() - self.metrics.label, 0)
        return min(int(visible_w // self.column_width()), self.data.days)

    # -- Qt events ----------------------------------------------------------------

    def sizeHint(self) -> QSize:
        m = self.metrics
        return QSize(m.label + m.min_column * max(self.data.days, 7) + 20,
                     m.header + m.row * min(max(len(self.data.lanes), 8), 30))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_scrollbars()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        if event.type() == QEvent.Type.Leave:
            self._set_hover(-1)
        return super().viewportEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        y = event.position().toPoint().y()
        lane = (y - self.metrics.header + self.verticalScrollBar().value()) // self.metrics.row
        self._set_hover(lane if y >= self.metrics.header and lane < len(self.data.lanes) else -1)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            found = self.hit(event.position().toPoint())
            if found is not None:
                self.select(found)
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            found = self.hit(event.position().toPoint())
            if found is not None:
                self.activate(found)
                return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter opens the selection; ↑/↓ (Home/End) move between activities, ←/→ between
        days, the view following."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected:
            self.activate()
            return
        lane_steps = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}
        if key in lane_steps or key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            if self.data.lanes:
                last = len(self.data.lanes) - 1
                target = (0 if key == Qt.Key.Key_Home else last if key == Qt.Key.Key_End
                          else min(max(self._selected_lane() + lane_steps[key], 0), last)
                          if self._selected_lane() >= 0 else 0)
                self.select(("activity", self.data.lanes[target].activity.id))
                self._show_lane(target)
            return
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self.data.days:
            step = -1 if key == Qt.Key.Key_Left else 1
            column = min(max(self._selected_column() + step, 0), self.data.days - 1)
            self.select(("day", self.data.day(column)))
            self._show_column(column)
            return
        super().keyPressEvent(event)

    def _selected_lane(self) -> int:
        """The lane of the selected activity, or -1."""
        if not self.selected or self.selected[0] != "activity":
            return -1
        return next((n for n, lane in enumerate(self.data.lanes)
                     if lane.activity.id == self.selected[1]), -1)

    def _selected_column(self) -> int:
        """The column a ←/→ starts from: the selected day, the selected activity's first
        day, else one before the window (so → gives its first day)."""
        if self.selected and self.selected[0] == "day":
            return self.data.column(self.selected[1])
        lane = self._selected_lane()
        if lane >= 0 and self.data.lanes[lane].bars:
            return self.data.lanes[lane].bars[0].first - 1
        return -1

    def _show_lane(self, lane: int) -> None:
        """Scroll so a lane is in view."""
        bar, top = self.verticalScrollBar(), lane * self.metrics.row
        visible = max(self.viewport().height() - self.metrics.header, self.metrics.row)
        if top < bar.value():
            bar.setValue(top)
        elif top + self.metrics.row > bar.value() + visible:
            bar.setValue(top + self.metrics.row - visible)

    def _show_column(self, column: int) -> None:
        """Scroll so a day column is in view."""
        bar, width = self.horizontalScrollBar(), self.column_width()
        left = round(column * width)
        visible = max(self.viewport().width() - self.metrics.label, 1)
        if left < bar.value():
            bar.setValue(left)
        elif left + width > bar.value() + visible:
            bar.setValue(round(left + width - visible))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.viewport().rect(), self.palette().base())
        if self.data.days:
            self._paint_lanes(painter)
            self._paint_header(painter)
        self._paint_labels(painter)
        self._paint_corner(painter)
        painter.end()

    def _unit(self, activity: Activity) -> Unit | None:
        """The registered unit of an activity, if any."""
        return self.texts.unit(activity)

    def tooltip_at(self, pos: QPoint) -> str:
        """Names of a day's activities, or an activity's name, time and unit."""
        found = self.hit(pos)
        if found is None:
            return ""
        if found[0] == "activity":
            return self.texts.activity_tooltip(self.ctx.document.activity(found[1]))
        return self.texts.day_tooltip(self.data, found[1])

    # -- selecting and opening ------------------------------------------------------------

    def select(self, found: tuple[str, Any] | None) -> None:
        """Select an activity or a day (None: nothing) and say so."""
        self.selected = found
        self.viewport().update()
        if found is None:
            return
        if found[0] == "activity":
            self.activity_selected.emit(found[1])
        else:
            self.day_selected.emit(found[1])

    def activate(self, found: tuple[str, Any] | None = None) -> None:
        """Open an activity or a day (default: the selected one) in the table."""
        found = found or self.selected
        if found is None:
            return
        if found[0] == "activity":
            self.activity_activated.emit(found[1])
        else:
            self.day_activated.emit(found[1])

    # -- painting ----------------------------------------------------------------------

    def _set_hover(self, lane: int) -> None:
        """Highlight the lane under the mouse."""
        if lane != self._hover_lane:
            self._hover_lane = lane
            self.viewport().update()

    def _special(self, day: date) -> tuple[bool, bool]:
        """(is weekend, is World Metrology Day)."""
        return day.weekday() >= 5, (day.month, day.day) == METROLOGY_DAY

    def _visible_columns(self) -> range:
        """Columns at least partly inside the viewport."""
        width = self.column_width()
        scroll = self.horizontalScrollBar().value()
        first = int(scroll // width)
        last = int((scroll + self.viewport().width() - self.metrics.label) // width) + 1
        return range(max(first, 0), min(last, self.data.days))

    def _paint_lanes(self, p: QPainter) -> None:
        """Day backgrounds, grid, lane stripes and bars below the header."""
        m, vp = self.metrics, self.viewport().rect()
        p.save()
        p.setClipRect(QRect(m.label, m.header, vp.width() - m.label, vp.height() - m.header))
        columns, lanes = self._visible_columns(), self.visible_lanes()
        for column in columns:
            weekend, metrology = self._special(self.data.day(column))
            x0, x1 = self.column_x(column), self.column_x(column + 1)
            band = QRectF(x0, m.header, x1 - x0, vp.height())
            if metrology:
                p.fillRect(band, METROLOGY_FILL)
            elif weekend:
                p.fillRect(band, WEEKEND_FILL)
        for lane in lanes:
            y = self.lane_y(lane)
            if lane == self._hover_lane:
                p.fillRect(QRect(m.label, y, vp.width(), m.row), HOVER_FILL)
            p.setPen(QPen(GRID, 1))
            p.drawLine(m.label, y + m.row, vp.width(), y + m.row)
            if lane and self.data.lanes[lane - 1].activity.level != \
                    self.data.lanes[lane].activity.level:
                p.setPen(QPen(QColor("#7a808c"), 2))
                p.drawLine(m.label, y, vp.width(), y)
        self._paint_grid(p, columns)
        self._paint_today(p)
        for lane in lanes:
            for bar in self.data.lanes[lane].bars:
                self._paint_bar(p, lane, bar)
        self._paint_selection(p)
        p.restore()

    def _paint_selection(self, p: QPainter) -> None:
        """A frame round the selected activity's bars, or the selected day's column."""
        if self.selected is None:
            return
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(SELECTED_INK, 2.5))
        if self.selected[0] == "activity":
            for rect in self.bar_rects(self.selected[1]):
                p.drawRoundedRect(QRectF(rect).adjusted(-2, -2, 2, 2), 5, 5)
            return
        column = self.data.column(self.selected[1])
        if 0 <= column < self.data.days:
            x0, x1 = self.column_x(column), self.column_x(column + 1)
            p.drawRect(QRectF(x0 + 1, self.metrics.header, x1 - x0 - 2,
                              self.viewport().height() - self.metrics.header - 1))

    def _paint_grid(self, p: QPainter, columns: range) -> None:
        """Vertical day lines; 5·20 framed in red."""
        m, height = self.metrics, self.viewport().height()
        for column in columns:
            x = round(self.column_x(column))
            p.setPen(QPen(GRID, 1))
            p.drawLine(x, m.band, x, height)
        for column in columns:
            if self._special(self.data.day(column))[1]:
                p.setPen(QPen(METROLOGY_INK, 1.5))
                for x in (self.column_x(column), self.column_x(column + 1)):
                    p.drawLine(QPointF(x, m.header), QPointF(x, height))

    def _paint_today(self, p: QPainter) -> None:
        """A dashed blue line through the middle of today's column."""
        column = self.data.column(self.ctx.today())
        if 0 <= column < self.data.days:
            x = (self.column_x(column) + self.column_x(column + 1)) / 2
            p.setPen(QPen(TODAY_INK, 1.5, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x, self.metrics.header), QPointF(x, self.viewport().height()))

    def _paint_bar(self, p: QPainter, lane: int, bar: Bar) -> None:
        """A solid bar for exact days; light, hatched and dashed for rough or open spans."""
        rect = self.bar_rect(lane, bar)
        color = LEVEL_COLORS.get(self.data.lanes[lane].activity.level, QColor("#666"))
        if bar.approximate:
            p.setPen(QPen(color, 1.5, Qt.PenStyle.DashLine))
            p.setBrush(QBrush(mix(color, 0.18)))
            p.drawRoundedRect(rect, 4, 4)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QBrush(mix(color, 0.45), Qt.BrushStyle.BDiagPattern))
            p.drawRoundedRect(rect, 4, 4)
            ink = color.darker(160)
        else:
            p.setPen(QPen(color.darker(130), 1))
            p.setBrush(QBrush(color))
            p.drawRoundedRect(rect, 4, 4)
            ink = QColor("white")
        arrow = self.metrics.row * 0.28
        if bar.clipped_left:
            paint_arrow(p, rect, ink, arrow, left=True)
        if bar.clipped_right:
            paint_arrow(p, rect, ink, arrow, left=False)
        text_rect = rect.adjusted(6 + (arrow + 2 if bar.clipped_left else 0), 0,
                                  -6 - (arrow + 2 if bar.clipped_right else 0), 0)
        self._paint_bar_text(p, lane, bar, text_rect, ink)

    def _paint_bar_text(self, p: QPainter, lane: int, bar: Bar, inside: QRectF,
                        ink: QColor) -> None:
        """The name inside the bar if it fits; else beside (or elided in) the lane's last bar."""
        fm = self.fontMetrics()
        name = self.data.lanes[lane].activity.name.replace("\n", " ")
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        fits = fm.horizontalAdvance(name) <= inside.width()
        if not fits and bar is not self.data.lanes[lane].bars[-1]:
            return
        if not fits:
            room = self.column_x(self.data.days) - inside.right() - 12
            if room >= min(fm.horizontalAdvance(name), self.metrics.line * 6):
                beside = QRectF(inside.right() + 12, inside.top(), room, inside.height())
                p.setPen(QColor("#333"))
                p.drawText(beside, align, fm.elidedText(name, Qt.TextElideMode.ElideRight,
                                                        int(room)))
                return
        if inside.width() >= self.metrics.line * 2:
            p.setPen(ink)
            p.drawText(inside, align, fm.elidedText(name, Qt.TextElideMode.ElideRight,
                                                    int(inside.width())))

    def _paint_labels(self, p: QPainter) -> None:
        """The fixed column of lane labels: level tag with 序号, unit, name."""
        m, vp = self.metrics, self.viewport().rect()
        p.save()
        p.setClipRect(QRect(0, m.header, m.label, vp.height() - m.header))
        p.fillRect(QRect(0, m.header, m.label, vp.height()), QColor("#fbfbfc"))
        fm = self.fontMetrics()
        tag_w = max(fm.horizontalAdvance(f"{level_label(level)} 99-9") for level in Level) + 8
        for lane in self.visible_lanes():
            activity = self.data.lanes[lane].activity
            y = self.lane_y(lane)
            if lane == self._hover_lane:
                p.fillRect(QRect(0, y, m.label, m.row), HOVER_FILL)
            tag = lane_tag(activity)
            tag_rect = QRectF(6, y + 4, tag_w, m.row - 8)
            color = LEVEL_COLORS.get(activity.level, QColor("#666"))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(mix(color, 0.16))
            p.drawRoundedRect(tag_rect, 3, 3)
            p.setPen(color.darker(140))
            p.drawText(tag_rect, Qt.AlignmentFlag.AlignCenter, tag)
            if activity.carried:
                tag_rect = self._paint_carried_mark(p, tag_rect)
            text_rect = QRect(int(tag_rect.right()) + 8, y, m.label - int(tag_rect.right()) - 14,
                              m.row)
            p.setPen(QColor("#222"))
            p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       fm.elidedText(lane_title(activity, self._unit(activity)),
                                     Qt.TextElideMode.ElideRight, text_rect.width()))
            p.setPen(QPen(GRID, 1))
            p.drawLine(0, y + m.row, m.label, y + m.row)
        p.setPen(QPen(QColor("#9aa0ab"), 1))
        p.drawLine(m.label - 1, m.header, m.label - 1, vp.height())
        p.restore()

    def _paint_carried_mark(self, p: QPainter, beside: QRectF) -> QRectF:
        """An amber '上年' pill right of a lane's tag (a carried-over activity); its rect."""
        text = self.tr("上年")
        width = self.fontMetrics().horizontalAdvance(text) + 10
        pill = QRectF(beside.right() + 4, beside.top(), width, beside.height())
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(CARRIED_FILL)
        p.drawRoundedRect(pill, 3, 3)
        p.setPen(CARRIED_INK)
        p.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        return pill
