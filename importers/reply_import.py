"""Checking a reply that is not our template (a Word table, a unit's own spreadsheet) and
planning it the way a returned template is planned: the unit told apart, each row checked,
every problem in one report, nothing changed."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path

from importers.import_plan import ImportChoices, ImportPlan
from importers.plan_table import choose_level, place_rows
from importers.reply_docx import read_reply_docx
from importers.reply_formats import (
    CONVERTED,
    ReplyFormat,
    pdf_refusal,
    read_converted,
    reply_format,
)
from importers.reply_headers import IGNORED, Aliases, normalise_header
from importers.reply_sheet import read_reply_sheet
from importers.reply_tables import ReplyReading, ReplyRow, ReplyTable
from importers.workbook import names_unit
from models import fields
from models.dates.periods import why_unparsed
from models.entities import Activity, CampaignData, Level, Unit, find_unit
from models.i18n import QT_TRANSLATE_NOOP, _tr
from models.template_contract import MAX_TEXT

NAME_THE_UNIT = QT_TRANSLATE_NOOP(
    "", "请指定单位：命令行加 --unit 单位简称（如 --unit 黄浦），或在窗口中把文件拖到该单位的报送清单行上")
RENAME_THE_FILE = QT_TRANSLATE_NOOP(
    "", "；也可以把文件改名为以单位名称开头（如“黄浦-活动安排.docx”）")


def read_reply(path: Path, year: int, aliases: Aliases | None = None) -> ReplyReading:
    """The rows of a Word reply or a unit's own workbook, chosen by the file's content (an
    .odt, .ods, .xls or .et saved as .docx or .xlsx by LibreOffice first)."""
    fmt = reply_format(path)
    if fmt == ReplyFormat.PDF:
        reading = ReplyReading(path)
        reading.error(pdf_refusal(path))
        return reading
    if fmt in CONVERTED:
        reader = (partial(read_reply_docx, aliases=aliases) if CONVERTED[fmt] == "docx"
                  else partial(read_reply_sheet, year=year, aliases=aliases))
        return read_converted(path, fmt, reader)
    if fmt in (ReplyFormat.WORD, ReplyFormat.OLD_WORD):
        return read_reply_docx(path, aliases)
    return read_reply_sheet(path, year, aliases)


def units_named(text: str, units: Sequence[Unit]) -> list[Unit]:
    """The units a 负责单位 text names: the one it is (full or short name), else every unit
    whose full name it contains (牵头 and 配合 units written together)."""
    exact = find_unit(units, text)
    if exact is not None:
        return [exact]
    return [u for u in units if names_unit(text, u)]


def unit_in_file_name(path: Path, units: Sequence[Unit]) -> list[Unit]:
    """Units the file name names: by full name if any is there, else by short name."""
    stem = path.stem
    full = [u for u in units if u.name in stem]
    return full or [u for u in units if u.short_name and u.short_name in stem]


def _tables_of(reading: ReplyReading, level: Level) -> list[ReplyTable]:
    """The tables in one attachment table's shape when the file has both (our own export sent
    back whole: the municipal one has 宣传内容); otherwise every table."""
    municipal_only = {f.attr for f in fields.FIELDS
                      if f.weights and Level.DISTRICT not in f.weights}

    def shaped(table: ReplyTable) -> bool:
        return bool(municipal_only & set(table.header.columns)) == (level == Level.MUNICIPAL)
    if all(map(shaped, reading.tables)) or not any(map(shaped, reading.tables)):
        return reading.tables
    return [t for t in reading.tables if shaped(t)]


def _row_units(rows: Iterable[tuple[ReplyTable, ReplyRow]], units: Sequence[Unit]
               ) -> dict[int, Unit]:
    """Every unit some row's 负责单位 names, by id."""
    found: dict[int, Unit] = {}
    for _table, row in rows:
        for unit in units_named(row.values.get("responsible", ""), units):
            found[unit.id] = unit
    return found


def choose_unit(plan: ImportPlan, rows: list[tuple[ReplyTable, ReplyRow]], data: CampaignData,
                unit_text: str | None) -> Unit | None:
    """The unit the reply is for: --unit, else the 负责单位 column, else the file name; None
    (with the reason in the plan) when it cannot be told."""
    if unit_text:
        unit = find_unit(data.units, unit_text)
        if unit is None:
            plan.error(_tr("单位“{0}”在数据库中不存在。").format(unit_text))
        return unit
    named = _row_units(rows, data.units)
    if len(named) == 1:
        return next(iter(named.values()))
    if len(named) > 1:
        names = "、".join(u.name for u in data.units if u.id in named)
        plan.error(_tr("表中有多个单位的活动（{0}），无法确定导入哪个单位的。{1}，其他单位的行将被跳过。"
                       ).format(names, _tr(NAME_THE_UNIT)))
        return None
    by_name = unit_in_file_name(plan.path, data.units)
    if len(by_name) == 1:
        return by_name[0]
    written = {row.values.get("responsible", "") for _t, row in rows} - {""}
    if written:
        plan.error(_tr("负责单位“{0}”在数据库中不存在。{1}。").format(
            sorted(written)[0], _tr(NAME_THE_UNIT)))
    else:
        plan.error(_tr("无法确定这份文件是哪个单位的：表中没有填写负责单位，文件名“{0}”中也没有"
                       "单位名称。{1}{2}。").format(plan.path.name, _tr(NAME_THE_UNIT),
                                                _tr(RENAME_THE_FILE)))
    return None


