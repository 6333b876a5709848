"""A table a unit sent back, as a grid of cell texts, turned into rows of activity fields.

Word tables and spreadsheets are both read into grids first (merged cells already expanded
over their whole group); this module finds the header row, ignores title rows above it,
captions, repeated headers and blank rows inside, and 填表说明 notes below, and says what is
wrong in the words the user needs.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from importers.import_plan import Problem, Severity, SkippedRow
from importers.reply_headers import (
    Aliases,
    HeaderMatch,
    expected_titles,
    field_aliases,
    match_header,
    match_header_rows,
    normalise_header,
)
from models.fields import filled_attrs, header_of
from models.i18n import _tr
from models.text import clean_text

HEADER_SCAN_ROWS = 30
NOTE_STARTS = ("填表说明", "填报说明", "说明：", "说明:", "注：", "注:", "注意：", "备注：",
               "备注:", "附注")
"""A row whose first text starts so is a note under the table: it and what follows are not
activities."""

Grid = list[list[str]]
REMARKS_TITLE = "备注"
"""A column titled so gives its text to 备注 bare (other columns as 标题：内容)."""


@dataclass(frozen=True, slots=True)
class GridMarks:
    """What a reader saw of a grid besides its texts: rows and columns the sender hid, rows
    struck through (0-based)."""

    hidden_rows: frozenset[int] = frozenset()
    hidden_columns: frozenset[int] = frozenset()
    struck_rows: frozenset[int] = frozenset()
    serial_dates: Mapping[tuple[int, int], str] = field(default_factory=dict)
    """(row, column) → the date a number cell stands for (44336 → 5月20日), read so in a
    time column only."""
    hidden_text: Mapping[int, str] = field(default_factory=dict)
    """Row → its text where the reader leaves a hidden row's text out (Word's 隐藏文字), so
    the skipped row can still be shown."""


@dataclass(frozen=True, slots=True)
class ReplyRow:
    """One activity as the unit wrote it: field → text, and its row in the table."""

    values: dict[str, str]
    line: int
    remarks: str = ""
    """The texts of columns the attachment has no place for, one 标题：内容 a line."""


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
    skipped: list[SkippedRow] = field(default_factory=list)
    hidden_titles: list[str] = field(default_factory=list)
    """Titles of columns the sender hid (not read)."""

    def where(self, attr: str, aliases: Aliases | None = None) -> str:
        """A field's column with its title as written, e.g. 第 2 列（活动主题）."""
        column = self.header.columns[attr]
        title = self.header.titles[column].strip() or (aliases or field_aliases())[attr][0]
        return f"{self.column_label(column)}（{title}）"

    def column_titles(self, columns: Sequence[int] | Mapping[int, str]) -> str:
        """Columns with their titles, e.g. “联系人”（F 列）、“电话”（G 列）."""
        return "、".join(_tr("“{0}”（{1}）").format(self.header.titles[c].strip(),
                                                 self.column_label(c)) for c in columns)


@dataclass(slots=True)
class ReplyReading:
    """Everything read from one reply file, and everything wrong with it."""

    path: Path
    tables: list[ReplyTable] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    figure_rows: list[tuple] | None = None
    """A workbook's 活动统计 sheet (our template saved by another suite), or None."""

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
    return normalise_note(first).startswith(NOTE_STARTS)


def normalise_note(text: str) -> str:
    """A text with its spaces gone and full-width forms plain, colons kept as ：."""
    return "".join(unicodedata.normalize("NFKC", text).split()).replace(":", "：")


def _is_caption(cells: Sequence[str]) -> bool:
    """A caption row inside the table: one text merged across every column."""
    return len(cells) >= 3 and cells[0].strip() != "" and len(set(cells)) == 1


_TOTAL = re.compile(r"^(合\s*计|小\s*计|总\s*计|共\s*计|累\s*计)(?=$|[\s:：共0-9（(])")
_COUNT = re.compile(r"^(共|合计|总计)?\s*[0-9一二三四五六七八九十]+\s*(项|个|场|次|条)(活动)?$")
_CANCELLED = re.compile(r"[（(【\[]\s*(已)?(取消|撤销)\s*[)）】\]]|^(已)?(取消|撤销)$")
_NUMBER = re.compile(r"^[0-9.．、]+$")
_PLACEHOLDER = re.compile(r"^[/／\\—–\-－_…。.、]+$|^(无|暂无|空)$")
"""What clerks write in a cell that holds nothing: /, —, 无."""


def skip_reason(cells: Sequence[str]) -> str | None:
    """Why a row under the header is no activity (合计, 共3项, a lone number, 已取消, only / or
    — or 无 in its cells), or None."""
    texts = [unicodedata.normalize("NFKC", c).strip() for c in cells if c.strip()]
    if not texts:
        return None
    if _TOTAL.match(texts[0]) or any(_COUNT.match(t) for t in texts):
        return _tr("合计行")
    if any(_CANCELLED.search(t) for t in texts):
        return _tr("已取消")
    if all(_NUMBER.match(t) for t in texts):
        return _tr("只有数字")
    if all(_NUMBER.match(t) or _PLACEHOLDER.match(t) for t in texts):
        return _tr("空白占位")
    return None


def first_text_row(grid: Grid) -> list[str]:
    """The first row with any text among the rows a header may be in, for messages."""
    return next((row for row in grid[:HEADER_SCAN_ROWS] if any(map(clean_cell, row))), [])


def find_header(grid: Grid, aliases: Aliases | None = None) -> tuple[int, HeaderMatch] | None:
    """The first row within the first HEADER_SCAN_ROWS that starts a header (one row, or a
    merged title over sub-titles read as one), and its match."""
    for index, cells in enumerate(grid[:HEADER_SCAN_ROWS]):
        below = grid[index + 1] if index + 1 < len(grid) else None
        found = match_header_rows(cells, below, aliases)
        if found is not None:
            return index, found
    return None


