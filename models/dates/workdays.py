"""Working days in mainland China: weekends, public holidays and the swapped working
Saturdays/Sundays (调休), from the chinesecalendar package (the State Council's yearly
schedule); years it does not know fall back to Monday–Friday."""
from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar

from models.i18n import QT_TRANSLATE_NOOP, _tr, translate
from models.text import chinese_date

HOLIDAY_NAMES = {
    "New Year's Day": QT_TRANSLATE_NOOP("Workdays", "元旦"),
    "Spring Festival": QT_TRANSLATE_NOOP("Workdays", "春节"),
    "Tomb-sweeping Day": QT_TRANSLATE_NOOP("Workdays", "清明节"),
    "Labour Day": QT_TRANSLATE_NOOP("Workdays", "劳动节"),
    "Dragon Boat Festival": QT_TRANSLATE_NOOP("Workdays", "端午节"),
    "National Day": QT_TRANSLATE_NOOP("Workdays", "国庆节"),
    "Mid-autumn Festival": QT_TRANSLATE_NOOP("Workdays", "中秋节"),
    "Anti-Fascist 70th Day": QT_TRANSLATE_NOOP("Workdays", "抗战胜利纪念日"),
}
"""The package's English holiday names in Chinese (the interface translates them back)."""


def is_workday(day: date) -> bool:
    """Whether offices work on a day (a swapped Saturday counts; unknown years: Mon–Fri)."""
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return day.weekday() < 5


def holiday_of(day: date) -> str | None:
    """The public holiday a day belongs to (春节 …), or None."""
    try:
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return None
    if not (on_holiday and name):
        return None
    return translate("Workdays", HOLIDAY_NAMES[name]) if name in HOLIDAY_NAMES else name


def next_workday(day: date) -> date:
    """The first working day from `day` on."""
    while not is_workday(day):
        day += timedelta(days=1)
    return day


def off_day_note(day: date) -> str | None:
    """What a deadline on a day off should be told: '2022年5月8日是星期日（休息日），下一个工作
    日是2022年5月9日。' — None when the day is a working day."""
    if is_workday(day):
        return None
    holiday = holiday_of(day)
    kind = _tr("{0}假期").format(holiday) if holiday else _tr("休息日")
    weekday = (_tr("星期一"), _tr("星期二"), _tr("星期三"), _tr("星期四"), _tr("星期五"),
               _tr("星期六"), _tr("星期日"))[day.weekday()]
    return _tr("{0}是{1}（{2}），下一个工作日是{3}。").format(
        chinese_date(day, translated=True), weekday, kind,
        chinese_date(next_workday(day), translated=True))
