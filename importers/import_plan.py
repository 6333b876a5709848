"""The result of checking a returned workbook: what it would change and what is wrong."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from models.entities import Activity, Unit
from models.errors import StoreError
from models.i18n import _tr

if TYPE_CHECKING:
    from models.editor import CampaignEditor, ImportOutcome


class Severity(StrEnum):
    """How bad a problem is: errors stop the import, warnings do not."""

    ERROR = "错误"
    WARNING = "警告"

    def label(self) -> str:
        """The severity as the user reads it."""
        return _tr("错误") if self is Severity.ERROR else _tr("警告")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the file, and where."""

    severity: Severity
    message: str
    sheet: str = ""
    row: int | None = None
    column: str = ""
    place: str = ""
    """Where in a file that is no workbook, e.g. 第 2 个表格 (said instead of the sheet)."""

    def where(self) -> str:
        """Sheet, row and column in words, e.g. 工作表“活动安排”第 5 行 B 列（活动名称）."""
        parts = []
        if self.place:
            parts.append(self.place)
        elif self.sheet:
            parts.append(_tr("工作表“{0}”").format(self.sheet))
        if self.row is not None:
            parts.append(_tr("第 {0} 行").format(self.row))
        if self.column:
            parts.append(self.column)
        return " ".join(parts)

    def as_text(self) -> str:
        """The problem on one line."""
        where = self.where()
        prefix = _tr("【{0}】").format(self.severity.label())
        return prefix + (_tr("{0}：").format(where) if where else "") + self.message


@dataclass(frozen=True, slots=True)
class SkippedRow:
    """A row of a returned table that is no activity, and why (合计, 已取消, a hidden row …)."""

    place: str
    line: int
    reason: str
    text: str
    """The row's texts, joined, for the user to recognise it."""

    def as_text(self) -> str:
        """The row on one line: 第 2 个表格 第 7 行（合计行）：合计 共3项."""
        where = " ".join(p for p in (self.place, _tr("第 {0} 行").format(self.line)) if p)
        return _tr("{0}（{1}）：{2}").format(where, self.reason, self.text)


@dataclass(slots=True)
class ImportPlan:
    """What a returned workbook would change, and everything found wrong with it."""

    path: Path
    problems: list[Problem] = field(default_factory=list)
    unit: Unit | None = None
    campaign_id: int | None = None
    activities: list[Activity] = field(default_factory=list)
    replaced: list[Activity] = field(default_factory=list)
    outcome: str = ""
    skipped: list[SkippedRow] = field(default_factory=list)
    """Rows of the file that are no activity, each with its reason."""

    @property
    def ok(self) -> bool:
        """True when nothing stands in the way of applying the plan."""
        return not self.errors

    @property
    def errors(self) -> list[Problem]:
        """Problems that stop the import."""
        return [p for p in self.problems if p.severity == Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        """Problems that are only reported."""
        return [p for p in self.problems if p.severity == Severity.WARNING]

    def error(self, message: str, sheet: str = "", row: int | None = None,
              column: str = "", place: str = "") -> None:
        """Record an error."""
        self.problems.append(Problem(Severity.ERROR, message, sheet, row, column, place))

    def warn(self, message: str, sheet: str = "", row: int | None = None,
             column: str = "", place: str = "") -> None:
        """Record a warning."""
        self.problems.append(Problem(Severity.WARNING, message, sheet, row, column, place))

    def as_text(self) -> str:
        """A report for the user: what the file holds, every problem, what was done."""
        lines = [_tr("文件：{0}").format(self.path)]
        if self.unit is not None:
            lines.append(_tr("单位：{0}").format(self.unit.name))
            lines.append(_tr("活动：{0} 条（替换原有 {1} 条）").format(
                len(self.activities), len(self.replaced)))
        lines.append(_tr("错误 {0} 处，警告 {1} 处。").format(
            len(self.errors), len(self.warnings)))
        lines += ["  " + p.as_text() for p in self.problems]
        if self.skipped:
            lines.append(_tr("跳过的行（不是活动）{0} 行：").format(len(self.skipped)))
            lines += ["  " + s.as_text() for s in self.skipped]
        if self.outcome:
            lines.append(self.outcome)
        elif not self.ok:
            lines.append(_tr("有错误，未导入；数据库未作任何改动。"))
        return "\n".join(lines)


def apply_plan(editor: CampaignEditor, plan: ImportPlan, today: date) -> None:
    """Put a clean plan's rows in place of the unit's through the editor (one undoable step)
    and say so in the plan. StoreError when the database refuses; nothing changes then."""
    assert plan.ok and plan.unit is not None and plan.unit.id is not None
    refusals: list[str] = []
    editor.document.write_failed.connect(refusals.append)
    try:
        outcome = editor.import_unit_activities(plan.unit.id, plan.activities, today)
    finally:
        editor.document.write_failed.disconnect(refusals.append)
    if outcome is None:
        raise StoreError(refusals[-1] if refusals else _tr("数据库写入失败，未作任何改动。"))
    plan.outcome = import_outcome_text(plan.unit, outcome)


def import_outcome_text(unit: Unit, outcome: ImportOutcome) -> str:
    """What an applied import did, in one line (window and command line alike)."""
    text = _tr("已导入：{0} 的区级活动已替换为 {1} 条").format(unit.name, outcome.added)
    sub = outcome.submission
    if sub is None:
        return text + _tr("（该单位不欠报活动安排，报送清单未变）。")
    return text + _tr("，“{0}”已标记为{1}（{2}）。").format(
        sub.item, sub.status, sub.received.isoformat() if sub.received else "")

