"""The campaign's figures as a table (units × figures, totals, who is missing what), the
activities counted by level, day and publicity form, and the comparison with last year."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from models.dates.spans import spans_from_json
from models.db.figure_store import figure_values, figures
from models.db.storage import Store
from models.entities import Campaign, CampaignData, Figure, FigureValue, Level, Unit
from models.figure_numbers import total_mark

_FORM_SPLIT = re.compile(r"[、，,；;/／\s]+")


@dataclass(frozen=True, slots=True)
class Total:
    """A figure's city-wide total and the approximate mark it honestly carries."""

    value: int
    mark: str
    """"" when every part is exact; else see total_mark."""
    units: int
    """How many units gave a value."""

    @property
    def approximate(self) -> bool:
        """Whether any part of the total is approximate."""
        return bool(self.mark)


@dataclass(frozen=True, slots=True)
class ActivityCounts:
    """The activities of a campaign counted three ways."""

    by_level: dict[str, int]
    by_day: list[tuple[date, int]]
    by_form: list[tuple[str, int]]

    @property
    def total(self) -> int:
        """All activities of both tables."""
        return sum(self.by_level.values())


@dataclass(frozen=True, slots=True)
class Change:
    """This year's number beside last year's, and the change in per cent (None from 0)."""

    now: int
    before: int

    @property
    def percent(self) -> float | None:
        """(now − before) / before × 100."""
        return None if self.before == 0 else (self.now - self.before) * 100 / self.before


@dataclass(slots=True)
class Statistics:
    """A campaign's figures: rows of units in official order, totals, gaps, last year."""

    campaign: Campaign
    figures: list[Figure]
    units: list[Unit]
    values: dict[tuple[int, int], FigureValue]
    activities: ActivityCounts
    previous: Statistics | None = None
    totals: dict[int, Total] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for figure in self.figures:
            held = [v for v in self.values.values() if v.figure_id == figure.id]
            self.totals[figure.id or 0] = Total(sum(v.value for v in held),
                                                total_mark([v.approximate for v in held]),
                                                len(held))

    def value(self, figure: Figure, unit: Unit) -> FigureValue | None:
        """A unit's value of a figure, if given."""
        return self.values.get((figure.id or 0, unit.id or 0))

    def missing(self) -> list[tuple[Unit, list[Figure]]]:
        """Units still missing figures, and which."""
        out = []
        for unit in self.units:
            lacking = [f for f in self.figures if self.value(f, unit) is None]
            if lacking:
                out.append((unit, lacking))
        return out

    def change(self, figure: Figure) -> Change | None:
        """This year's total of a figure against last year's figure of the same name."""
        if self.previous is None or not figure.summed:
            return None
        before = next((f for f in self.previous.figures if f.name == figure.name), None)
        if before is None or not self.previous.totals[before.id or 0].units:
            return None
        return Change(self.totals[figure.id or 0].value, self.previous.totals[before.id or 0].value)

    def previous_value(self, figure: Figure, unit: Unit) -> int | None:
        """Last year's value of a unit for the figure of the same name, if given."""
        if self.previous is None:
            return None
        before = next((f for f in self.previous.figures if f.name == figure.name), None)
        held = self.previous.value(before, unit) if before else None
        return held.value if held else None

    def activity_change(self) -> Change | None:
        """This year's activity count against last year's."""
        if self.previous is None or not self.previous.activities.total:
            return None
        return Change(self.activities.total, self.previous.activities.total)


def activity_counts(data: CampaignData) -> ActivityCounts:
    """Activities by table, by day of the window (those taking place that day) and by the
    publicity forms named (an activity with two forms counts for both)."""
    by_level = {str(level): len(data.by_level(level)) for level in Level}
    window = data.campaign.window
    days: Counter[date] = Counter()
    forms: Counter[str] = Counter()
    for activity in data.activities:
        covered: set[date] = set()
        for span in spans_from_json(activity.spans_json):
            clipped = span.clipped(window)
            if clipped is None or span.precision == "window":
                continue
            day = clipped[0]
            while day <= clipped[1]:
                covered.add(day)
                day += timedelta(days=1)
        days.update(covered)
        forms.update({f for f in _FORM_SPLIT.split(activity.publicity_forms) if f})
    span_days = []
    day = window[0]
    while day <= window[1]:
        span_days.append((day, days[day]))
        day += timedelta(days=1)
    return ActivityCounts(by_level, span_days, forms.most_common())


def statistics(store: Store, data: CampaignData, addressees: Sequence[int],
               with_previous: bool = True) -> Statistics:
    """The statistics of a campaign: the addressees' rows, plus any other unit holding a value
    (nothing counted is hidden), and last year's campaign when the database has it."""
    campaign = data.campaign
    values = {v.key: v for v in figure_values(store, campaign.id or 0)}
    with_values = {v.unit_id for v in values.values()}
    wanted = set(addressees) | with_values
    units = [u for u in data.units if u.id in wanted]
    previous = None
    if with_previous:
        earlier = store.campaign_of_year(campaign.year - 1)
        if earlier is not None and earlier.id is not None:
            old = store.load(earlier.id)
            previous = statistics(store, old, [], with_previous=False)
    return Statistics(campaign, figures(store, campaign.id or 0), units, values,
                      activity_counts(data), previous)
