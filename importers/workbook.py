"""Checking a workbook a unit sent back, and putting its rows in place of the unit's old ones."""
from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from importers.import_plan import ImportChoices, ImportPlan, SkippedRow, apply_plan
from importers.plan_table import place_rows
from importers.reply_headers import field_named, match_header
from importers.reply_sheet import serial_date
from importers.reply_tables import skip_reason
from importers.sheet_marks import hidden_marks
from importers.xlsx_file import parse_failure
from importers.xlsx_scan import SheetRefused, SheetScan, scan_sheet
from importers.xlsx_sheets import (
    WorkbookRefused,
    column_letter,
    data_sheet_order,
    excel_cell_text,
    merged_rows,
    opened_workbook,
    read_marker,
    sheet_parts,
)
from models.dates.periods import why_unparsed
from models.db.storage import Store
from models.entities import Activity, CampaignData, Level, Unit, find_unit
from models.fields import filled_attrs, header_of, text_attrs
from models.i18n import _tr
from models.template_contract import MARKER_SHEET, MAX_TEXT

if TYPE_CHECKING:
    from models.editor import CampaignEditor

HEADER_SCAN_ROWS = 30


def _titles(values: Sequence[object]) -> list[str]:
    """A row's cells as titles: its texts, anything else blank."""
    return [v if isinstance(v, str) else "" for v in values]


def header_matches(values: Sequence[object]) -> dict[str, list[int]]:
    """Every 0-based column whose title is a field's header or one of its listed aliases,
    by field (the columns read for it first, then those titled as it by another name); {}
    if the row is not a header. The one matcher of every reader (importers/reply_headers.py)."""
    found = match_header(_titles(values))
    if found is None:
        return {}
    out = {attr: list(cols) for attr, cols in found.spans.items()}
    for column, title in found.rivals.items():
        attr = field_named(title)
        if attr is not None:
            out[attr].append(column)
    return out


def header_columns(values: Sequence[object]) -> dict[str, int]:
    """Fields found in a row of column titles, by their 0-based column; {} if not a header."""
    return {key: columns[0] for key, columns in header_matches(values).items()}


# -- checking ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Sheet:
    """The table found in a sheet: where its header is and which column holds what."""

    title: str
    header_row: int
    columns: dict[str, int]
    scan: SheetScan | None = None
    spans: dict[str, tuple[int, ...]] = field(default_factory=dict)
    """Field → every column read for it (a title repeated or merged over columns)."""
    unknown: dict[int, str] = field(default_factory=dict)
    """Titled columns that are no field: kept as 备注."""
    hidden_rows: frozenset[int] = frozenset()
    """0-based rows the sender hid: no activities."""


def check_workbook(data: CampaignData, path: Path | str,
                   expected_unit: Unit | None = None,
                   choices: ImportChoices | None = None) -> ImportPlan:
    """Read a returned workbook and report everything wrong with it; changes nothing."""
    plan = ImportPlan(Path(path), campaign_id=data.campaign.id)
    try:
        with opened_workbook(plan.path) as (wb, archive):
            _check_open_workbook(wb, archive, data, plan, expected_unit,
                                 choices or ImportChoices())
    except WorkbookRefused as exc:
        plan.error(str(exc))
    except Exception as exc:  # noqa: BLE001 - parsing is lazy; a bad sheet fails here
        plan.error(parse_failure(exc))
    if not plan.ok:
        plan.activities = []
    return plan


def _check_open_workbook(wb, archive: zipfile.ZipFile, data: CampaignData, plan: ImportPlan,
                         expected_unit: Unit | None, choices: ImportChoices) -> None:
    """The checks that need the opened workbook."""
    marker = read_marker(wb)
    marked_unit = check_marker(marker, data, plan)
    if not plan.ok:
        return
    rows, sheet = read_table(wb, archive, plan, data.campaign.year)
    if sheet is None:
        return
    check_cells(sheet, plan)
    if marked_unit is not None:
        check_file_name(plan, data, marked_unit)
    unit = marked_unit or unit_from_rows(rows, sheet, data, plan)
    if unit is None:
        return
    if expected_unit is not None and unit.id != expected_unit.id:
        plan.error(_tr("这是“{0}”的文件，不是“{1}”的；请选择正确的文件。").format(unit.name, expected_unit.name))
        return
    plan.unit = unit
    plan.replaced = data.district_rows_of(unit)
    plan.activities = build_activities(rows, sheet, data, unit, plan)
    if plan.ok and not plan.activities:
        plan.error(_tr("表中没有填写任何活动。"), sheet.title)
    if plan.ok:
        place_rows(plan, data, choices, "publicity_content" in sheet.columns)


