"""Checking a workbook a unit sent back, and putting its rows in place of the unit's old ones."""
from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from importers.import_plan import ImportPlan
from importers.xlsx_file import file_problem, parse_failure
from importers.xlsx_sheets import (
    column_letter,
    data_sheet_order,
    excel_cell_text,
    fill_down_map,
    merged_ranges,
    merged_rows,
    read_marker,
    sheet_parts,
)
from models.entities import Activity, CampaignData, Level, Unit, find_unit
from models.errors import StoreError
from models.fields import filled_attrs, header_names, header_of, text_attrs
from models.i18n import _tr
from models.periods import why_unparsed
from models.storage import Store
from models.template_contract import MARKER_SHEET, MAX_ROWS, MAX_TEXT

if TYPE_CHECKING:
    from models.editor import CampaignEditor, ImportOutcome

_HEADER_NOISE = re.compile(r"\s+|[*＊]|[（(][^）)]*[）)]")
HEADER_SCAN_ROWS = 30


def header_columns(values: Sequence[object]) -> dict[str, int]:
    """Fields found in a row of column titles, by their 0-based column; {} if not a header."""
    found: dict[str, int] = {}
    names = header_names()
    for index, value in enumerate(values):
        if isinstance(value, str):
            key = names.get(_HEADER_NOISE.sub("", value))
            if key and key not in found:
                found[key] = index
    return found if "name" in found and len(found) >= 2 else {}


# -- checking ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Sheet:
    """The table found in a sheet: where its header is and which column holds what."""

    title: str
    header_row: int
    columns: dict[str, int]


def check_workbook(data: CampaignData, path: Path | str,
                   expected_unit: Unit | None = None) -> ImportPlan:
    """Read a returned workbook and report everything wrong with it; changes nothing."""
    plan = ImportPlan(Path(path), campaign_id=data.campaign.id)
    problem = file_problem(plan.path)
    if problem:
        plan.error(problem)
        return plan
    from openpyxl import load_workbook
    try:
        wb = load_workbook(plan.path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any failure to open is reported, never raised
        plan.error(parse_failure(exc))
        return plan
    try:
        with zipfile.ZipFile(plan.path) as archive:
            _check_open_workbook(wb, archive, data, plan, expected_unit)
    except Exception as exc:  # noqa: BLE001 - parsing is lazy; a bad sheet fails here
        plan.error(parse_failure(exc))
    finally:
        wb.close()
    if not plan.ok:
        plan.activities = []
    return plan


def _check_open_workbook(wb, archive: zipfile.ZipFile, data: CampaignData, plan: ImportPlan,
                         expected_unit: Unit | None) -> None:
    """The checks that need the opened workbook."""
    marker = read_marker(wb)
    marked_unit = check_marker(marker, data, plan)
    if not plan.ok:
        return
    rows, sheet = read_table(wb, archive, plan)
    if sheet is None:
        return
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


def read_table(wb, archive: zipfile.ZipFile, plan: ImportPlan
               ) -> tuple[list[list], _Sheet | None]:
    """The rows of the first sheet with a recognisable header row, merges filled down."""
    parts = sheet_parts(archive)
    for title in data_sheet_order(wb):
        ws = wb[title]
        if ws.max_row is not None and ws.max_row > MAX_ROWS:
            plan.error(_tr("工作表行数过多（{0} 行），最多 {1} 行。").format(ws.max_row, MAX_ROWS), title)
            return [], None
        ws.reset_dimensions()
        fills = fill_down_map(merged_ranges(archive, parts[title]) if title in parts else [])
        rows: list[list] = []
        for values in merged_rows(ws.iter_rows(min_row=1, values_only=True), fills):
            rows.append(values)
            if len(rows) > MAX_ROWS:
                plan.error(_tr("工作表行数过多，最多 {0} 行。").format(MAX_ROWS), title)
                return [], None
        for index, values in enumerate(rows[:HEADER_SCAN_ROWS]):
            columns = header_columns(values)
            if columns:
                return rows, _Sheet(title, index, columns)
    plan.error(_tr("找不到表头行：工作表中没有“活动名称”“活动内容”“活动时间”等列名。请使用下发的模板，保留表头行。"))
    return [], None


def _value(values: Sequence[object], index: int | None) -> object:
    """The value at a column index, None past the end of a short row."""
    return values[index] if index is not None and index < len(values) else None


def row_texts(values: Sequence[object], sheet: _Sheet, year: int) -> dict[str, str]:
    """A data row's texts by field."""
    return {key: excel_cell_text(_value(values, sheet.columns.get(key)), year)
            for key in text_attrs()}


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
        message = (f"负责单位“{responsible}”与本表的单位“{unit.name}”不符。" if other
                   else f"负责单位“{responsible}”在数据库中不存在，本表单位为“{unit.name}”。")
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
    if not plan.ok or plan.unit is None or plan.unit.id is None:
        return plan
    refusals: list[str] = []
    editor.document.write_failed.connect(refusals.append)
    try:
        outcome = editor.import_unit_activities(plan.unit.id, plan.activities, today)
    finally:
        editor.document.write_failed.disconnect(refusals.append)
    if outcome is None:
        raise StoreError(refusals[-1] if refusals else _tr("数据库写入失败，未作任何改动。"))
    plan.outcome = import_outcome_text(plan.unit, outcome)
    return plan


def import_outcome_text(unit: Unit, outcome: ImportOutcome) -> str:
    """What an applied import did, in one line (window and command line alike)."""
    text = _tr("已导入：{0} 的区级活动已替换为 {1} 条").format(unit.name, outcome.added)
    sub = outcome.submission
    if sub is None:
        return text + _tr("（该单位不欠报活动安排，报送清单未变）。")
    return text + _tr("，“{0}”已标记为{1}（{2}）。").format(
        sub.item, sub.status, sub.received.isoformat() if sub.received else "")


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
