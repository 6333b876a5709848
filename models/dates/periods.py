"""Read the free Chinese text of an activity's time (活动时间) into date spans.

Readings chosen where the text is ambiguous (a metrology coordinator's view):

- ``5月20日前`` / ``截至5月20日`` include the 20th (a deadline, kind 'by').
- ``5月20日起`` / ``以后`` / ``之后`` include the 20th (kind 'from').
- ``5月20日期间`` is 'around' the day; ``5·20期间`` / ``5.20期间`` / ``世界计量日期间`` /
  ``活动期间`` / ``宣传周(期间)`` mean the whole campaign window (kind 'window').
- A bare ``5·20`` / ``5.20`` / ``5/20`` / ``世界计量日`` / ``计量日当天`` is that single day.
- A range runs from the start of its first item to the end of its last one, so ``月初`` as a
  start is day 1 and ``月底`` as an end is the last day; its precision is the coarser of the two.
- A range end without a month takes the start's month, rolling to the next month when the day
  would fall before the start (``4月28日至3日`` → 4/28–5/3); a range end without a year whose
  month is before the start's rolls to next year (``12月30日至1月2日``); other reversed ranges are
  unreadable ("起止颠倒").
- ``至5月20日`` (no start) is 'by'; ``5月20日至`` (no end) is 'from'; ``即日起`` starts at the
  window start. Qualifiers after a range (前/期间/止 …) keep it an exact range.
- A list gives one span per item; month and year carry over to later items. A day with no
  month anywhere takes the window's start month. Duplicate spans are dropped.
- ``5月第N周``: Monday–Sunday weeks, week 1 holds the 1st, clipped to the month.
  ``5月20日当周`` / ``计量日所在周``: the whole Mon–Sun week holding that day (not clipped).
- 上旬 1–10, 中旬 11–20, 下旬 21–end (precision 'xun'); 月初 1–10, 月中 11–20, 月底/月末 21–end,
  上半月 1–15, 下半月 16–end (precision 'part').
- ``5-20`` with a bare dash is not a date (could be anything); ``5.20``/``5/20``/``5·20`` are.
- Times of day, weekday notes (周四)/(星期四)/（五） and other words are ignored.
- ``全年``, ``常态化开展``, ``待定``, ``另行通知`` give []; :func:`why_unparsed` says why.
- ``5月20日起一周`` / ``起3天`` is that many days from the date; ``5月20日前一周`` the week
  before it (5/13–5/19). ``每周六`` / ``每周末`` are those days inside the window;
  ``第三季度`` the quarter's months. A campaign-week note beside real dates
  (``5月17-23日（宣传周）``) adds no window span.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from models.dates.period_refinements import (
    BEFORE_FOR_RE,
    FROM_FOR_RE,
    every_weekday,
    length_days,
    quarter,
)
from models.dates.spans import (
    KINDS,
    PRECISIONS,
    Span,
    describe_spans,
    spans_from_json,
    spans_to_json,
)
from models.i18n import QT_TRANSLATE_NOOP, translate

__all__ = [
    "KINDS",
    "describe_spans",
    "PRECISIONS",
    "Span",
    "parse_periods",
    "spans_from_json",
    "spans_to_json",
    "why_unparsed",
]

_RANK = {p: i for i, p in enumerate(PRECISIONS)}


# ---------------------------------------------------------------- normalisation

_TRANS: dict[int, str] = {0xFF10 + i: str(i) for i in range(10)}
_TRANS.update({ord(c): "-" for c in "–—―‐‑‒−﹣－～~〜〰⁓"})
_TRANS.update({ord(c): "·" for c in "・•‧･∙⋅"})
_TRANS.update({ord(a): b for a, b in zip("（）【】，；：．／\u3000﹐､｡", "()[],;:./ ,、。", strict=True)})

_WEEKDAY_RE = re.compile(
    r"[(\[]\s*(?:周|星期|礼拜)?[一二三四五六日天1-7]\s*[)\]]|(?:周|星期|礼拜)[一二三四五六日天]|(?:星期|礼拜)[1-7]"
)
_CN_RE = re.compile(r"[〇零○一二三四五六七八九十廿卅两]+(?=[年月日号时点周])")
_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_TENS = {"十": 10, "廿": 20, "卅": 30}

_AMPM = r"(?:上午|下午|中午|晚上|早上|早晨|傍晚|凌晨|晚间)"
_CLOCK = r"(?:(?<!\d)\d{1,2}(?::\d{2}(?::\d{2})?|[时点](?:[0-5]?\d分?|半|整|钟)?))"
_ONE_TIME = rf"(?:{_AMPM}\s*\d{{1,2}}\.\d{{2}}|(?:{_AMPM}\s*)?{_CLOCK})"
_TIME_RE = re.compile(rf"{_ONE_TIME}(?:\s*[-至到]\s*{_ONE_TIME})?")


def _cn_number(s: str) -> str:
    """Chinese numeral run → ASCII digits; odd runs are returned unchanged."""
    tens = [c for c in s if c in _CN_TENS]
    if not tens:
        return "".join(str(_CN_DIGIT[c]) for c in s)
    if len(tens) > 1:
        return s
    head, _, tail = s.partition(tens[0])
    value = _CN_TENS[tens[0]]
    if head:
        if tens[0] != "十" or len(head) != 1:
            return s
        value = _CN_DIGIT[head] * 10
    if tail:
        if len(tail) != 1:
            return s
        value += _CN_DIGIT[tail]
    return str(value)


def _normalise(text: str) -> str:
    """Full-width → ASCII, weekday notes out, Chinese numerals → digits, clock times out."""
    s = text.translate(_TRANS)
    s = _WEEKDAY_RE.sub("", s)
    s = _CN_RE.sub(lambda m: _cn_number(m.group()), s)
    if ":" in s or "时" in s or "点" in s or "." in s:
        s = _TIME_RE.sub("", s)
    return s


# ---------------------------------------------------------------- tokens

_XUN = r"上中旬|中下旬|上旬|中旬|下旬"


def _part(n: str) -> str:
    """Pattern for a part of a month, with group names suffixed by n."""
    return rf"(?:(?P<p{n}>{_XUN}|上半月|下半月|最后[1一]周|初|底|末|中(?!午))|第(?P<w{n}>\d)周)"


_MASTER = re.compile(
    "|".join(
        [
            r"(?P<win>(?:(?:5·20|5\.20|(?:世界)?计量日)\s*)?"
            r"(?:(?:宣传活动|宣传|活动)周?(?:期间|期内)|(?:宣传|活动)周内?))",
            r"(?P<iso>(?<!\d)(?P<iy>\d{4})(?P<isep>[-./])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})(?!\d)[日号]?)",
            rf"(?P<mon>(?:(?P<my>\d{{4}})年)?(?<!\d)(?P<mm>\d{{1,2}})月份?的?"
            rf"(?:(?P<md>\d{{1,2}})(?!\d)[日号]?|{_part('1')})?)",
            r"(?P<md_>(?<![\d.:/·])(?P<nm>\d{1,2})[./·](?P<nd>\d{1,2})(?![\d:/·]|\.\d))",
            r"(?P<year>(?<!\d)(?P<yy>\d{4})年)",
            r"(?P<day>(?<!\d)(?P<dd>\d{1,2})[日号])",
            r"(?P<num>(?<![\d.:/·])(?P<nn>\d{1,2})(?![\d.:/·])(?=\s*(?:[-至到、,;和及。]|$)))",
            r"(?P<anc>(?:世界)?计量日)",
            rf"(?P<po>[本当该]?月份?的?{_part('2')}|(?<![月\d])(?P<x3>{_XUN})|(?<!月)第(?P<w3>\d)周)",
            r"(?P<pby>截[止至](?:到|日期?)?)",
            r"(?P<ptoday>(?:自|从)?(?:即日|今日|今天)(?:起|开始)?)",
            r"(?P<pfrom>[自从](?=\s*\d))",
            r"(?P<saround>前后|左右)",
            r"(?P<sduring>期间|期内)",
            r"(?P<sweek>当周|所在周|所在的周|那周|所在星期)",
            r"(?P<sday>当天|当日|那天)",
            r"(?P<sby>(?:之|以)?前(?![往去来夕])|截止|为止|止)",
            r"(?P<sfrom>起|开始|以后|之后|以来|后(?![续期面台]))",
            r"(?P<rng>\s*(?:-+|至|到)\s*)",
            r"(?P<sep>[\s、,;和及。/|]+)",
        ]
    )
)

# part text → (first day, last day or 0 for month end, precision)
_PARTS = {
    "上旬": (1, 10, "xun"), "中旬": (11, 20, "xun"), "下旬": (21, 0, "xun"),
    "上中旬": (1, 20, "xun"), "中下旬": (11, 0, "xun"),
    "初": (1, 10, "part"), "中": (11, 20, "part"), "底": (21, 0, "part"), "末": (21, 0, "part"),
    "上半月": (1, 15, "part"), "下半月": (16, 0, "part"),
    "最后一周": ("w", -1, "week"), "最后1周": ("w", -1, "week"),
}
_SIMPLE = {"pby": ("P", "by"), "ptoday": ("P", "today"), "pfrom": ("P", "from"),
           "saround": ("X", "around"), "sduring": ("X", "during"), "sweek": ("X", "week"),
           "sday": ("X", "day"), "sby": ("X", "by"), "sfrom": ("X", "from"),
           "rng": ("R",), "sep": ("S",), "win": ("W",)}


def _part_of(m: re.Match, n: str):
    """The part descriptor captured by _part(n), or None."""
    p = m.group("p" + n)
    if p is not None:
        return _PARTS[p]
    w = m.group("w" + n)
    return None if w is None else ("w", int(w), "week")


def _int(s: str | None) -> int | None:
    """int() that passes None through."""
    return None if s is None else int(s)


def _tokens(s: str) -> list[tuple]:
    """Scan normalised text into tokens; atoms are ('A', y, m, d, part, fest)."""
    out: list[tuple] = []
    for m in _MASTER.finditer(s):
        g = m.lastgroup
        if g == "mon":
            out.append(("A", _int(m.group("my")), int(m.group("mm")), _int(m.group("md")), _part_of(m, "1"), False))
        elif g == "day":
            out.append(("A", None, None, int(m.group("dd")), None, False))
        elif g == "md_":
            mo, d = int(m.group("nm")), int(m.group("nd"))
            out.append(("A", None, mo, d, None, mo == 5 and d == 20))
        elif g == "iso":
            out.append(("A", int(m.group("iy")), int(m.group("im")), int(m.group("id")), None, False))
        elif g == "num":
            out.append(("N", int(m.group("nn"))))
        elif g == "year":
            out.append(("Y", int(m.group("yy"))))
        elif g == "anc":
            out.append(("A", None, 5, 20, None, True))
        elif g == "po":
            x3 = m.group("x3")
            part = _PARTS[x3] if x3 else _part_of(m, "2")
            if part is None:
                part = ("w", int(m.group("w3")), "week")
            out.append(("A", None, None, None, part, False))
        else:
            out.append(_SIMPLE[g])
    return out


def _resolve_numbers(tokens: list[tuple]) -> list[tuple]:
    """Give bare numbers the unit of the previous atom (or else the next one)."""
    if not any(t[0] == "N" for t in tokens):
        return tokens
    out: list[tuple] = []
    prev = None
    for i, t in enumerate(tokens):
        if t[0] != "N":
            if t[0] == "A":
                prev = t
            out.append(t)
            continue
        ref = prev or next((u for u in tokens[i + 1:] if u[0] == "A"), None)
        if ref is None:
            continue
        atom = ("A", None, None, t[1], None, False) if ref[3] is not None else ("A", None, t[1], None, None, False)
        out.append(atom)
        prev = atom
    return out


# ---------------------------------------------------------------- resolution


Reason = tuple[str, ...]
"""Why an item cannot be read: a text marked for translation, then what fills its {0}, {1}…
(kept untranslated in the cache; `why_unparsed` translates it when asked)."""


class _Unreadable(Exception):
    """An item that cannot be read; its args are the Reason."""


class _Ctx:
    """Year/month carried from item to item while reading one text."""

    __slots__ = ("year", "month", "default_month", "window")

    def __init__(self, year: int, window: tuple[date, date]):
        self.year = year
        self.month: int | None = None
        self.default_month = window[0].month
        self.window = window


def _last_day(y: int, m: int) -> int:
    """Days in month m of year y."""
    if m == 2:
        return 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28
    return 30 if m in (4, 6, 9, 11) else 31


def _week_of_month(y: int, m: int, n: int, last: int) -> tuple[date, date]:
    """The nth Mon–Sun week of the month (-1 = last), clipped to the month."""
    first, end_of_month = date(y, m, 1), date(y, m, last)
    if n == -1:
        return end_of_month - timedelta(days=end_of_month.weekday()), end_of_month
    start = first - timedelta(days=first.weekday()) + timedelta(days=7 * (n - 1))
    if n < 1 or start > end_of_month:
        raise _Unreadable(QT_TRANSLATE_NOOP("periods", "没有第{0}周：{1}月"), str(n), str(m))
    return max(start, first), min(start + timedelta(days=6), end_of_month)


def _resolve(atom: tuple, ctx: _Ctx) -> tuple[date, date, str]:
    """Dates (start, end, precision) of an atom, updating the carried year/month."""
    _, y, m, d, part, _fest = atom
    if y is not None:
        if not 1000 <= y <= 9999:
            raise _Unreadable(QT_TRANSLATE_NOOP("periods", "年份无效：{0}年"), str(y))
        ctx.year = y
    if m is not None:
        ctx.month = m
    month = ctx.default_month if ctx.month is None else ctx.month
    ctx.month = month
    if not 1 <= month <= 12:
        raise _Unreadable(QT_TRANSLATE_NOOP("periods", "月份无效：{0}月"), str(month))
    year = ctx.year
    last = _last_day(year, month)
    if d is not None:
        if not 1 <= d <= last:
            raise _Unreadable(QT_TRANSLATE_NOOP("periods", "日期不存在：{0}月{1}日"), str(month), str(d))
        day = date(year, month, d)
        return day, day, "day"
    if part is None:
        return date(year, month, 1), date(year, month, last), "month"
    a, b, precision = part
    if a == "w":
        start, end = _week_of_month(year, month, b, last)
        return start, end, precision
    return date(year, month, a), date(year, month, b or last), precision


def _shifted(atom: tuple, ctx: _Ctx, left_start: date) -> tuple[date, date, str]:
    """Resolve a range end, rolling month/year forward if it falls before the start."""
    r = _resolve(atom, ctx)
    if r[1] >= left_start:
        return r
    if atom[2] is None and (atom[3] is not None or atom[4] is not None):
        ctx.month = (ctx.month or 0) % 12 + 1
        if ctx.month == 1:
            ctx.year += 1
        return _resolve(atom, ctx)
    if atom[1] is None and atom[2] is not None and atom[2] < left_start.month:
        ctx.year += 1
        return _resolve(atom, ctx)
    return r


def _single(atom: tuple, ctx: _Ctx, pre: str | None, suf: str | None) -> Span:
    """Span for a lone atom with its qualifiers."""
    start, end, precision = _resolve(atom, ctx)
    kind = suf or pre
    if kind == "during":
        if atom[5]:
            return Span(ctx.window[0], ctx.window[1], "window", "window")
        kind = "around"
    if kind == "around":
        return Span(start, end, "around", precision)
    if kind == "by":
        return Span(None, end, "by", precision)
    if kind == "from":
        return Span(start, None, "from", precision)
    if kind == "week" and atom[3] is not None:
        monday = start - timedelta(days=start.weekday())
        return Span(monday, monday + timedelta(days=6), "exact", "week")
    return Span(start, end, "exact", precision)


def _range(left: tuple, right: tuple, ctx: _Ctx) -> Span:
    """Span for 'left 至 right'."""
    l_start, _, l_prec = _resolve(left, ctx)
    _, r_end, r_prec = _shifted(right, ctx, l_start)
    if r_end < l_start:
        raise _Unreadable(QT_TRANSLATE_NOOP("periods", "起止颠倒：{0}月{1}日至{2}月{3}日"),
                          *(str(n) for n in (l_start.month, l_start.day, r_end.month, r_end.day)))
    precision = l_prec if _RANK[l_prec] >= _RANK[r_prec] else r_prec
    return Span(l_start, r_end, "exact", precision)


class _Item:
    """One list item being assembled: [prefix] left [至 right] [suffix]."""

    __slots__ = ("pre", "left", "rng", "right", "suf")

    def __init__(self):
        self.pre = self.left = self.right = self.suf = None
        self.rng = False

    def empty(self) -> bool:
        """Nothing but perhaps a prefix or dangling connector."""
        return self.left is None and self.right is None


def _item_span(it: _Item, ctx: _Ctx) -> Span | None:
    """Span for a finished item, or None if it holds no date."""
    left, right = it.left, it.right
    if left == "T":
        if right is None:
            return Span(ctx.window[0], None, "from", "window")
        _, end, precision = _resolve(right, ctx)
        if end < ctx.window[0]:
            raise _Unreadable(QT_TRANSLATE_NOOP("periods", "起止颠倒：即日起"))
        return Span(ctx.window[0], end, "exact", precision)
    if left is not None and right is not None:
        return _range(left, right, ctx)
    if it.rng and right is not None:
        _, end, precision = _resolve(right, ctx)
        return Span(None, end, "by", precision)
    if it.rng and left is not None:
        start, _, precision = _resolve(left, ctx)
        return Span(start, None, "from", precision)
    if left is not None:
        return _single(left, ctx, it.pre, it.suf)
    return None


def _read(s: str, ctx: _Ctx) -> tuple[list[Span], list[Reason]]:
    """Run the item state machine over the tokens of normalised text."""
    spans: list[Span] = []
    errors: list[Reason] = []
    it = _Item()

    def flush() -> _Item:
        if not it.empty():
            try:
                span = _item_span(it, ctx)
            except _Unreadable as exc:
                errors.append(exc.args)
            except (ValueError, OverflowError):
                errors.append((QT_TRANSLATE_NOOP("periods", "日期无效"),))
            else:
                if span is not None:
                    spans.append(span)
        return _Item()

    for t in _resolve_numbers(_tokens(s)):
        kind = t[0]
        if kind == "A":
            if it.rng and it.right is None:
                it.right = t
            elif it.left is None and not it.rng:
                it.left = t
            else:
                it = flush()
                it.left = t
        elif kind == "S":
            it = flush()
        elif kind == "R":
            if it.right is not None or it.rng:
                it = flush()
            it.rng, it.suf = True, None
        elif kind == "X":
            if not it.empty() and it.suf is None:
                it.suf = t[1]
        elif kind == "P":
            if t[1] == "by" and it.left is not None and not it.rng and it.suf is None:
                it.suf = "by"  # 5月20日截止
                continue
            it = flush()
            if t[1] == "today":
                it.left = "T"
            else:
                it.pre = t[1]
        elif kind == "W":
            it = flush()
            spans.append(Span(ctx.window[0], ctx.window[1], "window", "window"))
        elif kind == "Y":
            it = flush()
            if 1000 <= t[1] <= 9999:
                ctx.year = t[1]
            else:
                errors.append((QT_TRANSLATE_NOOP("periods", "年份无效：{0}年"), str(t[1])))
    flush()
    return list(dict.fromkeys(spans)), errors


# ---------------------------------------------------------------- refinements


def _refine(text: str, s: str, spans: list[Span], ctx: _Ctx) -> list[Span]:
    """Readings the item machine does not make: lengths after 起/前, every weekday, quarters,
    and a campaign-week note beside real dates (text: as written, s: normalised)."""
    if not spans:
        if "每" not in text and "季" not in text:
            return spans
        raw = text.translate(_TRANS)  # the weekday names are still there
        return every_weekday(raw, ctx.window) or quarter(raw, ctx.year)
    only = spans[0] if len(spans) == 1 else None
    length = FROM_FOR_RE.search(s) if only and only.kind == "from" and only.start else None
    if length:
        start = only.start
        end = start + timedelta(days=length_days(*length.groups()) - 1)
        return [Span(start, end, "exact", "day")]
    length = BEFORE_FOR_RE.search(s) if only and only.kind == "by" and only.end else None
    if length:
        end = spans[0].end - timedelta(days=1)
        start = end - timedelta(days=length_days(*length.groups()) - 1)
        return [Span(start, end, "exact", "week" if length.group(2) in ("周", "星期") else "day")]
    if len(spans) == 1:
        return spans
    dated = [span for span in spans if span.kind != "window"]
    return dated or spans


@lru_cache(maxsize=8192)
def _analyse(text: str, year: int, window: tuple[date, date]
             ) -> tuple[tuple[Span, ...], tuple[Reason, ...]]:
    """Cached core: spans and the reasons for unreadable items."""
    normalised = _normalise(text)
    ctx = _Ctx(year, window)
    spans, errors = _read(normalised, ctx)
    return tuple(_refine(text, normalised, spans, ctx)), tuple(errors)


def parse_periods(text: str, year: int, window: tuple[date, date]) -> list[Span]:
    """Read activity-time text into spans; unreadable text gives []."""
    if not isinstance(text, str) or not text or text.isspace():
        return []
    try:
        return list(_analyse(text, int(year), (window[0], window[1]))[0])
    except Exception:  # last-resort guard: a UI must never crash on a table cell
        return []


_NO_DATE_WORDS = (
    ("全年", QT_TRANSLATE_NOOP("periods", "全年开展，没有具体日期")),
    ("常态化", QT_TRANSLATE_NOOP("periods", "常态化开展，没有具体日期")),
    ("长期", QT_TRANSLATE_NOOP("periods", "长期开展，没有具体日期")),
    ("待定", QT_TRANSLATE_NOOP("periods", "时间待定")),
    ("另行通知", QT_TRANSLATE_NOOP("periods", "时间另行通知")),
    ("另定", QT_TRANSLATE_NOOP("periods", "时间另定")),
)
_NO_DATE = QT_TRANSLATE_NOOP("periods", "没有可识别的日期")


def why_unparsed(text: str, year: int | None = None) -> str:
    """Short reason, in the user's language, why the text gives no (or only some) spans;
    '' if fully read."""
    if not isinstance(text, str) or not text.strip():
        return translate("periods", QT_TRANSLATE_NOOP("periods", "空白"))
    try:
        y = date.today().year if year is None else int(year)
        spans, errors = _analyse(text, y, (date(y, 1, 1), date(y, 12, 31)))
    except Exception:
        return translate("periods", _NO_DATE)
    if errors:
        template, *values = errors[0]
        return translate("periods", template).format(*values)
    if spans:
        return ""
    for word, reason in _NO_DATE_WORDS:
        if word in text:
            return translate("periods", reason)
    return translate("periods", _NO_DATE)
