"""Which activities to show, in which order: the filter, the sort and the index kept for speed."""
from __future__ import annotations

from array import array
from bisect import insort
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain, compress, islice
from operator import attrgetter, eq
from typing import Any

from models import fields
from models.dates.periods import Span, spans_from_json
from models.entities import Activity, CampaignData, Level

SLICE = 4_000  # rows per step of the index built ahead, while the window is idle


def sort_key(field: str) -> Callable[[Activity], Any]:
    """How a column sorts; 序号 and 级别 keep the rows of a group together (市级 first)."""
    municipal = Level.MUNICIPAL
    if field == "level":
        return lambda a: (0 if a.level == municipal else 1, a.group_no, a.position)
    if field == "group_no":
        return lambda a: (a.group_no, 0 if a.level == municipal else 1, a.position)
    return attrgetter(field)


def search_text_of(attrs: Sequence[str]) -> Callable[[Activity], str]:
    """A function giving an activity's searched texts joined and case-folded, for the index."""
    read = attrgetter(*attrs) if len(attrs) > 1 else (lambda a: (getattr(a, attrs[0]),))
    join = "\x1f".join
    return lambda activity: join(read(activity)).casefold()


def containing(attrs: Sequence[str]) -> Callable[[Sequence[Activity], str], list[int]]:
    """A function giving the positions of rows with a needle in any of the attributes.

    The `in` tests are written out as code once per table of fields: as fast as typing them
    by hand, where a loop or any() over the attributes takes three times as long per row.
    """
    if not all(attr.isidentifier() for attr in attrs):
        raise ValueError(f"not attribute names: {attrs!r}")
    test = " or ".join(f"needle in a.{attr}" for attr in attrs) or "False"
    source = f"lambda rows, needle: [i for i, a in enumerate(rows) if {test}]"
    return eval(source, {"enumerate": enumerate})  # noqa: S307 - built from identifiers only


def has_case(text: str) -> bool:
    """True when case folding could matter (Latin, Greek … letters); Chinese has no case."""
    return text.upper() != text.lower()


