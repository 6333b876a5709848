"""The statistics as plain text for the command line: units × figures, totals, gaps, last year."""
from __future__ import annotations

import unicodedata

from models.figure_numbers import shown_value
from models.i18n import _tr
from models.statistics import Change, Statistics


def _width(text: str) -> int:
    """Columns a text takes in a terminal (Chinese characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    """Text padded with spaces to a terminal width."""
    fill = " " * max(0, width - _width(text))
    return fill + text if right else text + fill


def change_text(change: Change | None) -> str:
    """上年 1000，增长 20.0% / 下降 5.0% / 持平; "" without last year."""
    if change is None:
        return ""
    if change.percent is None:
        return _tr("上年 {0}").format(change.before)
    if abs(change.percent) < 0.05:
        return _tr("上年 {0}，持平").format(change.before)
    word = _tr("增长") if change.percent > 0 else _tr("下降")
    return _tr("上年 {0}，{1} {2:.1f}%").format(change.before, word, abs(change.percent))


def statistics_text(stats: Statistics) -> str:
    """The table, its totals, the units still missing figures and the change from last year."""
    figures = stats.figures
    header = [_tr("单位")] + [f.label for f in figures]
    rows = [[u.short_name or u.name] + [
        shown_value(v.value, v.approximate) if (v := stats.value(f, u)) else "—"
        for f in figures] for u in stats.units]
    totals = [_tr("合计")] + [
        (shown_value(t.value, t.mark) if f.summed else "")
        for f in figures for t in [stats.totals[f.id or 0]]]
    table = [header, *rows, totals]
    widths = [max(_width(r[i]) for r in table) for i in range(len(header))]
    lines = ["  ".join(_pad(cell, widths[i], right=i > 0) for i, cell in enumerate(row))
             for row in table]
    missing = stats.missing()
    if missing:
        lines.append(_tr("尚缺数据的单位（{0} 个）：").format(len(missing)) + _tr("、").join(
            u.short_name or u.name for u, _ in missing))
    comparison = comparison_lines(stats)
    if comparison:
        lines.append(_tr("与 {0} 年比较：").format(stats.previous.campaign.year))
        lines += ["  " + line for line in comparison]
    return "\n".join(lines) + "\n"


def comparison_lines(stats: Statistics) -> list[str]:
    """Each figure's and the activities' change from last year, a line each ([] without it)."""
    if stats.previous is None:
        return []
    lines = []
    for figure in stats.figures:
        text = change_text(stats.change(figure))
        if text:
            lines.append(f"{figure.name}：{stats.totals[figure.id or 0].value}"
                         f"{figure.measure}（{text}）")
    text = change_text(stats.activity_change())
    if text:
        lines.append(_tr("活动安排：{0} 项（{1}）").format(stats.activities.total, text))
    return lines
