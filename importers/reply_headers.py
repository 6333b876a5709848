"""Recognising the header row of a table a unit made itself: column titles matched to
activity fields by name, in any order, with the usual variants.

The titles and their variants are data: by default the one table of activity fields
(models/fields.py: each attachment column's header and aliases), read when called.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from models import fields
from models.i18n import _tr

Aliases = Mapping[str, Sequence[str]]
"""Activity attribute → its column title first, then the other titles units use."""


def field_aliases() -> dict[str, tuple[str, ...]]:
    """Each attachment column's attribute → its header, then its aliases (from FIELDS)."""
    return {f.attr: f.names() for f in fields.FIELDS if f.weights}


REQUIRED = "name"
"""A header row names the activity, and at least one other field."""

_NOISE = re.compile(r"\s+|[*＊:：]|[（(][^）)]*[）)]")


def normalise_header(text: str) -> str:
    """A column title without spaces, stars, colons or a bracketed note: 序 号（必填） → 序号."""
    return _NOISE.sub("", text)


@dataclass(frozen=True, slots=True)
class HeaderMatch:
    """A header row: which column holds which field, and the titles nothing matched."""

    columns: dict[str, int]
    """Field → 0-based column (the first column with that title)."""
    titles: tuple[str, ...]
    """Every cell of the row as written (a merged title repeated over its columns)."""
    unknown: dict[int, str] = field(default_factory=dict)
    """0-based column → title, for titled columns that are no field."""

    def found_titles(self) -> list[str]:
        """The distinct non-empty titles of the row, in order."""
        return list(dict.fromkeys(t.strip() for t in self.titles if t.strip()))


def match_header(cells: Sequence[str], aliases: Aliases | None = None) -> HeaderMatch | None:
    """The header of a row whose titles name the activity and another field; else None."""
    aliases = aliases or field_aliases()
    lookup = {normalise_header(name): attr for attr, names in aliases.items() for name in names}
    columns: dict[str, int] = {}
    unknown: dict[int, str] = {}
    for index, text in enumerate(cells):
        key = normalise_header(text)
        if not key:
            continue
        attr = lookup.get(key)
        if attr is None:
            unknown[index] = text.strip()
        elif attr not in columns:
            columns[attr] = index
        elif cells[columns[attr]] != text:  # a second column titled as the same field
            unknown[index] = text.strip()
    if REQUIRED not in columns or len(columns) < 2:
        return None
    return HeaderMatch(columns, tuple(cells), unknown)


def expected_titles(aliases: Aliases | None = None) -> str:
    """The columns a reply may have, for messages: 序号（或 编号）、活动名称（或 活动主题、项目 …）."""
    aliases = aliases or field_aliases()
    parts = []
    for names in aliases.values():
        head, *rest = names
        parts.append(_tr("{0}（或 {1}）").format(head, "、".join(rest)) if rest else head)
    return "、".join(parts)