class ActivityIndex:
    """Search text and per-column sort orders of one list of activities, by position."""

    # Everything is built on first use, or ahead in slices while the window is idle (`step`).
    # An order lists positions sorted by (key, position), exactly as a stable sort leaves them.

    def __init__(self, rows: list[Activity], sorted_fields: Sequence[str],
                 searched: Sequence[str]) -> None:
        self.rows = rows
        self.size = len(rows)
        self.sorted_fields = tuple(sorted_fields)
        self.search_text = search_text_of(searched)
        self._hay: list[str] = []
        self._positions: dict[int | None, int] = {}  # id -> position, for the first rows
        self._positioned = 0  # how many rows the map covers
        self._keys: dict[str, list[Any]] = {}
        self._partial: dict[str, list[int]] = {}  # positions sorted so far, by column
        self._ascending: dict[str, array[int]] = {}
        self._descending: dict[str, array[int]] = {}
        self._work: Iterator[None] = self._steps()

    def serves(self, rows: list[Activity]) -> bool:
        """True while rows is still the list this index was built for. The document never
        reorders a list in place (it sorts into a new one, CampaignDocument._reindex) and
        replaces rows in place only with their edited versions (see `changed`), so the same
        list of the same length still has every row where the index found it."""
        return rows is self.rows and len(rows) == self.size

    def haystack(self) -> list[str]:
        """Search text per position, completed now if the idle steps have not finished."""
        while len(self._hay) < self.size:
            self._extend_haystack()
        return self._hay

    def search_ready(self) -> bool:
        """True once every row's search text is built."""
        return len(self._hay) >= self.size

    def keys(self, field: str) -> list[Any]:
        """Sort key per position for one column."""
        while self._extend_keys(field):
            pass
        return self._keys[field]

    def ascending(self, field: str) -> array[int]:
        """Positions in ascending order of a column, ties in position order."""
        while field not in self._ascending:
            self._finish_order(field, self.size)
        return self._ascending[field]

    def descending(self, field: str) -> array[int]:
        """Positions in descending order of a column, ties still in position order."""
        found = self._descending.get(field)
        if found is None:
            ascending = self.ascending(field)
            ordered = list(map(self.keys(field).__getitem__, ascending))
            found = ascending[::-1]
            last = len(found) - 1
            # Reversing turned each run of equal keys around; turn those runs back.
            ties = compress(range(last), map(eq, ordered, islice(ordered, 1, None)))
            first = previous = -2
            for j in chain(ties, [-2]):
                if j != previous + 1:
                    if first >= 0:
                        low, high = last - previous - 1, last - first + 1
                        found[low:high] = found[low:high][::-1]
                    first = j
                previous = j
            self._descending[field] = found
        return found

    def position(self, activity_id: int) -> int:
        """Where an activity stands in the list, or -1 (a dict lookup once the map is built)."""
        while self._positioned < self.size:
            self._extend_positions()
        pos = self._positions.get(activity_id, -1)
        return pos if pos >= 0 and self.rows[pos].id == activity_id else -1

    def step(self) -> bool:
        """Do one slice of the ahead-of-time work; False when nothing is left."""
        return next(self._work, StopIteration) is not StopIteration

    def changed(self, ids: list[int]) -> bool:
        """Take in activities replaced at their positions; False if the index cannot."""
        if any(self.position(i) < 0 for i in ids):
            return False
        restart = False
        for activity_id in ids:
            pos = self.position(activity_id)
            activity = self.rows[pos]
            if pos < len(self._hay):
                self._hay[pos] = self.search_text(activity)
            for field, keys in self._keys.items():
                new = sort_key(field)(activity)
                if pos >= len(keys) or new == keys[pos]:
                    continue
                self._descending.pop(field, None)
                order = self._ascending.get(field)
                if order is not None:
                    order.remove(pos)
                    keys[pos] = new
                    insort(order, pos, key=lambda i, k=keys: (k[i], i))
                else:
                    keys[pos] = new
                    restart |= self._partial.pop(field, None) is not None
        if restart:
            self._work = self._steps()
        return True

    def _steps(self) -> Iterator[None]:
        """The ahead-of-time work in slices: positions, search text, every column's order."""
        while self._positioned < self.size:
            self._extend_positions()
            yield
        while len(self._hay) < self.size:
            self._extend_haystack()
            yield
        for field in self.sorted_fields:
            while field not in self._ascending and self._extend_keys(field):
                yield
            while field not in self._ascending:
                self._finish_order(field, SLICE)
                yield
            if field not in self._descending:
                self.descending(field)
                yield

    def _extend_positions(self) -> None:
        """The id -> position map for the next slice of rows."""
        start, stop = self._positioned, min(self._positioned + SLICE, self.size)
        self._positions.update({a.id: i for i, a in enumerate(self.rows[start:stop], start)})
        self._positioned = stop

    def _extend_haystack(self) -> None:
        """Search text for the next slice of rows."""
        start = len(self._hay)
        self._hay.extend(map(self.search_text, self.rows[start:start + SLICE]))

    def _extend_keys(self, field: str) -> bool:
        """Sort keys for the next slice of rows; False when all are there."""
        keys = self._keys.setdefault(field, [])
        start = len(keys)
        if start >= self.size:
            return False
        keys.extend(map(sort_key(field), self.rows[start:start + SLICE]))
        return True

    def _finish_order(self, field: str, more: int) -> None:
        """Sort `more` further positions into a column's order; keep it once all are in."""
        # The positions sorted so far form one run and the new ones follow it, so the stable
        # sort keeps ties in position order and costs little more than a merge.
        merged = self._partial.setdefault(field, [])
        start = len(merged)
        merged.extend(range(start, min(start + more, self.size)))
        merged.sort(key=self.keys(field).__getitem__)
        if len(merged) >= self.size:
            del self._partial[field]
            self._ascending[field] = array("i", merged)


@dataclass(slots=True)
class ActivityFilter:
    """What the user narrowed the activities to: level, unit, search text, day."""

    level: Level | None = None
    unit_id: int | None = None
    text: str = ""
    day: date | None = None

    def is_empty(self) -> bool:
        """True when nothing is filtered out."""
        return not (self.level or self.unit_id or self.text or self.day)