def check_marker(marker: dict[str, str], data: CampaignData, plan: ImportPlan) -> Unit | None:
    """The unit a template was made for, after checking it is this campaign's."""
    if not marker:
        return None
    year = marker.get("year", "")
    if year != str(data.campaign.year):
        plan.error(_tr("这是 {0} 年活动的模板，当前活动年度为 {1} 年；请用本年度的模板重新填报。").format(
                       year or _tr("未知"), data.campaign.year), MARKER_SHEET)
        return None
    unit = find_unit(data.units, marker.get("unit", "")) or find_unit(
        data.units, marker.get("unit_short", ""))
    if unit is None:
        plan.error(_tr("模板所属单位“{0}”在数据库中不存在。").format(marker.get('unit', '')), MARKER_SHEET)
    return unit


def read_table(wb, archive: zipfile.ZipFile, plan: ImportPlan, year: int
               ) -> tuple[list[list], _Sheet | None]:
    """The rows of the one sheet that holds activities, merges filled down.

    Every sheet is scanned before it is read (a sheet past the limits is refused); two
    sheets with activities, two columns that could be the same field and a header merged
    into the rows below are errors; a sheet with content but no header is a warning.
    """
    parts = sheet_parts(archive)
    tables: list[tuple[list[list], _Sheet]] = []
    for title in data_sheet_order(wb):
        if title not in parts:
            plan.error(_tr("工作簿的索引中找不到这张工作表的内容，文件可能已损坏。"), title)
            return [], None
        try:
            scan = scan_sheet(archive, parts[title], title)
        except SheetRefused as exc:
            plan.error(str(exc), title)
            return [], None
        ws = wb[title]
        ws.reset_dimensions()
        rows = list(merged_rows(ws.iter_rows(min_row=1, max_col=max(scan.last_column, 1),
                                             values_only=True), scan.merges))
        sheet = find_header(rows, title, plan)
        if sheet is None:
            if any(excel_cell_text(v, year) for r in rows for v in r):
                plan.warn(_tr("这张工作表有内容，但没有活动表的表头，未导入。"), title)
            continue
        sheet.scan = scan
        sheet.hidden_rows = hidden_marks(archive, parts[title], max(scan.last_column, 1)
                                         ).hidden_rows
        tables.append((rows, sheet))
    if not tables:
        plan.error(_tr("找不到表头行：工作表中没有“活动名称”“活动内容”“活动时间”等列名。请使用下发的模板，保留表头行。"))
        return [], None
    filled = [(rows, sheet) for rows, sheet in tables if has_activities(rows, sheet, year)]
    if len(filled) > 1:
        plan.error(_tr("有 {0} 张工作表填写了活动：{1}。每份文件只能有一张活动表；"
                       "请把活动合并到一张表中，删除其他表后再导入。").format(
            len(filled), "、".join(f"“{sheet.title}”" for _rows, sheet in filled)))
        return [], None
    rows, sheet = (filled or tables)[0]
    if not plan.ok or not check_header(rows, sheet, year, plan):
        return [], None
    return rows, sheet


def find_header(rows: Sequence[Sequence[object]], title: str, plan: ImportPlan
                ) -> _Sheet | None:
    """The header row among a sheet's first rows; two columns for one field are an error."""
    for index, values in enumerate(rows[:HEADER_SCAN_ROWS]):
        found = match_header(_titles(values))
        if found is None:
            continue
        for key, columns in header_matches(values).items():
            if len(columns) > len(found.spans[key]):
                named = "、".join(f"{column_letter(c)} 列（{values[c]}）" for c in sorted(columns))
                plan.error(_tr("{0}都可能是“{1}”，无法确定读哪一列。请删除多余的列，或把列名改回模板的列名。"
                               ).format(named, header_of(key)), title, index + 1)
        for key, columns in found.joined().items():
            named = "、".join(f"{column_letter(c)} 列" for c in columns)
            plan.warn(_tr("{0}同属“{1}”，各行按列的顺序换行合并。").format(named, header_of(key)),
                      title, index + 1)
        return _Sheet(title, index, dict(found.columns), spans=found.spans,
                      unknown=dict(found.unknown))
    return None


def has_activities(rows: Sequence[Sequence[object]], sheet: _Sheet, year: int) -> bool:
    """Whether any row below the header holds an activity."""
    return any(any(texts[key] for key in filled_attrs())
               for texts in (row_texts(r, sheet, year) for r in rows[sheet.header_row + 1:]))


