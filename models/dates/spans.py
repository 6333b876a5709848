"""Spans of days read from activity-time text, and how they are stored and shown."""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from models.i18n import _tr

KINDS = ("exact", "by", "from", "around", "window")
PRECISIONS = ("day", "week", "xun", "part", "month", "window")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of days read from text; a None bound is open."""

    start: date | None
    end: date | None
    kind: str
    precision: str

    def to_dict(self) -> dict:
        """JSON-safe dict with ISO date strings or None."""
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "kind": self.kind,
            "precision": self.precision,
        }

    @classmethod
    def from_dict(cls, d: dict) -> Span:
        """Rebuild a span from :meth:`to_dict` output; ValueError on bad data."""
        kind, precision = d["kind"], d["precision"]
        if kind not in KINDS or precision not in PRECISIONS:
            raise ValueError(f"bad span kind/precision: {kind!r}/{precision!r}")
        start, end = _iso(d.get("start")), _iso(d.get("end"))
        if start and end and start > end:
            raise ValueError("span start after end")
        return cls(start, end, kind, precision)

    def ends(self, window: tuple[date, date]) -> tuple[date, date] | None:
        """First and last day, an open end taken from the campaign window.

        When the window edge lies on the wrong side of the fixed end (5月25日起, 5月8日前),
        the span is that fixed day alone, so no activity drops out of a calendar file.
        """
        start, end = self.start, self.end
        if start is None:
            start = window[0] if end is None or window[0] <= end else end
        if end is None:
            end = window[1] if window[1] >= start else start
        return (start, end) if start <= end else None

    def clipped(self, window: tuple[date, date]) -> tuple[date, date] | None:
        """The span's days inside the window (open bounds reach the edge), or None."""
        ends = self.ends(window)
        if ends is None:
            return None
        lo, hi = max(ends[0], window[0]), min(ends[1], window[1])
        return (lo, hi) if lo <= hi else None

    def covers(self, day: date, window: tuple[date, date]) -> bool:
        """Whether the day lies inside the clipped span."""
        c = self.clipped(window)
        return c is not None and c[0] <= day <= c[1]


def _iso(value: str | None) -> date | None:
    """Parse an ISO date string, passing None through."""
    return None if value is None else date.fromisoformat(value)


def spans_to_json(spans) -> str:
    """Compact JSON for DB storage: a list of [start, end, kind, precision]."""
    rows = [[d["start"], d["end"], d["kind"], d["precision"]] for d in (s.to_dict() for s in spans)]
    return json.dumps(rows, separators=(",", ":"))


def spans_from_json(s: str) -> list[Span]:
    """Read :func:`spans_to_json` output (lists of dicts are accepted too)."""
    if not s:
        return []
    out = []
    for row in json.loads(s):
        if isinstance(row, dict):
            out.append(Span.from_dict(row))
        else:
            start, end, kind, precision = row
            out.append(Span.from_dict({"start": start, "end": end, "kind": kind, "precision": precision}))
    return out


def describe_spans(spans: Sequence[Span]) -> str:
    """Parsed spans as short ISO text, e.g. 2021-05-11～2021-05-12."""
    parts = []
    for span in spans:
        start = span.start.isoformat() if span.start else "…"
        end = span.end.isoformat() if span.end else "…"
        parts.append(start if start == end else _tr("{0}～{1}").format(start, end))
    return _tr("；").join(parts)
