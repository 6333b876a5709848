"""The result of checking a returned workbook: what it would change and what is wrong."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from importers.reply_headers import Aliases, field_aliases, field_named, with_choices
from models import fields
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
from models.errors import StoreError
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


def apply_plan(editor: CampaignEditor, plan: ImportPlan, today: date,
               figures: Sequence[FigureValue] = ()) -> None:
    """Put a clean plan's rows (and the template's figures) in place of the unit's through the
    editor (one undoable step) and say so in the plan. StoreError when the database refuses;
    nothing changes then."""
    assert plan.ok and plan.unit is not None and plan.unit.id is not None
    refusals: list[str] = []
    editor.document.write_failed.connect(refusals.append)
    try:
        extra = {"figures": figures} if figures else {}   # a template's 活动统计 sheet
        outcome = editor.import_unit_activities(plan.unit.id, plan.activities, today,
                                                plan.level, **extra)
    finally:
        editor.document.write_failed.disconnect(refusals.append)
    if outcome is None:
        raise StoreError(refusals[-1] if refusals else _tr("数据库写入失败，未作任何改动。"))
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


def choose_level(plan: ImportPlan, data: CampaignData, unit: Unit,
                 wanted: Level | None) -> Level | None:
    """The table a unit's reply replaces rows in: the one asked for, else the one its rows
    stand in (the district table when it has none); None, with the question in the plan, when
    it has rows in both and none was asked for."""
    if wanted is not None:
        return wanted
    municipal = data.rows_of(unit, Level.MUNICIPAL)
    district = data.rows_of(unit, Level.DISTRICT)
    if municipal and district:
        plan.ask_level = True
        plan.error(_tr("“{0}”在市级表中有 {1} 条、区级表中有 {2} 条活动，无法确定替换哪一张表的："
                       "命令行加 --level 市级 或 --level 区级，或在窗口中选择。").format(
            unit.name, len(municipal), len(district)))
        return None
    return Level.MUNICIPAL if municipal else Level.DISTRICT


def group_number(data: CampaignData, unit: Unit, level: Level) -> int:
    """The 序号 the unit's rows keep in a table; a new one at the end if none."""
    mine = [a.group_no for a in data.rows_of(unit, level)]
    if mine:
        return min(mine)
    return max((a.group_no for a in data.by_level(level)), default=0) + 1


def kept_publicity(rows: list[Activity], old: list[Activity]) -> list[Activity]:
    """Municipal rows from a file without a 宣传内容 column: each keeps the 宣传内容 of the old
    row of its name, else of its place."""
    by_name = {a.name: a.publicity_content for a in old}
    return [a.with_changes(publicity_content=by_name.get(
        a.name, old[i].publicity_content if i < len(old) else ""))
        for i, a in enumerate(rows)]


def place_rows(plan: ImportPlan, data: CampaignData, choices: ImportChoices,
               has_publicity: bool) -> None:
    """Put a checked plan's rows in their table: level, 序号 and, from a file without a 宣传内容
    column, the old rows' 宣传内容; the receipt said in words."""
    unit = plan.unit
    assert unit is not None
    level = choose_level(plan, data, unit, choices.level)
    if level is None:
        plan.activities = []
        return
    plan.level = level
    plan.replaced = data.rows_of(unit, level)
    number = group_number(data, unit, level)
    rows = [a.with_changes(level=level, group_no=number) for a in plan.activities]
    if level == Level.MUNICIPAL and not has_publicity:
        rows = kept_publicity(rows, plan.replaced)
    plan.activities = [unplaced_as_remarks(a) for a in rows]


def unplaced_as_remarks(activity: Activity) -> Activity:
    """A row whose table has no column for some of its texts (宣传内容 in the district table)
    with those texts moved to 备注, so nothing is stored where nobody sees it."""
    moved = [(f.header, getattr(activity, f.attr)) for f in fields.FIELDS
             if f.weights and activity.level not in f.weights and getattr(activity, f.attr)]
    if not moved:
        return activity
    lines = [_tr("{0}：{1}").format(header, text) for header, text in moved]
    if activity.remarks:
        lines.append(activity.remarks)
    return activity.with_changes(remarks="\n".join(lines),
                                 **{f.attr: "" for f in fields.FIELDS
                                    if f.weights and activity.level not in f.weights})

