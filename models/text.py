"""Cleaning text pasted from chat apps and other sources before it is stored or exported."""
from __future__ import annotations

import re
from datetime import date

from models.i18n import _tr

# XML 1.0 forbids these; python-docx and openpyxl refuse them. Tab and newline stay.
# U+FEFF (a byte-order mark pasted mid-text) goes too: Qt reads a string starting with it,
# or with U+FFFE, as UTF-16 with a BOM and drops or byte-swaps the text.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufeff\ufffe\uffff]")
_LINE_BREAKS = re.compile("\r\n|\r|\u2028|\u2029|\x0b|\x0c")
_CLEANED = re.compile("[\x00-\x08\x0b-\x1f\u2028\u2029\ufeff\ufffe\uffff]")
"""Any character either of the two above changes (\r included)."""


def clean_text(text: str) -> str:
    """Text safe for XML documents: line breaks unified to \\n, other control characters gone."""
    if _CLEANED.search(text) is None:             # most text: nothing to do
        return text
    return _ILLEGAL.sub("", _LINE_BREAKS.sub("\n", text))


def file_name_text(name: str) -> str:
    """A file name as readable text: a name whose bytes are not UTF-8 (Python keeps them as
    lone surrogates) is read as GB18030, as Chinese Windows and old zip tools write names,
    else with the undecodable bytes shown as \ufffd; never a string that cannot be stored."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        raw = name.encode("utf-8", "surrogateescape")
    for codec in ("utf-8", "gb18030"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "replace")


def chinese_date(day: date | None, with_year: bool = True, *, translated: bool = False) -> str:
    """A date the way official documents write it: 2021年5月8日 (or 5月8日); "" for none.

    translated: in the interface's language instead (English 5/8/2021), for views and
    messages; documents always keep the Chinese form.
    """
    if day is None:
        return ""
    if translated:
        short = _tr("{0}月{1}日").format(day.month, day.day)
        return _tr("{0}年{1}").format(day.year, short) if with_year else short
    return f"{day.year}年{day.month}月{day.day}日" if with_year else f"{day.month}月{day.day}日"


def size_text(size: int) -> str:
    """A file size as people say it: 850 KB, 12.3 MB."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1024 / 1024:.1f} MB"