def _hide_columns(grid: Grid, columns: frozenset[int]) -> Grid:
    """The grid with the hidden columns' cells blank."""
    if not columns:
        return grid
    return [[("" if c in columns else text) for c, text in enumerate(row)] for row in grid]


def _joined(cells: Sequence[str], columns: Sequence[int]) -> str:
    """The texts of a field's columns in order, joined by line breaks; a text a merge spread
    over neighbouring columns read once."""
    parts: list[str] = []
    for col in columns:
        text = cells[col] if col < len(cells) else ""
        if text and not (parts and parts[-1] == text):
            parts.append(text)
    return "\n".join(parts)


def _remarks(cells: Sequence[str], header: HeaderMatch) -> str:
    """The texts of the columns with no place in the attachment, one 标题：内容 a line (a
    column titled 备注 gives its text alone)."""
    lines: list[str] = []
    for col, title in header.unknown.items():
        text = cells[col] if col < len(cells) else ""
        if not text or _merged_into(cells, col):
            continue
        bare = normalise_header(title) == REMARKS_TITLE
        lines.append(text if bare else _tr("{0}：{1}").format(title, text))
    return "\n".join(lines)


def read_grid(grid: Grid, place: str, reading: ReplyReading,
              column_label: Callable[[int], str], aliases: Aliases | None = None,
              marks: GridMarks | None = None) -> ReplyTable | None:
    """The activity rows of one grid, or None when it has no header row; rows that are no
    activity are kept in the table's `skipped` with their reason."""
    marks = marks or GridMarks()
    titles_seen = grid
    grid = _hide_columns(grid, marks.hidden_columns)
    found = find_header(grid, aliases)
    if found is None:
        return None
    start, header = found
    table = ReplyTable(place, header, start + 1, column_label)
    table.hidden_titles = [t for c in sorted(marks.hidden_columns)
                           if c < len(titles_seen[start]) and (t := titles_seen[start][c].strip())]
    noted = False
    used_unknown: set[int] = set()
    for index in range(start + header.rows, len(grid)):
        cells = [clean_cell(c) for c in grid[index]]
        if not any(cells) and index in marks.hidden_text:
            table.skipped.append(SkippedRow(place, index + 1, _tr("隐藏的行"),
                                            marks.hidden_text[index][:60]))
            continue
        if not any(cells):
            continue
        shown = " ".join(dict.fromkeys(c for c in cells if c))[:60]
        if noted or _is_note(cells):
            noted = True
            table.skipped.append(SkippedRow(place, index + 1, _tr("填表说明"), shown))
            continue
        if _is_caption(cells) or match_header(cells, aliases) is not None:
            continue
        reason = (_tr("隐藏的行") if index in marks.hidden_rows
                  else _tr("删除线") if index in marks.struck_rows
                  else _tr("与表头合并的行") if _under_header(cells, header)
                  else skip_reason(cells))
        values = {attr: _joined(cells, cols) for attr, cols in header.spans.items()}
        if "time_text" in header.spans:
            dated = [marks.serial_dates.get((index, c), cells[c] if c < len(cells) else "")
                     for c in range(len(cells))]
            values["time_text"] = _joined(dated, header.spans["time_text"])
        if reason is None and not any(values.get(attr) for attr in filled_attrs()):
            continue  # 序号/负责单位 alone: a blank row of the template
        if reason is not None:
            table.skipped.append(SkippedRow(place, index + 1, reason, shown))
            continue
        table.rows.append(ReplyRow(values, index + 1, _remarks(cells, header)))
        used_unknown |= {c for c in header.unknown if c < len(cells) and cells[c]}
    _report_columns(table, reading, sorted(used_unknown))
    return table


def _under_header(cells: Sequence[str], header: HeaderMatch) -> bool:
    """Whether a row only carries the header's name title down (a header cell merged into
    the first row below it)."""
    column = header.columns["name"]
    return column < len(cells) and cells[column] == clean_cell(header.titles[column])


def _report_columns(table: ReplyTable, reading: ReplyReading, unplaced: list[int]) -> None:
    """Warnings for the columns read in an unusual way: joined, kept as 备注, hidden."""
    header = table.header
    for attr, cols in header.joined().items():
        reading.warn(_tr("{0}同属“{1}”，各行按列的顺序换行合并。").format(
            table.column_titles(cols), header_of(attr)), table.place, table.header_line)
    if unplaced:
        reading.warn(_tr("不导入附件的列：{0}。这些列的内容保存在每条活动的“备注”中，"
                         "不印入通知附件。").format(table.column_titles(unplaced)),
                     table.place, table.header_line)
    if header.ignored:
        reading.warn(_tr("按您的选择不导入的列：{0}。").format(
            table.column_titles(header.ignored)), table.place, table.header_line)
    if table.hidden_titles:
        reading.warn(_tr("隐藏的列未导入：{0}。").format(
            "、".join(_tr("“{0}”").format(t) for t in table.hidden_titles)), table.place)


def take_grid(reading: ReplyReading, seen: list[tuple[str, list[str]]], grid: Grid,
              place: str, column_label: Callable[[int], str],
              aliases: Aliases | None = None, marks: GridMarks | None = None) -> None:
    """Add a grid's activity table to the reading, or note its first row in `seen`."""
    table = read_grid(grid, place, reading, column_label, aliases, marks)
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
    wanted = _tr("活动安排表应有这些列（顺序不限，至少要有“活动名称”和另一列）：{0}。"
                 "如某一列就是活动名称，只是列名不同，可在命令行加 --map 列名=活动名称。").format(
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
