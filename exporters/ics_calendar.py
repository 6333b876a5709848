"""The campaign's activities as an iCalendar file of all-day events."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event

from exporters.atomic import write_atomically
from exporters.output_checks import ics_check
from models.dates.periods import spans_from_json
from models.entities import Activity, CampaignData, Level, Unit

PRODID = "-//Shanghai AMR//Metrology Day Campaign//ZH"
UID_DOMAIN = "metrology-day.scjgj.sh.gov.cn"
_RUNNING_ROLES = ("承办单位", "主办单位")
_LEVEL_CODES = {Level.MUNICIPAL: "city", Level.DISTRICT: "district"}


def unit_label(activity: Activity, units: dict[int, Unit]) -> str:
    """The unit an event belongs to: its registered unit, else who runs it per 负责单位."""
    unit = units.get(activity.unit_id) if activity.unit_id is not None else None
    if unit is not None:
        return unit.name
    lines = [line.strip() for line in activity.responsible.strip().split("\n") if line.strip()]
    for role in _RUNNING_ROLES:
        for line in lines:
            if line.startswith(role):
                return line.split("：", 1)[-1].strip()
    return lines[0].split("：", 1)[-1].strip() if lines else ""


def event_uid(year: int, activity: Activity, index: int) -> str:
    """A UID that stays the same each time the same activity is exported."""
    key = activity.id if activity.id is not None else f"{activity.group_no}-{activity.position}"
    return f"{year}-{_LEVEL_CODES[activity.level]}-{key}-{index}@{UID_DOMAIN}"


def description(activity: Activity) -> str:
    """The event's description: content, time as written and the responsible unit."""
    parts = [activity.content.strip()]
    if activity.time_text.strip():
        parts.append(f"活动时间：{activity.time_text.strip()}")
    parts.append(f"负责单位：{activity.responsible.strip()}")
    return "\n".join(p for p in parts if p)


def activity_events(data: CampaignData, activity: Activity, units: dict[int, Unit],
                    stamp: datetime) -> Iterator[Event]:
    """One all-day event per span of an activity; DTEND is the day after the last day."""
    window = data.campaign.window
    label = unit_label(activity, units)
    for index, span in enumerate(spans_from_json(activity.spans_json), start=1):
        days = span.ends(window)
        if days is None:
            continue
        event = Event()
        event.add("uid", event_uid(data.campaign.year, activity, index))
        event.add("dtstamp", stamp)
        event.add("dtstart", days[0])
        event.add("dtend", days[1] + timedelta(days=1))
        event.add("summary", activity.name)
        event.add("description", description(activity))
        if label:
            event.add("location", label)
            event.add("categories", [label])
        event.add("transp", "TRANSPARENT")
        yield event


def build_calendar(data: CampaignData, stamp: datetime | None = None) -> Calendar:
    """A calendar with every activity's events."""
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"{data.campaign.year}年“5·20世界计量日”系列宣传活动")
    units = data.unit_by_id()
    for activity in data.activities:
        for event in activity_events(data, activity, units, stamp):
            calendar.add_component(event)
    return calendar


def export_calendar(data: CampaignData, path: Path | str) -> None:
    """Write the activities to an .ics file, whole or not at all."""
    calendar = build_calendar(data)
    write_atomically(path, calendar.to_ical(), ics_check(len(calendar.walk("VEVENT"))))
