"""The 统计表 in Excel: units in official order × figures, totals, approximate values marked,
the source of each unit's values, last year's totals, and a native bar chart per figure."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from exporters.atomic import write_atomically
from exporters.output_checks import check_xlsx, xlsx_bytes
from exporters.xlsx_common import (
    BODY_FONT,
    CENTER,
    HEADER_FONT,
    LEFT,
    NOTE_FONT,
    TITLE_FONT,
    set_print_layout,
    write_banner,
    write_cell,
)
from models.entities import FigureSource, Unit
from models.figures import source_word
from models.statistics import Statistics

SHEET = "统计表"
CHART_SHEET = "统计图"
HEADER_ROW = 3
FIRST_FIGURE_COLUMN = 3
APPROXIMATE_FORMATS = {"": "#,##0", "余": '#,##0"余"', "多": '#,##0"多"', "约": '"约"#,##0',
                       "近": '"近"#,##0'}
"""Number formats that show the mark while the cell stays a number (sums and charts work)."""
APPROXIMATE_NOTE = ("（“余”“约”“近”“多”表示单位报送的是约数；合计中含约数的，全为“余”“多”的标“余”，"
                    "否则标“约”。）")
"""The note under the title: the 统计表 goes upward in Chinese, whatever the interface."""
ROW_HEIGHT = 20
"""Points: a 小四 line with room above and below."""
CHART_ROWS = 18
"""Rows of the chart sheet each chart takes (about 9 cm)."""
CHART_LAST_COLUMN = 15
"""The charts (25 cm wide) end before column P; their numbers stand from column R."""
CHART_DATA_COLUMN = 18


def statistics_title(stats: Statistics) -> str:
    """2021年“5·20世界计量日”活动统计表."""
    return f"{stats.campaign.year}年“5·20世界计量日”活动统计表"


def _source_note(stats: Statistics, unit: Unit) -> str:
    """Where a unit's values came from: 总结 / 模板 / 填写, with the figures of each when mixed."""
    by_source: dict[FigureSource, list[str]] = {}
    for figure in stats.figures:
        value = stats.value(figure, unit)
        if value is not None:
            by_source.setdefault(value.source, []).append(figure.name)
    if len(by_source) == 1:
        [(source, _names)] = by_source.items()
        return source_word(source)
    return "；".join(f"{source_word(s)}：{'、'.join(names)}" for s, names in by_source.items())


def _fill_table(ws: Worksheet, stats: Statistics) -> int:
    """The table; returns the row of the totals."""
    figures = stats.figures
    width = len(figures) + 3
    write_banner(ws, 1, statistics_title(stats), width, TITLE_FONT, height=32)
    write_banner(ws, 2, APPROXIMATE_NOTE, width, NOTE_FONT, LEFT)
    headers = ["序号", "单位"] + [f.label for f in figures] + ["数据来源"]
    for col, text in enumerate(headers, start=1):
        write_cell(ws, HEADER_ROW, col, text, HEADER_FONT, CENTER)
    ws.row_dimensions[HEADER_ROW].height = 45
    row = HEADER_ROW + 1
    for index, unit in enumerate(stats.units, start=1):
        write_cell(ws, row, 1, index, BODY_FONT, CENTER)
        write_cell(ws, row, 2, unit.name, BODY_FONT, LEFT)
        for col, figure in enumerate(figures, start=FIRST_FIGURE_COLUMN):
            value = stats.value(figure, unit)
            write_cell(ws, row, col, value.value if value else None, BODY_FONT, CENTER)
            if value is not None:
                ws.cell(row=row, column=col).number_format = APPROXIMATE_FORMATS[value.approximate]
        write_cell(ws, row, width, _source_note(stats, unit), BODY_FONT, LEFT)
        ws.row_dimensions[row].height = ROW_HEIGHT
        row += 1
    total_row = row
    write_cell(ws, row, 1, None, HEADER_FONT, CENTER)
    write_cell(ws, row, 2, "合计", HEADER_FONT, CENTER)
    first, last = HEADER_ROW + 1, max(HEADER_ROW + 1, row - 1)
    for col, figure in enumerate(figures, start=FIRST_FIGURE_COLUMN):
        letter = get_column_letter(col)
        total = stats.totals[figure.id or 0]
        formula = f"=SUM({letter}{first}:{letter}{last})" if figure.summed and stats.units else None
        write_cell(ws, row, col, formula, HEADER_FONT, CENTER)
        ws.cell(row=row, column=col).number_format = APPROXIMATE_FORMATS[total.mark]
    write_cell(ws, row, width, None, HEADER_FONT, CENTER)
    if stats.previous is not None:
        row = _previous_rows(ws, stats, row + 1, width)
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 30
    for col in range(FIRST_FIGURE_COLUMN, width):
        ws.column_dimensions[get_column_letter(col)].width = 17
    ws.column_dimensions[get_column_letter(width)].width = 24
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=FIRST_FIGURE_COLUMN)
    set_print_layout(ws, HEADER_ROW, width)
    return total_row