def check_header(rows: Sequence[Sequence[object]], sheet: _Sheet, year: int,
                 plan: ImportPlan) -> bool:
    """False (with an error) when the header is merged into the rows below; columns with a
    title that is no field's, but with content, are a warning."""
    assert sheet.scan is not None
    header = sheet.header_row
    for first_col, top, last_col, bottom in sheet.scan.merges:
        if top <= header < bottom:
            area = f"{column_letter(first_col)}{top + 1}:{column_letter(last_col)}{bottom + 1}"
            plan.error(_tr("表头单元格与下面的数据行合并在一起（{0}），表头会被当作活动内容。"
                           "请取消合并后再导入。").format(area), sheet.title, header + 1)
            return False
    filled = [f"“{title}”（{column_letter(index)} 列）" for index, title in sheet.unknown.items()
              if any(excel_cell_text(_value(r, index), year) for r in rows[header + 1:])]
    if filled:
        plan.warn(_tr("不导入附件的列：{0}。这些列的内容保存在每条活动的“备注”中，"
                      "不印入通知附件。").format("、".join(filled)), sheet.title, header + 1)
    return True


def check_cells(sheet: _Sheet, plan: ImportPlan) -> None:
    """Errors for the table's cells whose value cannot be used: Excel error values and
    formulas saved without their result."""
    scan = sheet.scan
    if scan is None:
        return
    fields = {column + 1: key for key, column in sheet.columns.items()}
    for (row, column), message in sorted(scan.unreadable.items()):
        if row > sheet.header_row + 1 and column in fields:
            plan.error(message, sheet.title, row, _where(sheet, fields[column]))
    if scan.unreadable_count > len(scan.unreadable):
        plan.error(_tr("还有更多单元格是公式或 Excel 错误值（共 {0} 个），未一一列出。").format(
            scan.unreadable_count), sheet.title)


def units_in_name(units: Sequence[Unit], text: str) -> list[Unit]:
    """The units a text (a file name) names by their full or short name."""
    return [u for u in units if u.name in text or (u.short_name and u.short_name in text)]


def check_file_name(plan: ImportPlan, data: CampaignData, marked: Unit) -> None:
    """A warning when the file name names another unit than the template's marker."""
    named = units_in_name(data.units, plan.path.stem)
    if named and marked.id not in {u.id for u in named}:
        plan.warn(_tr("文件名“{0}”是“{1}”的，但文件中的模板标记属于“{2}”；将按模板标记导入到“{2}”。"
                      "请确认文件没有拿错。").format(plan.path.name, named[0].name, marked.name))


def _value(values: Sequence[object], index: int | None) -> object:
    """The value at a column index, None past the end of a short row."""
    return values[index] if index is not None and index < len(values) else None


def row_texts(values: Sequence[object], sheet: _Sheet, year: int) -> dict[str, str]:
    """A data row's texts by field (a field read from several columns joined by line breaks,
    the columns without a place as 备注)."""
    texts = {}
    for key in text_attrs():
        parts = [(key == "time_text" and serial_date(_value(values, c), year))
                 or excel_cell_text(_value(values, c), year) for c in sheet.spans.get(key, ())]
        texts[key] = "\n".join(dict.fromkeys(p for p in parts if p))
    texts["remarks"] = "\n".join(
        f"{title}：{text}" for index, title in sheet.unknown.items()
        if (text := excel_cell_text(_value(values, index), year)))
    return texts


def unit_from_rows(rows: Sequence[Sequence[object]], sheet: _Sheet, data: CampaignData,
                   plan: ImportPlan) -> Unit | None:
    """The unit of a file without a template marker, from its 负责单位 column."""
    column = sheet.columns.get("responsible")
    named = {excel_cell_text(_value(r, column), data.campaign.year)
             for r in rows[sheet.header_row + 1:]} - {""} if column is not None else set()
    units = {u.id: u for u in (find_unit(data.units, text) for text in named) if u}
    if len(units) == 1:
        return next(iter(units.values()))
    if len(units) > 1:
        names = "、".join(sorted(u.name for u in units.values()))
        plan.error(_tr("文件中有多个单位的活动（{0}），每份文件只能报一个单位。").format(names), sheet.title)
    elif named:
        plan.error(_tr("单位“{0}”在数据库中不存在。").format(sorted(named)[0]), sheet.title)
    else:
        plan.error(_tr("无法确定填报单位：文件不是下发的模板，负责单位一列也没有填写。"), sheet.title)
    return None


