"""The attachment's table layout: columns per level and which cells merge down a group."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from models.entities import Activity, Level
from models.fields import level_fields


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a printed table: its header, the field it shows, its share of the width."""

    header: str
    field: str          # "group_no" for 序号
    weight: float       # share of the table width
    centred: bool = False
    dates: bool = False     # date tokens kept unbroken
    repeated: bool = False  # printed again on each page a tall row continues on


def columns_of(level: Level) -> tuple[Column, ...]:
    """The columns of one attachment table, from the table of fields."""
    return tuple(Column(f.header, f.attr, f.weights[level], f.centred, f.dates, f.repeated)
                 for f in level_fields(level))


LEVEL_SUBTITLES: dict[Level, str] = {Level.MUNICIPAL: "（市级）", Level.DISTRICT: "（区级）"}


def cell_text(activity: Activity, column: Column) -> str:
    """The text an activity shows in a column."""
    return str(activity.group_no) if column.field == "group_no" else getattr(activity, column.field)


def runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Sorted numbers as (first, last) runs of consecutive ones: [1, 2, 3, 7] → (1, 3), (7, 7)."""
    out: list[tuple[int, int]] = []
    for number in numbers:
        if out and out[-1][1] == number - 1:
            out[-1] = (out[-1][0], number)
        else:
            out.append((number, number))
    return out


def groups(rows: Sequence[Activity]) -> list[list[Activity]]:
    """Consecutive rows of one table split into their 序号 groups."""
    out: list[list[Activity]] = []
    for row in rows:
        if out and out[-1][0].group_no == row.group_no:
            out[-1].append(row)
        else:
            out.append([row])
    return out


def merged_fields(group: Sequence[Activity], columns: Sequence[Column]) -> set[str]:
    """Fields whose cells merge vertically down a group: 序号 always, others when all equal."""
    if len(group) < 2:
        return set()
    merged = {"group_no"}
    for column in columns:
        values = {getattr(a, column.field) for a in group} if column.field != "group_no" else set()
        if len(values) == 1 and next(iter(values)).strip():
            merged.add(column.field)
    return merged


def table_cells(rows: Sequence[Activity], level: Level) -> list[list[tuple[str, int]]]:
    """Each row's cells as (text, span): span ≥ 1 starts a vertical merge, 0 continues one."""
    out: list[list[tuple[str, int]]] = []
    columns = columns_of(level)
    for group in groups(rows):
        merged = merged_fields(group, columns)
        for index, activity in enumerate(group):
            row = []
            for column in columns:
                if column.field in merged:
                    row.append((cell_text(activity, column), len(group) if index == 0 else 0))
                else:
                    row.append((cell_text(activity, column), 1))
            out.append(row)
    return out


def renumbered(rows: Sequence[Activity]) -> list[Activity]:
    """Copies of the rows whose 序号 or position must change so that, per level, groups
    count 1, 2, 3 … and rows inside a group 1, 2 … again (after a deletion)."""
    changed: list[Activity] = []
    for level in Level:
        ordered = sorted((a for a in rows if a.level == level),
                         key=lambda a: (a.group_no, a.position, a.id or 0))
        for number, group in enumerate(groups(ordered), start=1):
            for position, activity in enumerate(group, start=1):
                if (activity.group_no, activity.position) != (number, position):
                    changed.append(activity.with_changes(group_no=number, position=position))
    return changed


def placed(rows: Sequence[Activity], activity: Activity, level: Level,
           unit_id: int | None) -> Activity:
    """The activity given another level or unit, and the place that goes with them: a
    district row joins its unit's group at the end; a row alone in its group, or one that
    only changes unit outside the district table, stays where it is; any other row opens a
    new group at the end of its table."""
    others = [a for a in rows if a.id != activity.id]
    moved = activity.with_changes(level=level, unit_id=unit_id)
    if level == Level.DISTRICT and unit_id is not None:
        mine = [a for a in others if a.level == level and a.unit_id == unit_id]
        if mine:
            group = min(a.group_no for a in mine)
            last = max(a.position for a in mine if a.group_no == group)
            return moved.with_changes(group_no=group, position=last + 1)
    if level == activity.level:
        alone = not any(a.level == level and a.group_no == activity.group_no for a in others)
        if alone or level != Level.DISTRICT:
            return moved
    end = max((a.group_no for a in others if a.level == level), default=0) + 1
    return moved.with_changes(group_no=end, position=1)


def regrouped(rows: Sequence[Activity], moved: Activity) -> list[Activity]:
    """Every row that changes when one row is moved (that row first), both tables numbered
    1, 2, 3 … again around it."""
    current = [moved if a.id == moved.id else a for a in rows]
    renumbers = {a.id: a for a in renumbered(current)}
    final = renumbers.pop(moved.id, moved)
    return [final, *renumbers.values()]
