"""What an import would do to each row: the unit's new rows beside its old ones, each marked
新增, 修改 (old → new per field), 删除 or 不变, numbered as the window numbers them (4, 4-2)."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from models.entities import Activity
from models.fields import TR_CONTEXT, header_of, number_label, text_attrs
from models.i18n import _tr, translate

if TYPE_CHECKING:
    from importers.import_plan import ImportPlan


class RowChange(StrEnum):
    """What happens to one row."""

    ADDED = "新增"
    CHANGED = "修改"
    REMOVED = "删除"
    SAME = "不变"

    def label(self) -> str:
        """The mark as the user reads it."""
        return {RowChange.ADDED: _tr("新增"), RowChange.CHANGED: _tr("修改"),
                RowChange.REMOVED: _tr("删除"), RowChange.SAME: _tr("不变")}[self]


@dataclass(frozen=True, slots=True)
class RowDiff:
    """One row of the comparison."""

    change: RowChange
    number: str
    """序号 as the window shows it: 4, 4-2."""
    new: Activity | None
    old: Activity | None
    fields: tuple[tuple[str, str, str], ...] = ()
    """The changed fields: (attribute, old text, new text)."""

    @property
    def name(self) -> str:
        """The row's activity name (the new one when there is one)."""
        return (self.new or self.old).name if (self.new or self.old) else ""


def _changed(old: Activity, new: Activity) -> tuple[tuple[str, str, str], ...]:
    """The typed fields that differ, old and new."""
    return tuple((attr, getattr(old, attr), getattr(new, attr)) for attr in text_attrs()
                 if getattr(old, attr) != getattr(new, attr))


def row_diffs(new_rows: list[Activity], old_rows: list[Activity]) -> list[RowDiff]:
    """Each new row against the old row of its name (else of its place), then the old rows
    left over as removed."""
    left = list(old_rows)
    paired: list[tuple[Activity, Activity | None]] = []
    for row in new_rows:
        match = next((o for o in left if o.name == row.name), None)
        if match is not None:
            left.remove(match)
        paired.append((row, match))
    out: list[RowDiff] = []
    for index, (row, match) in enumerate(paired):
        if match is None and left and index < len(old_rows) and old_rows[index] in left:
            match = old_rows[index]
            left.remove(match)
        if match is None:
            out.append(RowDiff(RowChange.ADDED, number_label(row), row, None))
            continue
        changed = _changed(match, row)
        out.append(RowDiff(RowChange.CHANGED if changed else RowChange.SAME,
                           number_label(row), row, match, changed))
    out += [RowDiff(RowChange.REMOVED, number_label(o), None, o) for o in left]
    return out


def _short(text: str) -> str:
    """A field's text on one line, shortened for the report."""
    flat = " / ".join(line.strip() for line in text.splitlines() if line.strip())
    return flat if len(flat) <= 40 else flat[:39] + "…"


def diff_line(diff: RowDiff) -> str:
    """One row of the comparison on a line: 4-2  修改  计量进社区：活动时间 5月18日 → 5月19日."""
    line = f"{diff.number:<6}{diff.change.label()}  {_short(diff.name)}"
    if diff.fields:
        parts = [_tr("{0} “{1}” → “{2}”").format(translate(TR_CONTEXT, header_of(attr)),
                                                  _short(old), _short(new))
                 for attr, old, new in diff.fields]
        line += _tr("：") + _tr("；").join(parts)
    return line


def rows_text(plan: ImportPlan) -> list[str]:
    """The comparison as lines for the dry run and the preview."""
    diffs = row_diffs(plan.activities, plan.replaced)
    counts = {change: sum(1 for d in diffs if d.change == change) for change in RowChange}
    head = _tr("逐行对比：新增 {0}，修改 {1}，删除 {2}，不变 {3}").format(
        counts[RowChange.ADDED], counts[RowChange.CHANGED], counts[RowChange.REMOVED],
        counts[RowChange.SAME])
    return [head] + ["  " + diff_line(d) for d in diffs]
