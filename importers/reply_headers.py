"""Recognising the header row of a table a unit sent back — our template, its own spreadsheet
or a Word table: column titles matched to activity fields by name, in any order, with the usual
variants. The one header matcher of every reader.

The titles and their variants are data: by default the one table of activity fields
(models/fields.py: each attachment column's header and aliases), read when called; the user's
own choices for titles nothing knows (`--map 原列名=活动时间`, `--ignore 列名`, the window's
preview) are laid over them with `with_choices`.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from models import fields
from models.i18n import _tr

Aliases = Mapping[str, Sequence[str]]
"""Activity attribute → its column title first, then the other titles units use. The
attribute IGNORED lists titles whose columns are left out altogether."""

IGNORED = ""
"""The pseudo-attribute of columns the user chose not to import (不导入)."""


def field_aliases() -> dict[str, tuple[str, ...]]:
    """Each attachment column's attribute → its header, then its aliases (from FIELDS)."""
    return {f.attr: f.names() for f in fields.FIELDS if f.weights}


REQUIRED = "name"
"""A header row names the activity, and at least one other field — or, when its title says
活动 (活动名称, 活动主题), any other titled column: what the unit wrote there is kept as 备注."""
_NAMES_ACTIVITY = "活动"

_BRACKETED = re.compile(r"[(\[【〔<《][^)\]】〕>》]*[)\]】〕>》]")
_NOISE = re.compile(r"[\s*:：·.]+")


def normalise_header(text: str) -> str:
    """A column title as compared: full-width forms made plain, a bracketed note, spaces, line
    breaks, stars and colons gone, letters in lower case: 序　号（必填）： → 序号."""
    plain = unicodedata.normalize("NFKC", text)
    return _NOISE.sub("", _BRACKETED.sub("", plain)).lower()


def with_choices(mapped: Mapping[str, str], ignored: Sequence[str] = (),
                 aliases: Aliases | None = None) -> dict[str, tuple[str, ...]]:
    """The vocabulary with the user's choices laid over it: each mapped title (原列名 →
    attribute) read as that field only, each ignored title left out."""
    base = dict(aliases or field_aliases())
    chosen = {normalise_header(t): attr for t, attr in mapped.items()}
    chosen |= {normalise_header(t): IGNORED for t in ignored}
    out = {attr: tuple(n for n in names if normalise_header(n) not in chosen)
           for attr, names in base.items()}
    for title, attr in chosen.items():
        out[attr] = (*out.get(attr, ()), title)
    return out


def field_named(text: str, aliases: Aliases | None = None) -> str | None:
    """The attribute a field's header or alias names (活动时间 → time_text), else None."""
    key = normalise_header(text)
    for attr, names in (aliases or field_aliases()).items():
        if attr != IGNORED and key in map(normalise_header, names):
            return attr
    return None


@dataclass(frozen=True, slots=True)
class HeaderMatch:
    """A header row: which columns hold which field, and the titles nothing matched."""

    columns: dict[str, int]
    """Field → its first 0-based column."""
    titles: tuple[str, ...]
    """Every cell of the row as written (a merged title repeated over its columns; of a
    two-row header, the lower title where there is one)."""
    unknown: dict[int, str] = field(default_factory=dict)
    """0-based column → title, for titled columns that are no field (kept as 备注)."""
    spans: dict[str, tuple[int, ...]] = field(default_factory=dict)
    """Field → every column it is read from, in order (columns that share a title or a span
    are joined)."""
    ignored: dict[int, str] = field(default_factory=dict)
    """0-based column → title, for columns the user chose not to import."""
    rows: int = 1
    """How many rows the header takes (2: a merged title over its sub-columns)."""
    rivals: dict[int, str] = field(default_factory=dict)
    """0-based column → title, for columns titled as a field by another name than the column
    read for it (日期 beside 活动时间); also in `unknown`, so their texts are kept as 备注."""

    def found_titles(self) -> list[str]:
        """The distinct non-empty titles of the row, in order."""
        return list(dict.fromkeys(t.strip() for t in self.titles if t.strip()))

    def joined(self) -> dict[str, tuple[int, ...]]:
        """The fields read from more than one column."""
        return {attr: cols for attr, cols in self.spans.items() if len(cols) > 1}


