"""Numbers as summaries and coordinators write them: 1,200, 1.2万, 一千二百余, 约500."""
from __future__ import annotations

import re
from collections.abc import Sequence

from models.entities import APPROXIMATE_MARKS
from models.errors import ValueRefused
from models.i18n import _tr

MAX_VALUE = 10_000_000
"""Above this a figure of one unit's week is a slip (a phone number, a date typed in)."""

CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                  "六": 6, "七": 7, "八": 8, "九": 9}
CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
CHINESE_NUMERAL = "[零〇一二两三四五六七八九十百千万]+"
ARABIC_NUMERAL = r"\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_ARABIC_SCALES = {"万": 10_000, "千": 1000, "百": 100}
"""1.2万, 2千: Arabic digits with a Chinese unit after them."""
_PREFIX_MARKS = ("约", "近")
_SUFFIX_MARKS = ("余", "多")




def chinese_number(text: str) -> int | None:
    """一千二百 -> 1200, 一千二 -> 1200, 十五 -> 15, 两万三千 -> 23000; None if malformed."""
    if not text or not re.fullmatch(CHINESE_NUMERAL, text):
        return None
    if "万" in text:
        high, _, low = text.partition("万")
        high_value = chinese_number(high) if high else 1
        if high_value is None or "万" in low:
            return None
        if len(low) == 1 and low in CHINESE_DIGITS and low != "零":
            return high_value * 10_000 + CHINESE_DIGITS[low] * 1000   # 三万五
        low_value = chinese_number(low) if low else 0
        return None if low_value is None else high_value * 10_000 + low_value
    total, digit, last_unit = 0, None, 10_000
    for char in text:
        if char in CHINESE_DIGITS:
            if digit is not None and digit != 0 and CHINESE_DIGITS[char] != 0:
                return None      # 一二: digits side by side are no numeral we read
            digit = CHINESE_DIGITS[char]
        else:
            unit = CHINESE_UNITS[char]
            if unit >= last_unit:
                return None
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
    if digit:
        # 一千二 means 1200: a bare last digit counts in the unit below the last one
        total += digit * (last_unit // 10 if last_unit < 10_000 and text[-2] != "零" else 1)
    return total


def arabic_number(text: str, scale: int = 1) -> int | None:
    """1,200 -> 1200; 1.2 at scale 10,000 (1.2万) -> 12000; None for a fraction of a count."""
    cleaned = text.replace(",", "").replace("，", "")
    try:
        value = round(float(cleaned) * scale, 6)
    except ValueError:
        return None
    return int(value) if value == int(value) else None


def number_value(digits: str) -> int | None:
    """A numeral as written: Arabic (with separators, 1.2万) or Chinese (一千二百)."""
    digits = digits.strip()
    scale = _ARABIC_SCALES.get(digits[-1:], 1)
    if scale > 1 and re.fullmatch(ARABIC_NUMERAL, digits[:-1]):
        return arabic_number(digits[:-1], scale)
    if re.fullmatch(ARABIC_NUMERAL, digits):
        return arabic_number(digits)
    return chinese_number(digits)


def parse_value(text: str) -> tuple[int, str]:
    """A typed value and its approximate mark: "1200", "1,200", "约500", "1000余", "一千二百余".

    Raises ValueRefused, saying why, for anything else, a negative value, or one over MAX_VALUE.
    """
    raw = text.strip()
    body = raw.replace(" ", "")
    mark = ""
    if body[:1] in _PREFIX_MARKS:
        mark, body = body[0], body[1:]
    elif body[-1:] in _SUFFIX_MARKS:
        mark, body = body[-1], body[:-1]
    if body.startswith(("-", "－", "−")) and number_value(body[1:]) is not None:
        raise ValueRefused(_tr("“{0}”是负数；数量不能小于 0。").format(raw))
    value = number_value(body) if body else None
    if value is None:
        raise ValueRefused(_tr("“{0}”不是数量；请填写整数，如 1200、1,200、约500 或 1000余。")
                           .format(raw))
    check_value(value, raw)
    assert mark in APPROXIMATE_MARKS or not mark
    return value, mark


def check_value(value: int, shown: str | None = None) -> None:
    """ValueRefused for a value below 0 or above MAX_VALUE."""
    shown = shown or str(value)
    if value < 0:
        raise ValueRefused(_tr("“{0}”是负数；数量不能小于 0。").format(shown))
    if value > MAX_VALUE:
        raise ValueRefused(_tr("“{0}”超过 {1:,}，不像一个单位的活动数量；请核对。").format(
            shown, MAX_VALUE))


def shown_value(value: int, approximate: str = "") -> str:
    """1200 with 余 -> 1200余; with 约 -> 约1200."""
    if approximate in _PREFIX_MARKS:
        return f"{approximate}{value}"
    return f"{value}{approximate}"


def total_mark(marks: Sequence[str]) -> str:
    """The mark of a sum of parts with these marks: 余 when every approximate part is more than
    stated (余/多), 近 when every one is just under it (近), else 约 (the directions mix, or
    a part is only 约)."""
    approximate = {m for m in marks if m}
    if not approximate:
        return ""
    if approximate <= {"余", "多"}:
        return "余"
    if approximate == {"近"}:
        return "近"
    return "约"