def build_activities(rows: Sequence[Sequence[object]], sheet: _Sheet, data: CampaignData,
                     unit: Unit, plan: ImportPlan) -> list[Activity]:
    """The unit's new district rows, each checked; problems go into the plan."""
    campaign = data.campaign
    group_no = unit_group_no(data, unit)
    out: list[Activity] = []
    for index in range(sheet.header_row + 1, len(rows)):
        texts = row_texts(rows[index], sheet, campaign.year)
        if not any(texts[key] for key in filled_attrs()):
            continue
        cells = [excel_cell_text(v, campaign.year) for v in rows[index]]
        reason = _tr("隐藏的行") if index in sheet.hidden_rows else skip_reason(cells)
        if reason is not None:
            shown = " ".join(dict.fromkeys(c for c in cells if c))[:60]
            plan.skipped.append(SkippedRow(_tr("工作表“{0}”").format(sheet.title), index + 1,
                                           reason, shown))
            continue
        check_row(texts, data, unit, sheet, index + 1, plan)
        texts["responsible"] = texts["responsible"] or unit.name
        out.append(Activity(Level.DISTRICT, group_no, len(out) + 1, **texts, unit_id=unit.id,
                            campaign_id=campaign.id))
    return out


def _where(sheet: _Sheet, key: str) -> str:
    """A column as letters with its title, e.g. B 列（活动名称）."""
    return f"{column_letter(sheet.columns[key])} 列（{header_of(key)}）"


def check_row(texts: dict[str, str], data: CampaignData, unit: Unit, sheet: _Sheet,
              row: int, plan: ImportPlan) -> None:
    """Errors and warnings of one data row."""
    if not texts["name"]:
        plan.error(_tr("活动名称为空。"), sheet.title, row, _where(sheet, "name"))
    for key in text_attrs():
        if len(texts[key]) > MAX_TEXT:
            plan.error(_tr("文字过长（{0} 字），每格最多 {1} 字。").format(len(texts[key]), MAX_TEXT),
                       sheet.title, row, _where(sheet, key))
    responsible = texts["responsible"]
    if responsible and not names_unit(responsible, unit):
        other = find_unit(data.units, responsible)
        message = (_tr("负责单位“{0}”与本表的单位“{1}”不符。") if other
                   else _tr("负责单位“{0}”在数据库中不存在，本表单位为“{1}”。")
                   ).format(responsible, unit.name)
        plan.error(message, sheet.title, row, _where(sheet, "responsible"))
    check_time(texts["time_text"], data.campaign.year, sheet, row, plan)


def names_unit(text: str, unit: Unit) -> bool:
    """Whether a 负责单位 text names the unit (its full name, short name or a phrase with it)."""
    return unit.name in text or (bool(unit.short_name) and text.startswith(unit.short_name))


def check_time(text: str, year: int, sheet: _Sheet, row: int, plan: ImportPlan) -> None:
    """A warning for a time the date reader cannot read; the text is kept as written."""
    if "time_text" not in sheet.columns:
        return
    where = _where(sheet, "time_text")
    if not text:
        plan.warn(_tr("活动时间未填写，日历中不会显示该活动。"), sheet.title, row, where)
        return
    reason = why_unparsed(text, year)
    if reason:
        plan.warn(_tr("活动时间“{0}”无法识别为日期（{1}），将按原文导入并标注。").format(text, reason),
                  sheet.title, row, where)


def unit_group_no(data: CampaignData, unit: Unit) -> int:
    """The 序号 the unit's rows keep in the district table; a new one at the end if none."""
    district = data.by_level(Level.DISTRICT)
    mine = [a.group_no for a in data.district_rows_of(unit)]
    if mine:
        return min(mine)
    return max((a.group_no for a in district), default=0) + 1


# -- applying ------------------------------------------------------------------------


def apply_workbook(editor: CampaignEditor, path: Path | str, today: date,
                   expected_unit: Unit | None = None) -> ImportPlan:
    """Check a returned workbook against the editor's campaign and, if it has no errors,
    put its rows in place of the unit's through the editor (one undoable step).

    Raises StoreError when the database refuses the change; nothing is changed then.
    """
    plan = check_workbook(editor.document.data, path, expected_unit)
    if plan.ok and plan.unit is not None and plan.unit.id is not None:
        apply_plan(editor, plan, today)
    return plan


def import_workbook(store: Store, path: Path | str, dry_run: bool = False,
                    today: date | None = None, expected_unit: Unit | None = None,
                    campaign_id: int | None = None) -> ImportPlan:
    """Check a returned workbook against a campaign (default: the year last used) and, if
    it has no errors and this is no dry run, apply it through the campaign editor, the same
    write path as the window's; received on `today`, else on the campaign's planning date."""
    if dry_run:  # reads only, and loads no Qt
        from models.years import last_used_campaign
        chosen = campaign_id or last_used_campaign(store).id
        plan = check_workbook(store.load(chosen), path, expected_unit)
        if plan.ok:
            plan.outcome = _tr("仅检查（--dry-run），未写入数据库。")
        return plan
    from models.editor import CampaignEditor
    editor = CampaignEditor(store, campaign_id=campaign_id)
    return apply_workbook(editor, path, today or editor.planning_date(), expected_unit)
