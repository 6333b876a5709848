"""Readings the period parser adds after its item machine: lengths after 起/前 (起一周,
前3天), every weekday in the window (每周六, 每周末) and quarters (第三季度)."""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from models.dates.spans import Span

WEEKDAYS = "一二三四五六日天"
EVERY_WEEKDAY_RE = re.compile(r"每(?:个)?(?:周|星期|礼拜)([一二三四五六日天1-7])|每(?:个)?周末")
QUARTER_RE = re.compile(r"第([一二三四1-4])季度")
SMALL_NUMBERS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                  "八": 8, "九": 9, "十": 10}
LENGTH = r"(\d{1,2}|[一二两三四五六七八九十])\s*(?:个)?(周|天|日|星期)"
FROM_FOR_RE = re.compile(rf"(?:起|开始)(?:的|连续|持续)?\s*{LENGTH}")
BEFORE_FOR_RE = re.compile(rf"前\s*{LENGTH}")


def small_count(token: str) -> int:
    """A small count written in digits or one Chinese numeral."""
    return int(token) if token.isdigit() else SMALL_NUMBERS[token]


def length_days(amount: str, unit: str) -> int:
    """The number of days in 'N 周/天'."""
    return small_count(amount) * (7 if unit in ("周", "星期") else 1)


def every_weekday(s: str, window: tuple[date, date]) -> list[Span]:
    """每周六 / 每周末: each such day inside the campaign window."""
    wanted: set[int] = set()
    for m in EVERY_WEEKDAY_RE.finditer(s):
        if m.group(1) is None:
            wanted |= {5, 6}
        else:
            mark = m.group(1)
            wanted.add(int(mark) - 1 if mark.isdigit() else min(WEEKDAYS.index(mark), 6))
    days = (window[0] + timedelta(days=i) for i in range((window[1] - window[0]).days + 1))
    return [Span(d, d, "exact", "day") for d in days if d.weekday() in wanted]


def quarter(s: str, year: int) -> list[Span]:
    """第三季度: the quarter's three months."""
    spans = []
    for m in QUARTER_RE.finditer(s):
        q = small_count(m.group(1))
        first = date(year, 3 * q - 2, 1)
        last = date(year, 3 * q, calendar.monthrange(year, 3 * q)[1])
        spans.append(Span(first, last, "exact", "month"))
    return spans


