"""The campaign schedule (活动日程表): for each day of the window, what happens that day.

Plain data, no Qt: the Word and PDF exports lay it out. Days come from the spans the period
parser stored for each activity (models.dates.periods), clipped to the campaign window. An
activity whose span is exactly that day comes first; a fuzzy span (5月20日前, 5月下旬,
活动期间 …) puts it on each of its days marked 大致; activities whose time could not be read,
or lies outside the window, are listed at the end.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from exporters.ics_calendar import unit_label
from models.dates.periods import Span, spans_from_json, why_unparsed
from models.entities import Activity, CampaignData, Level
from models.text import chinese_date

WEEKDAYS = "一二三四五六日"
FUZZY_MARK = "（大致）"
HEADERS = ("负责单位", "活动名称", "活动时间", "宣传形式")
UNREAD_HEADERS = ("负责单位", "活动名称", "活动时间", "原因")
OUTSIDE_WINDOW = "不在活动期间内"
UNPLACED_TITLE = "活动时间无法识别或不在活动期间内的活动"
NO_ACTIVITY = "当日无活动安排"


@dataclass(frozen=True, slots=True)
class Entry:
    """One activity on one day: fuzzy when its time only roughly names the day."""

    activity: Activity
    unit: str
    fuzzy: bool


@dataclass(frozen=True, slots=True)
class Day:
    """A day of the window and its activities, exact ones first."""

    day: date
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Unplaced:
    """An activity that falls on no day of the window, and why."""

    activity: Activity
    unit: str
    reason: str


@dataclass(frozen=True, slots=True)
class Schedule:
    """The whole schedule: every day of the window, then what could not be placed."""

    title_lines: tuple[str, ...]           # the title as set on the page, in two lines
    window: tuple[date, date]
    days: tuple[Day, ...]
    unplaced: tuple[Unplaced, ...]


def title(schedule: Schedule) -> str:
    """The schedule's title on one line (file properties, PDF title)."""
    return "".join(schedule.title_lines)


def is_exact(span: Span) -> bool:
    """A span that names its days precisely (5月20日, 5月17日至5月23日)."""
    return span.kind == "exact" and span.precision == "day" and span.start is not None


def day_heading(day: date) -> str:
    """5月20日（星期四）."""
    return f"{chinese_date(day, with_year=False)}（星期{WEEKDAYS[day.weekday()]}）"


def _days(window: tuple[date, date]) -> list[date]:
    """Every day of the window."""
    return [window[0] + timedelta(days=n) for n in range((window[1] - window[0]).days + 1)]


def _order(activity: Activity) -> tuple:
    """Municipal before district, then the attachment's order."""
    return (0 if activity.level == Level.MUNICIPAL else 1, activity.group_no, activity.position)


def build_schedule(data: CampaignData) -> Schedule:
    """Group the activities by the days they happen on."""
    campaign = data.campaign
    window = campaign.window
    units = data.unit_by_id()
    exact: dict[date, list[Entry]] = {}
    fuzzy: dict[date, list[Entry]] = {}
    unplaced: list[Unplaced] = []
    for activity in sorted(data.activities, key=_order):
        unit = unit_label(activity, units)
        spans = spans_from_json(activity.spans_json)
        placed: dict[date, bool] = {}
        for span in spans:
            days = span.clipped(window)
            if days is None:
                continue
            for offset in range((days[1] - days[0]).days + 1):
                day = days[0] + timedelta(days=offset)
                placed[day] = placed.get(day, False) or is_exact(span)
        for day, precise in placed.items():
            (exact if precise else fuzzy).setdefault(day, []).append(
                Entry(activity, unit, not precise))
        if not placed:
            reason = why_unparsed(activity.time_text, campaign.year) if not spans else ""
            unplaced.append(Unplaced(activity, unit, reason or OUTSIDE_WINDOW))
    days = tuple(Day(day, tuple(exact.get(day, []) + fuzzy.get(day, []))) for day in _days(window))
    title = (f"{campaign.year}年上海市“5·20世界计量日”", "系列宣传活动日程表")
    return Schedule(title, window, days, tuple(unplaced))


def window_line(schedule: Schedule) -> str:
    """（2021年5月11日至5月23日）."""
    start, end = schedule.window
    return f"（{chinese_date(start)}至{chinese_date(end, with_year=start.year != end.year)}）"


def entry_cells(entry: Entry) -> list[str]:
    """A day's table row: unit, name, time as written (marked when fuzzy), publicity."""
    activity = entry.activity
    time = activity.time_text.strip() + ("\n" + FUZZY_MARK if entry.fuzzy else "")
    return [entry.unit, activity.name, time, activity.publicity_forms]


def unplaced_cells(item: Unplaced) -> list[str]:
    """A row of the closing list: unit, name, time as written, why it has no day."""
    return [item.unit, item.activity.name, item.activity.time_text, item.reason]


def day_rows(day: Day) -> Sequence[Sequence[str]]:
    """All rows of one day."""
    return [entry_cells(entry) for entry in day.entries]
