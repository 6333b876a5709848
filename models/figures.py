"""The figures (指标) a campaign counts: checking a figure the coordinator names, and turning
typed text, template cells and accepted suggestions into values."""
from __future__ import annotations

from collections.abc import Sequence

from models.entities import Figure, FigureSource, FigureValue, Unit
from models.errors import UserError
from models.figure_numbers import ValueRefused, check_value, parse_value
from models.figure_suggest import Suggestion
from models.i18n import _tr
from models.text import clean_text

MAX_NAME = 30
MAX_MEASURE = 4


def checked_figure(name: str, measure: str, others: Sequence[Figure]) -> tuple[str, str]:
    """A figure's name and measure word, trimmed; UserError for an empty, overlong or
    repeated name (others: the campaign's other figures)."""
    name, measure = clean_text(name).strip(), clean_text(measure).strip()
    if not name:
        raise UserError(_tr("指标名称不能为空。"))
    if len(name) > MAX_NAME or len(measure) > MAX_MEASURE or "\n" in name + measure:
        raise UserError(_tr("指标名称最多 {0} 字、单位最多 {1} 字，且只能一行。").format(
            MAX_NAME, MAX_MEASURE))
    if any(f.name == name for f in others):
        raise UserError(_tr("已有名为“{0}”的指标。").format(name))
    return name, measure


def find_figure(figures: Sequence[Figure], text: str) -> Figure | None:
    """The figure a text names: its name or label (发放宣传资料, 发放宣传资料（份）), or the
    only one whose name contains it (资料)."""
    wanted = text.strip()
    for figure in figures:
        if wanted in (figure.name, figure.label):
            return figure
    matches = [f for f in figures if wanted and wanted in f.name]
    return matches[0] if len(matches) == 1 else None


def typed_value(figure: Figure, unit: Unit, text: str,
                source: FigureSource = FigureSource.TYPED, note: str = "") -> FigureValue:
    """A value typed (or read from a template cell) for a unit; ValueRefused with the unit,
    figure and reason for anything but a count from 0 to 10,000,000."""
    try:
        value, mark = parse_value(text)
    except ValueRefused as exc:
        raise ValueRefused(_tr("{0}“{1}”：{2}").format(unit.short_name or unit.name,
                                                     figure.name, exc)) from exc
    assert figure.id is not None and unit.id is not None
    return FigureValue(figure.id, unit.id, value, mark, source, note)


def suggested_value(unit_id: int, suggestion: Suggestion) -> FigureValue:
    """An accepted suggestion as a value, its sentence kept as the source."""
    check_value(suggestion.value)
    assert suggestion.figure.id is not None
    return FigureValue(suggestion.figure.id, unit_id, suggestion.value, suggestion.approximate,
                       FigureSource.SUMMARY, suggestion.sentence)


def source_text(value: FigureValue) -> str:
    """Where a value came from, in words: 手工填写 / 单位模板 / 活动总结：“……”."""
    if value.source == FigureSource.TYPED:
        return _tr("手工填写")
    if value.source == FigureSource.TEMPLATE:
        return _tr("单位模板") + (f"（{value.sentence}）" if value.sentence else "")
    return _tr("活动总结：“{0}”").format(value.sentence)


def source_word(source: FigureSource) -> str:
    """A source in one word, for a table column."""
    return {FigureSource.TYPED: _tr("填写"), FigureSource.TEMPLATE: _tr("模板"),
            FigureSource.SUMMARY: _tr("总结")}[source]
