"""The result of checking a returned workbook: what it would change and what is wrong."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from importers.reply_headers import Aliases, field_aliases, field_named, with_choices
from models.entities import (
    ARRANGEMENT_ITEM,
    Activity,
    CampaignData,
    FigureValue,
    Level,
    Submission,
    Unit,
    already_received,
    marked_received,
)
from models.fields import header_of, level_label
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
class ImportChoices:
    """What the user told an import besides the file: the table (--level), and what to do with
    columns nothing knows (--map 原列名=活动时间, --ignore 列名, the preview's choices)."""

    level: Level | None = None
    mapped: Mapping[str, str] = field(default_factory=dict)
    """Column title as written → activity attribute."""
    ignored: tuple[str, ...] = ()

    def with_level(self, level: Level) -> ImportChoices:
        """The same choices for one table."""
        return replace(self, level=level)

    def aliases(self) -> Aliases | None:
        """The vocabulary with these choices laid over it (None: the fields' own)."""
        return with_choices(self.mapped, self.ignored) if self.mapped or self.ignored else None


def choices_from_words(level: str | None, maps: Sequence[str], ignored: Sequence[str]
                       ) -> tuple[ImportChoices, str]:
    """The choices the command line gives (--level 市级, --map 原列名=活动时间, --ignore 列名),
    and why they cannot be used ("" when they can)."""
    mapped: dict[str, str] = {}
    for word in maps:
        title, sep, target = word.partition("=")
        attr = field_named(target)
        if not sep or not title.strip() or attr is None:
            return ImportChoices(), _tr(
                "--map “{0}”无法识别：应写成 原列名=栏目名，栏目名为 {1} 之一。").format(
                word, "、".join(header_of(a) for a in field_aliases()))
        mapped[title.strip()] = attr
    chosen = Level(level) if level else None
    return ImportChoices(chosen, mapped, tuple(t.strip() for t in ignored if t.strip())), ""


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
    level: Level = Level.DISTRICT
    """The table the unit's rows are replaced in."""
    receipt: str = ""
    """What the import does to the unit's 活动安排 receipt, in words."""
    ask_level: bool = False
    """The unit has rows in both tables and none was chosen: ask which (the only error)."""
    columns: dict[str, str | None] = field(default_factory=dict)
    """Column titles the user may choose for, with the choice in force: None keeps the
    column's texts as 备注, "" leaves it out (不导入), an attribute reads it as that field."""
    figures: list[FigureValue] = field(default_factory=list)
    """The values of a template's 活动统计 sheet, stored in the same step as the rows."""
    figure_words: list[str] = field(default_factory=list)
    """Those values in words (开展活动 6场), for the report."""
    figures_change: bool = False
    figure_rows: list[tuple] | None = None
    """The 活动统计 sheet's rows of a workbook read through LibreOffice (our template saved as
    .xls / .ods / .et by another suite), or None."""
    """Whether storing the figures would change any value held."""

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
            lines.append(_tr("活动：{0} 条，替换{1}表中原有 {2} 条").format(
                len(self.activities), level_label(self.level), len(self.replaced)))
            if self.receipt:
                lines.append(self.receipt)
            if self.figures:
                lines.append(_tr("活动统计：{0} 项（{1}）{2}").format(
                    len(self.figures), "，".join(self.figure_words),
                    "" if self.figures_change else _tr("，与已存的相同")))
        lines.append(_tr("错误 {0} 处，警告 {1} 处。").format(
            len(self.errors), len(self.warnings)))
        lines += ["  " + p.as_text() for p in self.problems]
        if self.ok and self.unit is not None:
            from importers.plan_rows import rows_text  # the comparison reads the fields table
            lines += rows_text(self)
        if self.skipped:
            lines.append(_tr("跳过的行（不是活动）{0} 行：").format(len(self.skipped)))
            lines += ["  " + s.as_text() for s in self.skipped]
        if self.outcome:
            lines.append(self.outcome)
        elif not self.ok:
            lines.append(_tr("有错误，未导入；数据库未作任何改动。"))
        return "\n".join(lines)


def apply_plan(editor: CampaignEditor, plan: ImportPlan, today: date) -> None:
    """Put a clean plan's rows (and the template's figures) in place of the unit's through the
    editor (one undoable step) and say so in the plan. StoreError when the database refuses;
    nothing changes then."""
    assert plan.ok and plan.unit is not None and plan.unit.id is not None
    figures = plan.figures if plan.figures_change else []
    outcome = editor.import_unit_activities(plan.unit.id, plan.activities, today, plan.level,
                                            figures)
    plan.outcome = import_outcome_text(plan.unit, outcome, plan.level)
    if figures:
        plan.outcome += "\n" + _tr("活动统计：已导入 {0} 项数据。").format(len(figures))


def import_outcome_text(unit: Unit, outcome: ImportOutcome,
                        level: Level = Level.DISTRICT) -> str:
    """What an applied import did, in one line (window and command line alike)."""
    text = _tr("已导入：{0} 的{1}活动已替换为 {2} 条").format(unit.name, level_label(level),
                                                    outcome.added)
    sub = outcome.submission
    if sub is None:
        return text + _tr("（该单位不欠报活动安排，报送清单未变）。")
    if not outcome.marked:
        return text + _tr("；“{0}”此前已收到（{1}），报送清单未变。").format(
            sub.item, _receipt_words(sub))
    return text + _tr("，“{0}”已标记为{1}（{2}）。").format(
        sub.item, sub.status, sub.received.isoformat() if sub.received else "")


def _receipt_words(sub: Submission) -> str:
    """A receipt as the checklist says it: 已报送 2021-05-06, or the status alone."""
    when = sub.received.isoformat() if sub.received else ""
    return " ".join(p for p in (str(sub.status), when) if p)


def receipt_text(data: CampaignData, unit: Unit, day: date) -> str:
    """What importing the unit's reply would do to its 活动安排 receipt, for the preview."""
    sub = next((s for s in data.submissions
                if s.unit_id == unit.id and s.item == ARRANGEMENT_ITEM), None)
    if sub is None:
        return _tr("报送清单：该单位不欠报活动安排，不变。")
    if already_received(sub):
        return _tr("报送清单：“{0}”此前已收到（{1}），导入不改变收到日期和状态。").format(
            sub.item, _receipt_words(sub))
    marked = marked_received(sub, day)
    return _tr("报送清单：“{0}”将标记为{1}（{2}）。").format(
        sub.item, marked.status, day.isoformat())
