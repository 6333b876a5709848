"""The template's second sheet, 活动统计: the unit's value of each figure, read on import
(with the activities, or alone when the activities sheet changes nothing)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from importers.import_plan import ImportPlan
from importers.xlsx_sheets import WorkbookRefused, opened_workbook
from models.entities import Figure, FigureSource, FigureValue, Unit
from models.figure_numbers import ValueRefused, shown_value
from models.figures import find_figure, typed_value
from models.i18n import _tr
from models.template_contract import FIGURES_HEADER, FIGURES_SHEET

if TYPE_CHECKING:
    from models.editor import CampaignEditor

MAX_ROWS = 200
NO_ACTIVITIES = "表中没有填写任何活动。"
"""The import's refusal of a template whose activities sheet is empty (importers/workbook.py):
with figures filled in, the file is imported for its figures alone."""


@dataclass(frozen=True, slots=True)
class FigureBook:
    """The campaign's figures and the values held, which a template's sheet is checked against."""

    figures: Sequence[Figure]
    held: Sequence[FigureValue] = ()

    @classmethod
    def of(cls, editor: CampaignEditor) -> FigureBook:
        """The editor's campaign's figures and values."""
        return cls(editor.figures(), editor.figure_values())


@dataclass(slots=True)
class FiguresSheet:
    """What a template's 活动统计 sheet holds: values to store, problems found."""

    values: list[FigureValue] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)
    """(row, message) of cells that could not be read; nothing is stored then."""


def _cell_text(value: object) -> str:
    """A cell as the text a unit typed (12.0 from Excel back to 12)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def figure_sheet_rows(wb) -> list[tuple] | None:
    """The first rows of an open workbook's 活动统计 sheet, or None when it has none."""
    if FIGURES_SHEET not in wb.sheetnames:
        return None
    return list(wb[FIGURES_SHEET].iter_rows(min_row=1, max_row=MAX_ROWS, max_col=4,
                                            values_only=True))


def our_figure_rows(wb) -> list[tuple] | None:
    """The 活动统计 sheet's rows when it is ours (its header row is there), else None: a
    unit's own sheet of that name is no reason to refuse its file."""
    rows = figure_sheet_rows(wb)
    return rows if rows is not None and _header_index(rows) is not None else None


def _header_index(rows: list[tuple]) -> int | None:
    """Where the header row (指标、计量单位、数值) is, or None."""
    return next((i for i, r in enumerate(rows)
                 if [_cell_text(v) for v in r[:3]] == list(FIGURES_HEADER[:3])), None)


def read_figures_sheet(path: Path, figures: list[Figure], unit: Unit) -> FiguresSheet:
    """The unit's values from the 活动统计 sheet ({} when the file has none)."""
    try:
        with opened_workbook(path) as (wb, _archive):
            rows = figure_sheet_rows(wb)
    except WorkbookRefused:
        return FiguresSheet()        # the activities' check has said why already
    if rows is None:
        return FiguresSheet()
    return figures_of_rows(rows, figures, unit, path.name)


def figures_of_rows(rows: list[tuple], figures: list[Figure], unit: Unit,
                    file_name: str) -> FiguresSheet:
    """The unit's values from the 活动统计 sheet's rows, with the cells that cannot be read."""
    sheet = FiguresSheet()
    header = _header_index(rows)
    if header is None:
        sheet.problems.append((1, _tr("找不到表头（指标、计量单位、数值）。")))
        return sheet
    for number, row in enumerate(rows[header + 1:], start=header + 2):
        name, text = _cell_text(row[0] if row else None), _cell_text(row[2] if len(row) > 2 else None)
        if not text:
            continue
        figure = find_figure(figures, name)
        if figure is None:
            sheet.problems.append((number, _tr("“{0}”不是本年度的指标。").format(name)))
            continue
        try:
            sheet.values.append(typed_value(figure, unit, text, FigureSource.TEMPLATE, file_name))
        except ValueRefused as exc:
            sheet.problems.append((number, str(exc)))
    return sheet


def check_template_figures(book: FigureBook, plan: ImportPlan, path: Path) -> None:
    """Read the 活动统计 sheet of a template whose unit is known into the plan (the same for a
    dry run, the preview and the import): its values, or its problems as errors (nothing is
    imported then); a template with figures but no activities goes through for its figures.
    A template saved by another suite (.xls, .ods, .et) brings the rows its converted copy had."""
    if plan.unit is None:
        return
    if plan.figure_rows is not None:
        sheet = figures_of_rows(plan.figure_rows, list(book.figures), plan.unit, path.name)
    else:
        sheet = read_figures_sheet(path, list(book.figures), plan.unit)
    for row, message in sheet.problems:
        plan.error(message, FIGURES_SHEET, row)
    empty = _tr(NO_ACTIVITIES)
    errors = [p.message for p in plan.errors]
    if sheet.values and errors and all(message == empty for message in errors):
        plan.problems = [p for p in plan.problems if p.message != empty]
        plan.replaced = []
    if sheet.problems:
        return
    names = {f.id: f for f in book.figures}
    held = {v.key: v for v in book.held}
    plan.figures = sheet.values
    plan.figure_words = [f"{names[v.figure_id].name} "
                         f"{shown_value(v.value, v.approximate)}{names[v.figure_id].measure}"
                         for v in sheet.values]
    plan.figures_change = any(
        (h := held.get(v.key)) is None or h.with_changes(id=None) != v.with_changes(id=None)
        for v in sheet.values)


def apply_figures_alone(editor: CampaignEditor, plan: ImportPlan) -> bool:
    """Store a template's figures when its activities change nothing (or it has none), as one
    step; False when it has no figures either."""
    if not plan.figures or plan.unit is None:
        return False
    label = _tr("导入 {0} 的活动统计").format(plan.unit.short_name or plan.unit.name)
    changed = editor.set_figure_values(plan.figures, label=label)
    plan.outcome = (_tr("{0} 的活动统计：已导入 {1} 项数据；活动安排未改动。").format(
        plan.unit.name, len(plan.figures)) if changed
        else _tr("活动统计与已导入的相同，未作任何改动。"))
    return True