class ActivityQuery:
    """A filter and a sort over a campaign's activities, and the index that keeps them fast."""

    def __init__(self, table: Sequence[fields.Field] | None = None) -> None:
        table = fields.FIELDS if table is None else table
        self.sorted_fields = tuple(f.attr for f in table)
        self.searched = tuple(f.attr for f in table if f.searched)
        self._containing = containing(self.searched)
        self.filter = ActivityFilter()
        self.sort_field: str | None = None
        self.descending = False
        self._index: ActivityIndex | None = None
        self._spans: dict[str, list[Span]] = {}
        self._source: list[Activity] | None = None  # what `rows` last read
        self._shown: list[int] | None = None  # and the positions it gave; None: all in order

    def index(self, rows: list[Activity]) -> ActivityIndex:
        """The search text and sort orders of these activities (kept while they are the same)."""
        if self._index is None or not self._index.serves(rows):
            self._index = ActivityIndex(rows, self.sorted_fields, self.searched)
        return self._index

    def forget(self) -> None:
        """Drop the index and the parsed spans (the activities were replaced)."""
        self._index = None
        self._spans.clear()

    def take_changes(self, rows: list[Activity], ids: list[int]) -> bool:
        """Update the index for edited activities; False when it had to be dropped instead."""
        if self._index is None:
            return True
        if self._index.serves(rows) and self._index.changed(ids):
            return True
        self._index = None
        return False

    def spans(self, spans_json: str) -> list[Span]:
        """Parsed spans of a stored spans text (cached: thousands of rows share a few texts)."""
        found = self._spans.get(spans_json)
        if found is None:
            found = self._spans[spans_json] = spans_from_json(spans_json)
        return found

    def rows(self, data: CampaignData) -> list[Activity]:
        """The campaign's activities that pass the filter, in the chosen order."""
        rows = data.activities
        picked = self._picked(data)
        if self.sort_field is not None:
            picked = self._sorted(rows, picked)
        self._source, self._shown = rows, picked
        if picked is None:
            return list(rows)
        return [rows[i] for i in picked]

    def row_of(self, activity_id: int) -> int:
        """Where an activity stands in what `rows` last gave, or -1 when it is not there."""
        # Positions, not rows, are searched: reading 100,000 rows in sorted order to compare
        # ids costs 20 ms of cache misses, a list of positions under 1 ms.
        if self._source is None:
            return -1
        pos = self.index(self._source).position(activity_id)
        if pos < 0 or self._shown is None:
            return pos
        try:
            return self._shown.index(pos)
        except ValueError:
            return -1

    def _picked(self, data: CampaignData) -> list[int] | None:
        """Positions of the activities that pass the filter; None when all of them do."""
        f = self.filter
        rows = data.activities
        picked: list[int] | None = None
        if f.text:
            picked = self._matching(rows, f.text.casefold().split())
        if f.level:
            picked = [i for i in (range(len(rows)) if picked is None else picked)
                      if rows[i].level == f.level]
        if f.unit_id:
            unit = next((u for u in data.units if u.id == f.unit_id), None)
            picked = [i for i in (range(len(rows)) if picked is None else picked)
                      if rows[i].unit_id == f.unit_id
                      or (unit is not None and unit.name in rows[i].responsible)]
        if f.day:
            window = data.campaign.window
            on_day: dict[str, bool] = {}
            for text in {rows[i].spans_json for i in
                         (range(len(rows)) if picked is None else picked)}:
                on_day[text] = any(s.covers(f.day, window) for s in self.spans(text))
            picked = [i for i in (range(len(rows)) if picked is None else picked)
                      if on_day[rows[i].spans_json]]
        return picked

    def _matching(self, rows: list[Activity], needles: list[str]) -> list[int]:
        """Positions of rows whose searched texts hold every needle."""
        index = self.index(rows)
        if not index.search_ready() and not any(has_case(n) for n in needles):
            # Chinese needles need no case folding, so no search text has to be built yet.
            picked = self._containing(rows, needles[0])
            for needle in needles[1:]:
                found = self._containing([rows[i] for i in picked], needle)
                picked = [picked[j] for j in found]
            return picked
        hay = index.haystack()
        if len(needles) == 1:
            needle = needles[0]
            return [i for i, text in enumerate(hay) if needle in text]
        return [i for i, text in enumerate(hay) if all(n in text for n in needles)]

    def _sorted(self, rows: list[Activity], picked: list[int] | None) -> list[int]:
        """Positions sorted by the chosen column, groups kept together for 序号 and 级别."""
        field = self.sort_field
        assert field is not None
        index = self.index(rows)
        if picked is not None and len(picked) * 8 < index.size:
            return sorted(picked, key=index.keys(field).__getitem__, reverse=self.descending)
        order = index.descending(field) if self.descending else index.ascending(field)
        if picked is None:
            return list(order)
        keep = set(picked)
        return [i for i in order if i in keep]