def match_header(cells: Sequence[str], aliases: Aliases | None = None) -> HeaderMatch | None:
    """The header of a row whose titles name the activity and another field; else None."""
    aliases = aliases if aliases is not None else field_aliases()
    lookup = {normalise_header(name): attr for attr, names in aliases.items() for name in names}
    titled: dict[str, dict[str, list[int]]] = {}  # field → title → its columns
    unknown: dict[int, str] = {}
    ignored: dict[int, str] = {}
    for index, text in enumerate(cells):
        key = normalise_header(text)
        if not key:
            continue
        attr = lookup.get(key)
        if attr == IGNORED:
            ignored[index] = text.strip()
        elif attr is None:
            unknown[index] = text.strip()
        else:
            titled.setdefault(attr, {}).setdefault(key, []).append(index)
    if REQUIRED not in titled or not (len(titled) >= 2 or (
            unknown and any(_NAMES_ACTIVITY in key for key in titled[REQUIRED]))):
        return None
    spans: dict[str, tuple[int, ...]] = {}
    rivals: dict[int, str] = {}
    for attr, by_title in titled.items():
        own = normalise_header(aliases[attr][0]) if aliases.get(attr) else ""
        chosen = own if own in by_title else next(iter(by_title))
        spans[attr] = tuple(by_title[chosen])
        rivals |= {c: cells[c].strip() for key, cols in by_title.items() if key != chosen
                   for c in cols}
    unknown = dict(sorted((unknown | rivals).items()))
    return HeaderMatch({attr: cols[0] for attr, cols in spans.items()}, tuple(cells), unknown,
                       spans, ignored, rivals=rivals)


def _spread(top: Sequence[str], below: Sequence[str]) -> bool:
    """Whether a row stands over the next as a merged title over sub-titles: a title repeated
    over neighbouring columns whose cells below differ."""
    for col in range(1, min(len(top), len(below))):
        if (top[col].strip() and top[col] == top[col - 1] and below[col].strip()
                and below[col - 1].strip() and below[col] != below[col - 1]):
            return True
    return False


def two_row_titles(top: Sequence[str], below: Sequence[str],
                   aliases: Aliases | None = None) -> list[str]:
    """The titles of a two-row header: under an upper title naming a field, the upper one
    unless the lower names another field (活动时间 over 日期 / 时段: both read as 活动时间);
    under any other, the lower one where there is one (活动安排 over 活动名称 / 时间安排)."""
    lookup = {normalise_header(n): attr for attr, ns in (aliases or field_aliases()).items()
              for n in ns if attr != IGNORED}
    width = max(len(top), len(below))
    out: list[str] = []
    for col in range(width):
        upper = top[col] if col < len(top) else ""
        lower = below[col] if col < len(below) else ""
        above = lookup.get(normalise_header(upper))
        under = lookup.get(normalise_header(lower))
        if above is not None:
            out.append(lower if under is not None and under != above else upper)
        else:
            out.append(lower if lower.strip() else upper)
    return out


def match_header_rows(top: Sequence[str], below: Sequence[str] | None,
                      aliases: Aliases | None = None) -> HeaderMatch | None:
    """The header starting at a row: two rows read as one when a merged title stands over
    sub-titles that say more than it, else the row alone; None when neither is a header."""
    if below is not None and _spread(top, below):
        titles = two_row_titles(top, below, aliases)
        if list(map(normalise_header, titles)) != list(map(normalise_header, top)):
            found = match_header(titles, aliases)
            if found is not None:
                return replace(found, rows=2)
    return match_header(top, aliases)


def expected_titles(aliases: Aliases | None = None) -> str:
    """The columns a reply may have, for messages: 序号（或 编号）、活动名称（或 活动主题、项目 …）."""
    aliases = aliases if aliases is not None else field_aliases()
    parts = []
    for attr, names in aliases.items():
        if attr == IGNORED or not names:
            continue
        head, *rest = names
        shown = rest[:4]
        more = "…" if len(rest) > 4 else ""
        parts.append(_tr("{0}（或 {1}）").format(head, "、".join(shown) + more) if rest else head)
    return "、".join(parts)