def _previous_rows(ws: Worksheet, stats: Statistics, row: int, width: int) -> int:
    """Last year's totals and the change in per cent, under the totals."""
    assert stats.previous is not None
    write_cell(ws, row, 1, None, HEADER_FONT, CENTER)
    write_cell(ws, row, 2, f"{stats.previous.campaign.year}年合计", HEADER_FONT, CENTER)
    write_cell(ws, row + 1, 1, None, HEADER_FONT, CENTER)
    write_cell(ws, row + 1, 2, "比上年增减", HEADER_FONT, CENTER)
    for col, figure in enumerate(stats.figures, start=FIRST_FIGURE_COLUMN):
        change = stats.change(figure)
        write_cell(ws, row, col, change.before if change else None, BODY_FONT, CENTER)
        ws.cell(row=row, column=col).number_format = APPROXIMATE_FORMATS[""]
        percent = change.percent if change else None
        write_cell(ws, row + 1, col, None if percent is None else percent / 100, BODY_FONT,
                   CENTER)
        ws.cell(row=row + 1, column=col).number_format = '+0.0%;-0.0%;0.0%'
    for offset in (0, 1):
        write_cell(ws, row + offset, width, None, BODY_FONT, CENTER)
    return row + 2


def _chart_data(charts: Worksheet, stats: Statistics) -> int:
    """The charts' numbers beside them, units by short name (the table has the full names);
    the first column of the block."""
    column = CHART_DATA_COLUMN
    write_cell(charts, 1, column, "单位", HEADER_FONT, CENTER)
    for row, unit in enumerate(stats.units, start=2):
        write_cell(charts, row, column, unit.short_name or unit.name, BODY_FONT, LEFT)
    for col, figure in enumerate(stats.figures, start=column + 1):
        write_cell(charts, 1, col, figure.name, HEADER_FONT, CENTER)
        for row, unit in enumerate(stats.units, start=2):
            value = stats.value(figure, unit)
            write_cell(charts, row, col, value.value if value else 0, BODY_FONT, CENTER)
    return column


def _add_charts(wb: Workbook, stats: Statistics) -> None:
    """A native bar chart per summed figure (units along the bottom) on its own sheet, its
    numbers in a block to the right of the charts."""
    charts = wb.create_sheet(CHART_SHEET)
    if not stats.units:
        return
    column = _chart_data(charts, stats)
    last = len(stats.units) + 1
    categories = Reference(charts, min_col=column, min_row=2, max_row=last)
    place = 1
    for col, figure in enumerate(stats.figures, start=column + 1):
        if not figure.summed:
            continue
        chart = BarChart()
        chart.type = "col"
        chart.title = figure.label
        chart.style = 10
        chart.legend = None
        chart.y_axis.title = figure.measure
        chart.y_axis.delete = False
        chart.x_axis.delete = False
        chart.add_data(Reference(charts, min_col=col, min_row=2, max_row=last))
        chart.set_categories(categories)
        labels = DataLabelList()
        labels.showVal = True
        labels.showSerName = labels.showCatName = labels.showLegendKey = False
        labels.showPercent = labels.showLeaderLines = False
        chart.dataLabels = labels
        chart.width, chart.height = 25, 8.5
        charts.add_chart(chart, f"A{place}")
        place += CHART_ROWS
    charts.page_setup.orientation = "landscape"
    charts.page_setup.paperSize = charts.PAPERSIZE_A4
    charts.sheet_properties.pageSetUpPr.fitToPage = True
    charts.page_setup.fitToWidth = 1
    charts.page_setup.fitToHeight = 0
    for row in range(2 * CHART_ROWS, place - 1, 2 * CHART_ROWS):
        charts.row_breaks.append(Break(id=row))
    charts.print_area = f"A1:{get_column_letter(CHART_LAST_COLUMN)}{max(place - 1, 1)}"


def statistics_workbook(stats: Statistics) -> Workbook:
    """The workbook of the statistics: the table, then the charts."""
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    _fill_table(ws, stats)
    _add_charts(wb, stats)
    return wb


def export_statistics(stats: Statistics, path: Path | str) -> None:
    """Write the 统计表 workbook, whole or not at all."""
    write_atomically(path, xlsx_bytes(statistics_workbook(stats)), check_xlsx)
