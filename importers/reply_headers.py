"""Recognising the header row of a table a unit made itself: column titles matched to
activity fields by name, in any order, with the usual variants.

The aliases are data handed to `match_header`, so the one table of activity fields can
supply them; until it exists they are kept here, in REPLY_ALIASES and nowhere else.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from models.i18n import _tr

Aliases = Mapping[str, Sequence[str]]
"""Activity attribute → its column title first, then the other titles units use."""

REPLY_ALIASES: dict[str, tuple[str, ...]] = {
    "group_no": ("序号", "编号"),
    "name": ("活动名称", "活动主题", "项目", "名称", "活动项目", "项目名称"),
    "content": ("活动内容", "主要内容", "内容"),
    "time_text": ("活动时间", "时间", "日期", "活动日期"),
    "publicity_forms": ("宣传形式", "宣传方式", "形式"),
    "publicity_content": ("宣传内容",),
    "responsible": ("负责单位", "承办单位", "责任单位", "主办单位", "单位"),
}

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


def match_header(cells: Sequence[str], aliases: Aliases = REPLY_ALIASES) -> HeaderMatch | None:
    """The header of a row whose titles name the activity and another field; else None."""
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


def expected_titles(aliases: Aliases = REPLY_ALIASES) -> str:
    """The columns a reply may have, for messages: 序号（或 编号）、活动名称（或 活动主题、项目 …）."""
    parts = []
    for names in aliases.values():
        head, *rest = names
        parts.append(_tr("{0}（或 {1}）").format(head, "、".join(rest)) if rest else head)
    return "、".join(parts)
