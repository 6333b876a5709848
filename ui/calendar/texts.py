"""What the calendar says about an activity or a day: tooltips and the details pane."""
from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QCoreApplication, QObject

from models.dates.calendar_layout import CalendarData, lane_tag, lane_title, unit_text
from models.dates.deadlines import weekday_name
from models.entities import Activity, Unit
from models.fields import text_fields
from models.text import chinese_date
from ui.context import AppContext

TOOLTIP_LIMIT = 25


class CalendarTexts(QObject):
    """Texts about the open campaign's activities, in the interface language."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def unit(self, activity: Activity) -> Unit | None:
        """The registered unit of an activity, if any."""
        return self.ctx.document.unit(activity.unit_id)

    def carried_note(self) -> str:
        """What the 上年 mark means."""
        return self.tr("沿用 {0} 年的活动，尚未修改或确认").format(
            self.ctx.document.campaign.year - 1)

    def activity_tooltip(self, activity: Activity) -> str:
        """Name, time text and unit of an activity."""
        lines = [activity.name.replace("\n", " "),
                 self.tr("时间：{0}").format(activity.time_text.replace("\n", " ")),
                 self.tr("单位：{0}").format(unit_text(activity, self.unit(activity)))]
        if activity.carried:
            lines.append(self.carried_note())
        return "\n".join(lines)

    def day_heading(self, day: date, count: int) -> str:
        """'5月18日 周二：6 项活动'."""
        return self.tr("{0} {1}：{2} 项活动").format(
            chinese_date(day, with_year=False, translated=True), weekday_name(day), count)

    def day_tooltip(self, data: CalendarData, day: date) -> str:
        """A day's date and the names of its activities (the first few of many)."""
        lanes = data.lanes_on(data.column(day))
        names = [f"· {lane_title(lane.activity, self.unit(lane.activity))}"
                 for lane in lanes[:TOOLTIP_LIMIT]]
        if len(lanes) > TOOLTIP_LIMIT:
            names.append(self.tr("……另有 {0} 项").format(len(lanes) - TOOLTIP_LIMIT))
        return "\n".join([self.day_heading(day, len(lanes)), *names])

    def activity_details(self, activity: Activity) -> str:
        """Every field of an activity, as rich text for the details pane."""
        rows = [f"<p><b>{html.escape(lane_tag(activity))}</b>　"
                f"<b>{html.escape(activity.name)}</b></p>"]
        if activity.carried:
            rows.append(f'<p style="color:#6b4500">{html.escape(self.carried_note())}</p>')
        for field in text_fields(activity.level):
            if field.attr == "name":
                continue
            value = getattr(activity, field.attr).strip()
            if value:
                label = QCoreApplication.translate("ActivitiesTableModel", field.header)
                text = html.escape(value).replace("\n", "<br>")
                rows.append(f"<p><b>{html.escape(label)}</b>：{text}</p>")
        rows.append(f'<p style="color:#666">{html.escape(self.open_hint())}</p>')
        return "".join(rows)

    def day_details(self, data: CalendarData, day: date) -> str:
        """A day's activities, as rich text for the details pane."""
        lanes = data.lanes_on(data.column(day))
        items = "".join(f"<li>{html.escape(lane_tag(lane.activity))}　"
                        f"{html.escape(lane_title(lane.activity, self.unit(lane.activity)))}</li>"
                        for lane in lanes)
        return (f"<p><b>{html.escape(self.day_heading(day, len(lanes)))}</b></p><ul>{items}</ul>"
                f'<p style="color:#666">{html.escape(self.open_day_hint())}</p>')

    def open_hint(self) -> str:
        """How to go from the calendar to the table."""
        return self.tr("双击或按回车键，在活动安排表中打开。")

    def open_day_hint(self) -> str:
        """How to see a day's activities in the table."""
        return self.tr("双击或按回车键，在活动安排表中只显示这一天的活动。")

    def nothing_selected(self) -> str:
        """The details pane before anything is clicked."""
        return self.tr("单击日历中的活动或日期，在这里查看详情；双击或按回车键在活动安排表中打开。")
