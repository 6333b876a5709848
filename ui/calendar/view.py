"""The calendar tab: the painted timeline beside the lists of activities it cannot place."""
from __future__ import annotations

import html
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from models.dates.calendar_layout import (
    CalendarData,
    Lane,
    PlacementCache,
    build_calendar,
    lane_title,
)
from models.dates.periods import why_unparsed
from models.entities import Activity
from ui.calendar.timeline import TimelineCanvas
from ui.calendar.unplaced import ActivityList
from ui.context import AppContext


class CalendarView(QWidget):
    """The timeline beside the lists of activities it cannot place and a details pane.

    A click selects an activity or a day and shows it in the pane; a double-click or Enter
    opens it in the table (activity_opened, day_opened).
    """

    day_opened = Signal(object)        # datetime.date
    activity_opened = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._shown: tuple[str, Any] | None = None  # what the details pane shows
        self.placements = PlacementCache()
        self.canvas = TimelineCanvas(ctx, self)
        self.unparsed_list = ActivityList(self.tr("无法识别时间的活动"), self._describe_unparsed,
                                          self.tr("无：所有活动的时间都已识别。"), self)
        self.outside_list = ActivityList(self.tr("不在活动期间内的活动"), self._describe_outside,
                                         parent=self)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(4, 0, 0, 0)
        side_layout.addWidget(self.unparsed_list, 1)
        side_layout.addWidget(self.outside_list, 1)
        self.details = QTextBrowser(side)
        self.details.setObjectName("calendarDetails")
        self.details.setOpenLinks(False)
        side_layout.addWidget(self.details, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.canvas)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([1000, 300])
        self.overflow_hint = QLabel(self)
        self.overflow_hint.setObjectName("calendarOverflow")
        self.overflow_hint.setWordWrap(True)
        self.overflow_hint.hide()
        self.canvas.overflow_changed.connect(self._update_overflow_hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.overflow_hint)
        layout.addWidget(self.splitter)
        for source in (self.canvas, self.unparsed_list, self.outside_list):
            source.activity_selected.connect(self.show_activity)
            source.activity_activated.connect(self.activity_opened)
        self.canvas.day_selected.connect(self.show_day)
        self.canvas.day_activated.connect(self.day_opened)
        doc = ctx.document
        for signal in (doc.activities_reset, doc.activities_changed, doc.campaign_changed,
                       doc.units_changed):
            signal.connect(self.refresh)
        doc.planning_changed.connect(self.canvas.viewport().update)  # the 今天 line moves
        self.refresh()

    def _update_overflow_hint(self) -> None:
        """Say how to see the days the view has no room for."""
        shown, days = self.canvas.days_in_view(), self.canvas.data.days
        self.overflow_hint.setText(self.tr(
            "活动期间共 {0} 天，这里一次显示 {1} 天：用下方的横向滚动条或 Shift+滚轮查看其余日期，"
            "或把右侧列表拖窄。").format(days, shown))
        self.overflow_hint.setVisible(0 < shown < days)

    @property
    def data(self) -> CalendarData:
        """What the calendar currently shows."""
        return self.canvas.data

    def refresh(self, *_: object) -> None:
        """Rebuild lanes and lists from the document; the details follow."""
        doc = self.ctx.document
        data = build_calendar(doc.activities, doc.campaign.window, self.placements)
        self.canvas.set_data(data)
        self.unparsed_list.set_rows(data.unparsed)
        self.outside_list.set_rows(data.outside)
        self._show_selected()

    def show_activity(self, activity_id: int) -> None:
        """Show an activity's details (a click on its bar or list row)."""
        self._shown = ("activity", activity_id)
        if self.canvas.selected != self._shown:  # chosen in a list: no bar stays framed
            self.canvas.selected = None
            self.canvas.viewport().update()
        self._show_selected()

    def show_day(self, day: date) -> None:
        """Show a day's activities (a click on its column)."""
        self._shown = ("day", day)
        self._show_selected()

    def _show_selected(self) -> None:
        """The details of what was last clicked, if it is still there."""
        shown, texts = self._shown, self.canvas.texts
        if shown is not None and shown[0] == "day":
            self.details.setHtml(texts.day_details(self.data, shown[1]))
            return
        try:
            activity = self.ctx.document.activity(shown[1]) if shown else None
        except KeyError:  # deleted, or another year opened
            activity = self._shown = None
        if activity is None:
            self.details.setHtml(f'<p style="color:#777">'
                                 f"{html.escape(texts.nothing_selected())}</p>")
        else:
            self.details.setHtml(texts.activity_details(activity))

    def day_count(self, day: date) -> int:
        """How many activities the header shows for a day."""
        column = self.data.column(day)
        return self.data.counts[column] if 0 <= column < self.data.days else 0

    def lane_of(self, activity_id: int) -> Lane | None:
        """The lane of an activity, or None if it has no bar."""
        return next((lane for lane in self.data.lanes if lane.activity.id == activity_id), None)

    def _describe_unparsed(self, activity: Activity) -> tuple[str, str]:
        """List text and tooltip for an activity whose time text gives no span."""
        reason = why_unparsed(activity.time_text, self.ctx.document.campaign.year)
        return self._describe(activity, self.tr("无法识别：{0}").format(reason))

    def _describe_outside(self, activity: Activity) -> tuple[str, str]:
        """List text and tooltip for an activity whose spans all fall outside the window."""
        return self._describe(activity, self.tr("时间不在活动期间内"))

    def _describe(self, activity: Activity, reason: str) -> tuple[str, str]:
        """'title（time）' and a tooltip with name, time, unit and the reason."""
        time_text = activity.time_text.replace("\n", " ").strip() or self.tr("未填时间")
        text = self.tr("{0}（{1}）").format(lane_title(activity, self.ctx.document.unit(activity.unit_id)), time_text)
        return text, "\n".join([self.canvas.texts.activity_tooltip(activity), reason])
