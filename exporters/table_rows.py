"""Which table rows belong together: runs tied by vertical merges, kept on one page."""
from __future__ import annotations

from collections.abc import Callable, Sequence

Cells = Sequence[Sequence[tuple[str, int]]]


def merge_blocks(cells: Cells) -> list[tuple[int, int]]:
    """Runs of rows (first, last) tied together by vertical merges."""
    blocks: list[tuple[int, int]] = []
    index = 0
    while index < len(cells):
        spans = [span for _text, span in cells[index]]
        last = index + max(max(spans, default=1), 1) - 1
        blocks.append((index, min(last, len(cells) - 1)))
        index = last + 1
    return blocks


def keep_with_next(cells: Cells, height: Callable[[int], float], page: float,
                   exact: Callable[[int], float] | None = None) -> list[bool]:
    """Per row: True when it must stay on the page of the next row (every row of a group
    but its last), unless the group is taller than a page and has to break anyway.

    height may be a cheap upper bound; exact, when given, decides the groups it rules out.
    """
    keep = [False] * len(cells)
    for first, last in merge_blocks(cells):
        rows = range(first, last + 1)
        if last > first and (sum(map(height, rows)) <= page
                             or (exact is not None and sum(map(exact, rows)) <= page)):
            for index in range(first, last):
                keep[index] = True
    return keep


def row_heights(cells: Cells, need: Callable[[int, int, str], float],
                minimum: float) -> list[float]:
    """Row heights that show every cell whole: need(row, column, text) per cell, a merged
    cell's need spread over its rows."""
    heights = [minimum] * len(cells)
    spans: list[tuple[int, int, float]] = []
    for index, row in enumerate(cells):
        for column, (text, span) in enumerate(row):
            if span == 1:
                heights[index] = max(heights[index], need(index, column, text))
            elif span > 1:
                spans.append((index, span, need(index, column, text)))
    for index, span, height in spans:
        span = min(span, len(cells) - index)
        short = height - sum(heights[index:index + span])
        if short > 0:
            for k in range(index, index + span):
                heights[k] += short / span
    return heights


def page_segments(heights: Sequence[float], head: float, used: float, page: float
                  ) -> tuple[list[tuple[int, int]], float]:
    """Cut a table of rows that never split into the parts each page holds: (first, end)
    of each part and how much of the last page is used after it.

    used is how much of the current page is taken above the table; head the height of the
    header rows repeated on each part. A table whose header and first row do not fit under
    used starts on the next page whole; a row taller than a page is a part of its own.
    """
    if heights and used + head + heights[0] > page:
        used = 0.0
    used += head
    parts: list[tuple[int, int]] = []
    start = 0
    for index, height in enumerate(heights):
        if used + height > page and index > start:
            parts.append((start, index))
            start, used = index, head
        used += height
    parts.append((start, len(heights)))
    return parts, used