def _check_row(plan: ImportPlan, table: ReplyTable, row: ReplyRow, year: int) -> None:
    """Errors and warnings of one row."""
    if not row.values.get("name"):
        plan.error(_tr("活动名称为空。"), row=row.line, column=table.where("name"),
                   place=table.place)
    for attr, text in row.values.items():
        if len(text) > MAX_TEXT:
            plan.error(_tr("文字过长（{0} 字），每格最多 {1} 字。").format(len(text), MAX_TEXT),
                       row=row.line,
                       column=table.where(attr), place=table.place)
    if "time_text" not in table.header.columns:
        return
    text = row.values.get("time_text", "")
    where = table.where("time_text")
    if not text:
        plan.warn(_tr("活动时间未填写，日历中不会显示该活动。"), row=row.line, column=where,
                  place=table.place)
    elif reason := why_unparsed(text, year):
        plan.warn(_tr("活动时间“{0}”无法识别为日期（{1}），将按原文导入并标注。").format(text, reason),
                  row=row.line, column=where, place=table.place)


def _own_rows(plan: ImportPlan, rows: list[tuple[ReplyTable, ReplyRow]], unit: Unit,
              units: Sequence[Unit]) -> list[tuple[ReplyTable, ReplyRow]]:
    """The rows of the unit (those naming it, or no unit); the others skipped and said so,
    or, when no row is the unit's, the table refused as another unit's."""
    own, others = [], {}
    for table, row in rows:
        named = units_named(row.values.get("responsible", ""), units)
        if not named or unit in named:
            own.append((table, row))
        else:
            others.setdefault(named[0].name, 0)
            others[named[0].name] += 1
    if others and not own:
        plan.error(_tr("这份表是{0}的，不是“{1}”的；请选择正确的单位或文件。").format(
            "、".join(_tr("“{0}”").format(name) for name in others), unit.name))
    elif others:
        skipped = "、".join(_tr("{0} {1} 行").format(name, count) for name, count in others.items())
        plan.warn(_tr("跳过了其他单位的行（{0}），只导入“{1}”的活动。").format(skipped, unit.name))
    return own


def check_reply(data: CampaignData, path: Path | str, unit_text: str | None = None,
                expected_unit: Unit | None = None, aliases: Aliases | None = None,
                choices: ImportChoices | None = None) -> ImportPlan:
    """Read a Word reply or a unit's own workbook and report everything wrong with it, as a
    plan for the unit's rows of the table they stand in; changes nothing."""
    plan = ImportPlan(Path(path), campaign_id=data.campaign.id)
    choices = choices or ImportChoices()
    year = data.campaign.year
    reading = read_reply(plan.path, year, aliases or choices.aliases())
    return plan_reading(plan, reading, data, unit_text, expected_unit, choices)


def column_choices(reading: ReplyReading, choices: ImportChoices) -> dict[str, str | None]:
    """The titles of the reading's tables the user chose for or may choose for, with the
    choice in force (see ImportPlan.columns)."""
    mapped = {normalise_header(t): attr for t, attr in choices.mapped.items()}
    out: dict[str, str | None] = {}
    for table in reading.tables:
        header = table.header
        for attr, cols in header.spans.items():
            for col in cols:
                title = header.titles[col].strip()
                if normalise_header(title) in mapped:
                    out[title] = attr
        out |= {title: None for title in header.unknown.values()}
        out |= {title: IGNORED for title in header.ignored.values()}
    return out


def plan_reading(plan: ImportPlan, reading: ReplyReading, data: CampaignData,
                 unit_text: str | None, expected_unit: Unit | None,
                 choices: ImportChoices) -> ImportPlan:
    """The plan of a reply already read: the unit told apart, its table chosen, each row
    checked."""
    year = data.campaign.year
    plan.problems.extend(reading.problems)
    plan.figure_rows = reading.figure_rows
    plan.skipped = [s for t in reading.tables for s in t.skipped]
    plan.columns = column_choices(reading, choices)
    if not reading.ok:
        return plan
    rows = [(t, r) for t in _tables_of(reading, Level.DISTRICT) for r in t.rows]
    if expected_unit is not None and not unit_text:
        unit_text = expected_unit.name
    unit = choose_unit(plan, rows, data, unit_text)
    if unit is None:
        return plan
    plan.unit = unit
    level = choose_level(plan, data, unit, choices.level)
    if level is None:
        return plan
    tables = _tables_of(reading, level)
    rows = [(t, r) for t in tables for r in t.rows]
    for table, row in _own_rows(plan, rows, unit, data.units):
        _check_row(plan, table, row, year)
        texts = {attr: row.values.get(attr, "") for attr in fields.text_attrs()}
        texts["responsible"] = texts["responsible"] or unit.name
        texts["remarks"] = row.remarks
        plan.activities.append(Activity(level, 0, len(plan.activities) + 1, **texts,
                                        unit_id=unit.id, campaign_id=data.campaign.id))
    if plan.ok and not plan.activities:
        plan.error(_tr("表中没有“{0}”的活动。").format(unit.name))
    if not plan.ok:
        plan.activities = []
        return plan
    has_publicity = any("publicity_content" in t.header.columns for t in tables)
    place_rows(plan, data, choices.with_level(level), has_publicity)
    return plan
