"""The sentences of the division's 情况报告, written out from the statistics."""
from __future__ import annotations

from datetime import date

from models.entities import Campaign
from models.figure_numbers import shown_value
from models.statistics import Change, Statistics

MOST_DAYS = 3
MOST_FORMS = 5


def report_date(campaign: Campaign) -> date:
    """The day the report is dated by default: the day the units' summaries are due (it
    reports what they sent), else the last day of the campaign window; never the clock."""
    return campaign.summary_due or campaign.window_end


def report_title(stats: Statistics) -> str:
    """关于2021年“5·20世界计量日”系列宣传活动开展情况的报告."""
    return f"关于{stats.campaign.year}年“5·20世界计量日”系列宣传活动开展情况的报告"


def _day(day) -> str:  # noqa: ANN001 - a date
    """5月20日."""
    return f"{day.month}月{day.day}日"


def _change_words(change: Change | None) -> str:
    """增长12.5% / 下降3.0% / 持平 / "" when last year had nothing to compare."""
    if change is None or change.percent is None:
        return ""
    if abs(change.percent) < 0.05:
        return "持平"
    return f"{'增长' if change.percent > 0 else '下降'}{abs(change.percent):.1f}%"


def totals_sentence(stats: Statistics) -> str:
    """全市共开展活动106场，参与群众27027人次，……。 (figures no unit gave are left out)."""
    parts = []
    for figure in stats.figures:
        total = stats.totals[figure.id or 0]
        if figure.summed and total.units:
            amount = shown_value(total.value, total.mark)
            parts.append(f"{figure.name}{amount}{figure.measure}")
    if not parts:
        return "各单位尚未报送活动统计数据。"
    reported = len({u for (_f, u) in stats.values})
    return (f"据{reported}个单位报送的数据统计，全市共" + "，".join(parts) + "。")


def comparison_sentence(stats: Statistics) -> str:
    """与2020年相比，开展活动增长12.5%，……。 ("" without last year's campaign)."""
    if stats.previous is None:
        return ""
    parts = []
    for figure in stats.figures:
        words = _change_words(stats.change(figure))
        if words:
            parts.append(f"{figure.name}{words}")
    activities = _change_words(stats.activity_change())
    if activities:
        parts.append(f"安排活动项目{activities}")
    if not parts:
        return ""
    return f"与{stats.previous.campaign.year}年相比，" + "，".join(parts) + "。"


def activities_sentences(stats: Statistics) -> list[str]:
    """The activities by level, by day and by publicity form, one paragraph each."""
    counts = stats.activities
    levels = "、".join(f"{level}活动{n}项" for level, n in counts.by_level.items())
    out = [f"全市共安排{levels}，合计{counts.total}项。"]
    busy = sorted((c for c in counts.by_day if c[1]), key=lambda c: (-c[1], c[0]))[:MOST_DAYS]
    if busy:
        first, last = counts.by_day[0][0], counts.by_day[-1][0]
        days = "，".join(f"{_day(day)}{n}项" for day, n in busy)
        out.append(f"活动时间从{_day(first)}至{_day(last)}，按日统计，进行中的活动最多的是："
                   f"{days}。")
    if counts.by_form:
        forms = "、".join(f"{form}（{n}项）" for form, n in counts.by_form[:MOST_FORMS])
        out.append(f"宣传形式以{forms}等为主，共涉及{len(counts.by_form)}种形式。")
    return out
