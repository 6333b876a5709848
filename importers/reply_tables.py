"""A table a unit sent back, as a grid of cell texts, turned into rows of activity fields.

Word tables and spreadsheets are both read into grids first (merged cells already expanded
over their whole group); this module finds the header row, ignores title rows above it,
captions, repeated headers and blank rows inside, and 填表说明 notes below, and says what is
wrong in the words the user needs.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from importers.import_plan import Problem, Severity
from importers.reply_headers import (
    Aliases,
    HeaderMatch,
    expected_titles,
    field_aliases,
    match_header,
)
from models.fields import filled_attrs
from models.i18n import _tr
from models.text import clean_text

HEADER_SCAN_ROWS = 20
NOTE_STARTS = ("填表说明", "填报说明", "说明：", "说明:", "注：", "注:", "注意：", "备注：",
               "备注:", "附注")
"""A row whose first text starts so is a note under the table: it and what follows are not
activities."""

Grid = list[list[str]]


@dataclass(frozen=True, slots=True)
class ReplyRow:
    """One activity as the unit wrote it: field → text, and its row in the table."""

    values: dict[str, str]
    line: int


@dataclass(slots=True)
class ReplyTable:
    """The activity table found in a Word table or a sheet."""

    place: str
    """第 2 个表格, 工作表“Sheet1”."""
    header: HeaderMatch
    header_line: int
    column_label: Callable[[int], str]
    """A 0-based column in the user's words: 第 3 列, C 列."""
    rows: list[ReplyRow] = field(default_factory=list)

    def where(self, attr: str, aliases: Aliases | None = None) -> str:
        """A field's column with its title as written, e.g. 第 2 列（活动主题）."""
        column = self.header.columns[attr]
        title = self.header.titles[column].strip() or (aliases or field_aliases())[attr][0]
        return f"{self.column_label(column)}（{title}）"


@dataclass(slots=True)
class ReplyReading:
    """Everything read from one reply file, and everything wrong with it."""

    path: Path
    tables: list[ReplyTable] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Nothing stops the import."""
        return not any(p.severity == Severity.ERROR for p in self.problems)

    def error(self, message: str, place: str = "", row: int | None = None,
              column: str = "") -> None:
        """Record a problem that stops the import."""
        self.problems.append(Problem(Severity.ERROR, message, row=row, column=column,
                                     place=place))

    def warn(self, message: str, place: str = "", row: int | None = None,
             column: str = "") -> None:
        """Record a problem that is only reported."""
        self.problems.append(Problem(Severity.WARNING, message, row=row, column=column,
                                     place=place))

    def rows(self) -> list[tuple[ReplyTable, ReplyRow]]:
        """Every activity row of every table, in file order."""
        return [(table, row) for table in self.tables for row in table.rows]


def clean_cell(text: str) -> str:
    """A cell's text as stored: control characters gone, line breaks kept, outer space off."""
    return clean_text(text).strip()


def _is_note(cells: Sequence[str]) -> bool:
    """A 填表说明 / 注： row under the table."""
    first = next((c.strip() for c in cells if c.strip()), "")
    return first.startswith(NOTE_STARTS)


def _is_caption(cells: Sequence[str]) -> bool:
    """A caption row inside the table: one text merged across every column."""
    return len(cells) >= 3 and cells[0].strip() != "" and len(set(cells)) == 1


def first_text_row(grid: Grid) -> list[str]:
    """The first row with any text among the rows a header may be in, for messages."""
    return next((row for row in grid[:HEADER_SCAN_ROWS] if any(map(clean_cell, row))), [])


def find_header(grid: Grid, aliases: Aliases | None = None) -> tuple[int, HeaderMatch] | None:
    """The first row within the first HEADER_SCAN_ROWS that is a header row, and its match."""
    for index, cells in enumerate(grid[:HEADER_SCAN_ROWS]):
        found = match_header(cells, aliases)
        if found is not None:
            return index, found
    return None


def read_grid(grid: Grid, place: str, reading: ReplyReading,
              column_label: Callable[[int], str], aliases: Aliases | None = None
              ) -> ReplyTable | None:
    """The activity rows of one grid, or None when it has no header row; problems go into
    the reading."""
    found = find_header(grid, aliases)
    if found is None:
        return None
    start, header = found
    table = ReplyTable(place, header, start + 1, column_label)
    used_unknown: set[int] = set()
    for index in range(start + 1, len(grid)):
        cells = [clean_cell(c) for c in grid[index]]
        if _is_note(cells):
            break
        if not any(cells) or _is_caption(cells) or match_header(cells, aliases) == header:
            continue
        values = {attr: cells[col] if col < len(cells) else ""
                  for attr, col in header.columns.items()}
        if not any(values.get(attr) for attr in filled_attrs()):  # 序号/负责单位 alone: blank
            continue
        used_unknown |= {col for col in header.unknown
                         if col < len(cells) and cells[col] and not _merged_into(cells, col)}
        table.rows.append(ReplyRow(values, index + 1))
    if used_unknown:
        titles = "、".join(_tr("“{0}”（{1}）").format(header.unknown[c], column_label(c))
                          for c in sorted(used_unknown))
        reading.error(_tr("{0}不是活动安排表的列，其中填写的内容无法导入。表头找到的列：{1}；"
                          "活动安排表可用的列：{2}。请删除多余的列，或把列名改为活动安排表的列名后再导入。"
                          ).format(titles, "、".join(header.found_titles()),
                                   expected_titles(aliases)), place, start + 1)
    return table


def take_grid(reading: ReplyReading, seen: list[tuple[str, list[str]]], grid: Grid,
              place: str, column_label: Callable[[int], str],
              aliases: Aliases | None = None) -> None:
    """Add a grid's activity table to the reading, or note its first row in `seen`."""
    table = read_grid(grid, place, reading, column_label, aliases)
    if table is None:
        seen.append((place, first_text_row(grid)))
    else:
        reading.tables.append(table)


def finish_reading(reading: ReplyReading, seen: Sequence[tuple[str, Sequence[str]]],
                   aliases: Aliases | None = None, what: str | None = None) -> None:
    """The error for a file without an activity table, or with an empty one."""
    if not reading.tables:
        reading.error(no_table_message(reading.path.name, seen, aliases, what))
    elif not reading.rows():
        reading.error(_tr("活动安排表中没有填写任何活动。"), reading.tables[0].place)


def _merged_into(cells: Sequence[str], col: int) -> bool:
    """Whether a cell only repeats its left neighbour (a horizontal merge spread out)."""
    return col > 0 and cells[col] == cells[col - 1]


def no_table_message(name: str, seen: Sequence[tuple[str, Sequence[str]]],
                     aliases: Aliases | None = None, what: str | None = None) -> str:
    """Why nothing was imported: the tables (or sheets: `what`) seen, their first rows, and
    the columns an activity table needs."""
    what = what or _tr("表格")
    wanted = _tr("活动安排表应有这些列（顺序不限，至少要有“活动名称”和另一列）：{0}。").format(
        expected_titles(aliases))
    if not seen:
        return _tr("“{0}”中没有任何{1}，找不到活动安排表。").format(name, what) + wanted
    shown = "；".join(
        _tr("{0}：{1}").format(
            place, "、".join(dict.fromkeys(t.strip() for t in titles if t.strip())) or _tr("（空）"))
        for place, titles in seen[:8])
    more = _tr("等 {0} 个").format(len(seen)) if len(seen) > 8 else ""
    return _tr("在“{0}”中没有找到活动安排表。文件中{1}{2}的首行为——{3}。").format(
        name, more, what, shown) + wanted
