"""The calendar laid out without painting: bars over the window's days, lanes and lists."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from models.dates.periods import Span, spans_from_json
from models.entities import Activity, Unit
from models.fields import level_label, number_label

APPROXIMATE_KINDS = frozenset({"by", "from", "around", "window"})


@dataclass(frozen=True, slots=True)
class Bar:
    """One span of an activity as columns of the window."""

    first: int
    last: int
    approximate: bool
    clipped_left: bool
    clipped_right: bool
    span: Span


@dataclass(frozen=True, slots=True)
class Placement:
    """Where an activity goes: whether any span was read, its bars and the columns they cover."""

    parsed: bool
    bars: tuple[Bar, ...]
    columns: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Lane:
    """One activity's row and its bars."""

    activity: Activity
    bars: tuple[Bar, ...]
    columns: tuple[int, ...]


def is_approximate(span: Span) -> bool:
    """Open or rough spans (前, 起, 左右, 期间, 下旬, a whole month) are drawn differently."""
    return span.kind in APPROXIMATE_KINDS or span.precision != "day"


def bar_of(span: Span, window: tuple[date, date]) -> Bar | None:
    """The span as columns of the window, or None when it falls outside."""
    clipped = span.clipped(window)
    if clipped is None:
        return None
    start, end = window
    return Bar((clipped[0] - start).days, (clipped[1] - start).days, is_approximate(span),
               span.start is None or span.start < start, span.end is None or span.end > end,
               span)


@dataclass(slots=True)
class CalendarData:
    """Lanes in the window, plus activities without a span and those outside the window."""

    window: tuple[date, date]
    lanes: list[Lane] = field(default_factory=list)
    unparsed: list[Activity] = field(default_factory=list)
    outside: list[Activity] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)

    @property
    def days(self) -> int:
        """Number of day columns."""
        return max((self.window[1] - self.window[0]).days + 1, 0)

    def day(self, column: int) -> date:
        """The date of a column."""
        return self.window[0] + timedelta(days=column)

    def column(self, day: date) -> int:
        """The column of a date (may be outside 0..days-1)."""
        return (day - self.window[0]).days

    def lanes_on(self, column: int) -> list[Lane]:
        """Lanes with a bar over a column."""
        return [lane for lane in self.lanes
                if any(b.first <= column <= b.last for b in lane.bars)]


def place(spans: Sequence[Span], window: tuple[date, date]) -> Placement:
    """The bars of some spans in the window, and the columns they cover."""
    bars = tuple(b for b in (bar_of(s, window) for s in spans) if b is not None)
    columns = tuple(sorted({c for b in bars for c in range(b.first, b.last + 1)}))
    return Placement(bool(spans), bars, columns)


PlaceFn = Callable[[Activity, tuple[date, date]], Placement]


def build_calendar(activities: Iterable[Activity], window: tuple[date, date],
                   place_of: PlaceFn) -> CalendarData:
    """Sort activities into lanes, unparsed and outside, and count activities per day."""
    data = CalendarData(window)
    counts = data.counts = [0] * data.days
    for activity in activities:
        placement = place_of(activity, window)
        if not placement.parsed:
            data.unparsed.append(activity)
        elif not placement.bars:
            data.outside.append(activity)
        else:
            data.lanes.append(Lane(activity, placement.bars, placement.columns))
            for column in placement.columns:
                counts[column] += 1
    return data


class PlacementCache:
    """Placements per distinct stored spans text and window: thousands of activities share
    a few hundred time texts, so each is placed once."""

    LIMIT = 50_000  # distinct texts kept before starting afresh

    def __init__(self) -> None:
        self._cache: dict[tuple[str, tuple[date, date]], Placement] = {}

    def __call__(self, activity: Activity, window: tuple[date, date]) -> Placement:
        key = (activity.spans_json, window)
        hit = self._cache.get(key)
        if hit is None:
            if len(self._cache) >= self.LIMIT:
                self._cache.clear()
            hit = self._cache[key] = place(spans_from_json(activity.spans_json), window)
        return hit

    def __len__(self) -> int:
        return len(self._cache)


# -- labels ---------------------------------------------------------------------------------


def lane_tag(activity: Activity) -> str:
    """'市级 4-2' style tag: level (in the interface language) and 序号 with the row."""
    return f"{level_label(activity.level)} {number_label(activity)}"


def unit_text(activity: Activity, unit: Unit | None) -> str:
    """The activity's unit name, or its 负责单位 text."""
    return unit.name if unit else activity.responsible.replace("\n", " ")


def lane_title(activity: Activity, unit: Unit | None) -> str:
    """'浦东 · 系列主题宣传' for a district row, the bare name otherwise."""
    name = activity.name.replace("\n", " ")
    return f"{unit.short_name} · {name}" if unit else name
