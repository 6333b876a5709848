"""Which table a unit's reply replaces rows in — the one its rows stand in, or the one asked
for — and the plan's rows made ready for it: level, 序号, 宣传内容 kept, texts without a
column moved to 备注."""
from __future__ import annotations

from importers.import_plan import ImportChoices, ImportPlan
from models import fields
from models.entities import Activity, CampaignData, Level, Unit
from models.i18n import _tr


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

