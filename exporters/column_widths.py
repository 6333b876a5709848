"""Table column widths from the content, one computation for Word, Excel and PDF.

Widths are in ems of the table's body font: a CJK or full-width character is 1 em, digits and
Latin letters ½ em (as in 仿宋_GB2312). Each exporter turns ems into its own unit.

- No column is narrower than its header on one line.
- A date column (活动时间) holds its longest date token unbroken and is set to a width at
  which every cell breaks only between tokens: "5月17日至5月23日" takes two lines split
  after 至, or one line, never "5月17 / 日至5月 / 23日".
- The rest of the width is shared out by how much text a column holds per row (its square
  root, see MASS_EXPONENT); a column never gets more than its longest line needs.
"""
from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, repeat
from operator import add, itemgetter

Measure = Callable[[str], float]

NO_LINE_START = set("、，。；：？！）》」』】〕〉”’%．,.;:?!)]}…·—")
NO_LINE_END = set("（《「『【〔〈“‘([{")
DATE_SEPARATORS = set("至到、，,；;～~—–-/") | {" ", "\u3000"}
_WORD = re.compile(r"[0-9A-Za-z@#$%&*+=_|\\'\".:/-]+")
_DATE_TOKEN = re.compile(r"[0-9０-９]|[月日号旬]")
WIDEST_UNBROKEN_WORD_EM = 12.0
"""A Latin word (an e-mail address, a URL) longer than this may break inside."""
DATE_COLUMN_SHARE = 0.4
"""A date column never takes more than this share of the table to avoid breaking a token."""
TOLERANCE_EM = 0.1
"""Fonts differ a little from the rule: a clean width stays clean this much either side."""
STEP_EM = 0.1
MASS_EXPONENT = 0.5
"""Widths grow with the square root of a column's text per row: the split that keeps the
sum of all cells' line counts lowest, so short columns (names, units) are not squeezed."""
EPSILON = 1e-6
MIN_LINE_EM = 0.5
FITS_MARGIN_EM = 1e-3
"""A line this much narrower than the width is not broken: far more than the rounding of
adding up its pieces one by one, so the shortcut and the greedy filling always agree."""
"""No line is narrower than a half-width character."""
LONGEST_DATE_TOKEN_EM = 12.0
"""A 'token' longer than this is not a date written in a cell: it may break anywhere."""
LONGEST_CHECKED_TEXT = 80
"""Date texts longer than this (a paragraph typed into the time column) are not checked for
clean breaks: they wrap like any other text, and checking them would cost seconds."""


MEMO_SIZE = 1 << 15
"""Texts, lines and pieces whose widths and layouts are remembered: measuring the same text
again (a unit named on many rows, a piece of a line) is a look-up."""


@lru_cache(maxsize=65536)
def _wide(ch: str) -> bool:
    """A character one em wide: CJK, full-width, and ambiguous width (“ ” · — in Chinese fonts)."""
    return unicodedata.east_asian_width(ch) in "WFA"


_COMMON_WIDE_BLOCKS = ((0x2000, 0x206F), (0x3000, 0x9FFF), (0xFF00, 0xFFEF))
"""The blocks whose one-em characters one regex pass counts; others are looked up one by one."""

COMMON_WIDE_RUNS = (
    (0x2010, 0x2010), (0x2013, 0x2016), (0x2018, 0x2019), (0x201C, 0x201D), (0x2020, 0x2022),
    (0x2024, 0x2027), (0x2030, 0x2030), (0x2032, 0x2033), (0x2035, 0x2035), (0x203B, 0x203B),
    (0x203E, 0x203E), (0x2065, 0x2065), (0x3000, 0x303E), (0x3040, 0x4DBF), (0x4E00, 0x9FFF),
    (0xFF00, 0xFF60), (0xFFBF, 0xFFC1), (0xFFC8, 0xFFC9), (0xFFD0, 0xFFD1), (0xFFD8, 0xFFD9),
    (0xFFDD, 0xFFE7), (0xFFEF, 0xFFEF))
"""The runs of one-em characters in _COMMON_WIDE_BLOCKS, as common_wide_runs() reads them
from unicodedata (written out: reading them costs 28,000 look-ups at every start; a test
checks the two agree for the running Python)."""


def common_wide_runs() -> tuple[tuple[int, int], ...]:
    """The runs of one-em characters in _COMMON_WIDE_BLOCKS, read from unicodedata."""
    runs: list[tuple[int, int]] = []
    for first, last in _COMMON_WIDE_BLOCKS:
        for code in range(first, last + 1):
            if unicodedata.east_asian_width(chr(code)) not in "WFA":
                continue
            if runs and runs[-1][1] == code - 1:
                runs[-1] = (runs[-1][0], code)
            else:
                runs.append((code, code))
    return tuple(runs)


@lru_cache(maxsize=1)
def _not_common_wide() -> re.Pattern[str]:
    """A character outside the wide runs of the common CJK blocks: what the per-character
    look-up still has to classify."""
    ranges = "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in COMMON_WIDE_RUNS)
    return re.compile(f"[^{ranges}]")


@lru_cache(maxsize=MEMO_SIZE)
def _wide_count(text: str) -> int:
    """How many of the text's characters are one em wide (sum(map(_wide, text)), with the
    common CJK characters counted by one regex pass instead of one call each)."""
    others = _not_common_wide().findall(text)
    return len(text) - len(others) + sum(map(_wide, others))


@lru_cache(maxsize=MEMO_SIZE)
def text_em(text: str) -> float:
    """Width of a line in ems: CJK and full-width (and ambiguous-width) characters 1, others ½."""
    wide = _wide_count(text)
    return wide + 0.5 * (len(text) - wide)


WIDEST_HALF_EM = 0.64
"""A digit or Latin letter in the widest font a desktop may put in place of the official
ones: DejaVu Sans, which LibreOffice on a Debian-family desktop (统信 UOS, 麒麟) takes for the
digits of 仿宋_GB2312 when that font is missing (Noto CJK's are 0.56 em)."""
AUTOSPACE_EM = 0.2
"""What LibreOffice puts between CJK and Latin letters or digits (it ignores
w:autoSpaceDE="0"); Word with autoSpaceDN/DE off puts nothing."""
_NARROW_ALNUM = "0-9A-Za-z"
_WIDE_ALNUM = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
_BEFORE_SEAM = re.compile(f"[{_NARROW_ALNUM}](?=[{_WIDE_ALNUM}])|[{_WIDE_ALNUM}](?=[{_NARROW_ALNUM}])")
"""The character before each place where Latin letters or digits meet CJK ones."""


@lru_cache(maxsize=MEMO_SIZE)
def widest_em(text: str) -> float:
    """Width of a line in the widest plausible rendering: half-width characters at 0.64 em
    and 0.2 em of automatic spacing wherever CJK meets Latin letters or digits (measured
    with LibreOffice 7.4, Noto CJK and DejaVu, and pdftotext -bbox)."""
    wide = _wide_count(text)
    seams = len(_BEFORE_SEAM.findall(text))
    return wide + WIDEST_HALF_EM * (len(text) - wide) + AUTOSPACE_EM * seams


MEASURES: tuple[Measure, Measure] = (text_em, widest_em)
"""The narrowest rendering (Word with the official fonts) and the widest: a width that suits
both suits every office suite in between."""


def _glue_class(chars: set[str]) -> str:
    """A regex character class of the given characters."""
    return "[" + "".join(map(re.escape, sorted(chars))) + "]"


_PIECE = f"(?:{_WORD.pattern}|.)"
_ATOM = re.compile(f"{_PIECE}(?:(?<={_glue_class(NO_LINE_END)}){_PIECE}"
                   f"|(?={_glue_class(NO_LINE_START)}){_PIECE})*", re.DOTALL)
"""A piece of a line that is never broken inside: a Latin word (_WORD) or one character,
with the pieces glued to it because they may not start a line or it may not end one."""


@dataclass(frozen=True, slots=True)
class _Layout:
    """A line cut into unbreakable pieces: where each starts, its width, and the spacing a
    measure adds at the seam with the piece before it (0 before the first)."""

    starts: tuple[int, ...]
    widths: tuple[float, ...]
    seams: tuple[float, ...]


@lru_cache(maxsize=MEMO_SIZE)
def _seam(pair: str, measure: Measure) -> float:
    """What a measure adds where two characters meet (LibreOffice's CJK/Latin spacing)."""
    return measure(pair) - measure(pair[0]) - measure(pair[1])


@lru_cache(maxsize=MEMO_SIZE)
def _layout(line: str, measure: Measure) -> _Layout:
    """The line's unbreakable pieces in order, measured once for every width tried."""
    pieces = _ATOM.findall(line)
    starts = tuple(accumulate(map(len, pieces[:-1]), initial=0)) if pieces else ()
    pairs = map(add, map(itemgetter(-1), pieces[:-1]), map(itemgetter(0), pieces[1:]))
    seams = (0.0, *map(_seam, pairs, repeat(measure))) if pieces else ()
    return _Layout(starts, tuple(map(measure, pieces)), seams)


def _whole_ems(line: str, measure: Measure) -> bool:
    """Whether the line is made of wide characters of the common CJK blocks only, measured
    by text_em or widest_em: then every piece is exactly as many ems as it has
    characters and no seam adds anything, so a line is filled by whole numbers."""
    return (measure is text_em or measure is widest_em) and \
        _not_common_wide().search(line) is None


@lru_cache(maxsize=MEMO_SIZE)
def _piece_starts(line: str) -> tuple[tuple[int, ...], int]:
    """Offsets where the line's unbreakable pieces start, followed by its length; and the
    longest piece's length."""
    lengths = list(map(len, _ATOM.findall(line)))
    return tuple(accumulate(lengths, initial=0)), max(lengths, default=0)


def _whole_em_breaks(line: str, limit: float) -> tuple[list[int], int] | None:
    """_line_breaks of a whole-em line (see _whole_ems), None when a piece is wider than the
    line: each line takes the most pieces whose length fits, found by bisection."""
    starts, longest = _piece_starts(line)
    room = math.floor(limit)             # a whole number of ems fits when it is <= limit
    if longest > room:
        return None
    breaks: list[int] = []
    first = 0
    end = starts[-1]
    while starts[first] + room < end:
        first = bisect_right(starts, starts[first] + room) - 1
        breaks.append(starts[first])
    return breaks, len(breaks) + 1


def _line_breaks(line: str, width: float, measure: Measure) -> tuple[list[int], int]:
    """Greedy line filling: the offsets where lines break, and the number of lines.

    Spacing a program puts between scripts counts: each atom adds its own width and what
    the measure adds at the seam with the atom before it.
    """
    width = max(width, MIN_LINE_EM)
    limit = width + EPSILON
    if _whole_ems(line, measure):
        whole = _whole_em_breaks(line, limit)
        if whole is not None:
            return whole
    layout = _layout(line, measure)
    breaks: list[int] = []
    used = 0.0
    lines = 1
    for start, atom, seam in zip(layout.starts, layout.widths, layout.seams, strict=True):
        if used > 0:
            if used + seam + atom > limit:
                breaks.append(start)
                lines += 1
                used, seam = 0.0, 0.0
        else:
            seam = 0.0
        if atom > limit:                          # wider than the column: broken inside
            lines += math.ceil(atom / width) - 1
            breaks.append(start + 1)
            used = atom % width
        else:
            used += seam + atom
    return breaks, lines


FAST_LINE_CHARS = 300
"""A paragraph this long is counted by its width alone: an estimate within a line or two,
where filling it atom by atom would cost a second for a 10,000-character cell."""


@lru_cache(maxsize=MEMO_SIZE)
def line_count(text: str, width_em: float, measure: Measure = text_em) -> int:
    """Lines a cell's text takes at a given inner width (its own line breaks kept)."""
    width = max(width_em, MIN_LINE_EM)
    return sum(math.ceil(measure(part) / width) + 1 if len(part) > FAST_LINE_CHARS
               else _line_breaks(part, width, measure)[1] for part in text.split("\n"))


def lines_upper(text: str, width_em: float, measure: Measure = text_em) -> int:
    """At least as many lines as the text takes, from each paragraph's width: a filled line
    leaves less room unused than its widest unbreakable piece (CJK with glued punctuation,
    or a Latin word)."""
    lines = 0
    for part in text.split("\n"):
        if _whole_ems(part, measure):         # no Latin word: the least waste, 3 ems
            lines += max(1, math.ceil(len(part) / max(width_em - 3.0, MIN_LINE_EM)))
            continue
        words = _WORD.findall(part)
        waste = max(3.0, min(max(map(len, words), default=0) * 0.8, WIDEST_UNBROKEN_WORD_EM))
        lines += max(1, math.ceil(measure(part) / max(width_em - waste, MIN_LINE_EM)))
    return lines


def _date_tokens(line: str) -> list[tuple[int, int]]:
    """(start, end) of each token: text up to and including a separator such as 至 or 、."""
    tokens, start = [], 0
    for index, ch in enumerate(line):
        if ch in DATE_SEPARATORS:
            tokens.append((start, index + 1))
            start = index + 1
    if start < len(line):
        tokens.append((start, len(line)))
    return [(a, b) for a, b in tokens if line[a:b].strip()]


def _longest_date_token(text: str, measure: Measure) -> float:
    """Width of the widest token that holds a date (5月17日至, 5月20日前后)."""
    widest = 0.0
    for line in text.split("\n"):
        for a, b in _date_tokens(line):
            token = line[a:b]
            if _DATE_TOKEN.search(token):
                width = measure(token.rstrip())
                if width <= LONGEST_DATE_TOKEN_EM:
                    widest = max(widest, width)
    return widest


@lru_cache(maxsize=MEMO_SIZE)
def _inside_date_tokens(line: str, measure: Measure) -> frozenset[int]:
    """Offsets where a break would split a date token."""
    inside: set[int] = set()
    for a, b in _date_tokens(line):
        token = line[a:b]
        if _DATE_TOKEN.search(token) and measure(token.rstrip()) <= LONGEST_DATE_TOKEN_EM:
            inside.update(range(a + 1, b))
    return frozenset(inside)


def breaks_cleanly(text: str, width_em: float, measure: Measure = text_em) -> bool:
    """Whether every line break at this inner width falls between date tokens."""
    for line in text.split("\n"):
        inside = _inside_date_tokens(line, measure)
        if not inside or measure(line) < max(width_em, MIN_LINE_EM) - FITS_MARGIN_EM:
            continue                        # no date, or one line with room to spare
        breaks, _lines = _line_breaks(line, width_em, measure)
        if any(offset in inside for offset in breaks):
            return False
    return True


def _longest_word(text: str, measure: Measure) -> float:
    """Width of the widest piece that may not break (capped: long addresses may); of a
    column's texts when given them joined by line breaks."""
    widest = max(map(measure, _WORD.findall(text)), default=0.0)
    if any(map(_wide, text)):
        widest = max(widest, 1.0)
    return min(widest, WIDEST_UNBROKEN_WORD_EM)


@dataclass(slots=True)
class _Column:
    """What one column needs: floor and need are outer widths (padding included)."""

    floor: float
    need: float
    mass: float
    dates: bool
    texts: tuple[str, ...]


def _clean_width(column: _Column, wanted: float, pad: float, limit: float,
                 measures: Sequence[Measure]) -> float:
    """The width nearest to wanted, between floor and limit, at which every cell breaks
    between date tokens in every measure, with some tolerance for the real fonts.

    When no width suits every measure, the first measure (the ½/1 em rule) alone decides;
    when none suits it either, wanted stays.
    """
    texts = sorted({t for t in column.texts if t.strip() and len(t) <= LONGEST_CHECKED_TEXT})
    top = min(column.need + 2 * TOLERANCE_EM, max(limit, column.floor))
    steps = int((top - column.floor) / STEP_EM) + 1
    candidates = sorted((column.floor + i * STEP_EM for i in range(steps)),
                        key=lambda w: (abs(w - wanted), w))
    for chosen in (measures, measures[:1]):
        checks = [(t, measure, d) for t in texts for measure in chosen
                  for d in (-TOLERANCE_EM, 0.0, TOLERANCE_EM)]
        for width in candidates:
            if _all_clean(checks, width - pad):
                return width
    return wanted


def _all_clean(checks: list[tuple[str, Measure, float]], inner: float) -> bool:
    """Whether every (text, measure, tolerance) breaks cleanly at inner + tolerance; the
    check that failed last moves to the front, since it usually fails the next width too."""
    for index, (text, measure, d) in enumerate(checks):
        if not breaks_cleanly(text, inner + d, measure):
            checks.insert(0, checks.pop(index))
            return False
    return True


def _share(columns: Sequence[_Column], total: float, fixed: dict[int, float]) -> list[float]:
    """Widths in proportion to mass, clamped to [floor, need], fixed columns as given."""
    widths = dict(fixed)
    free = [i for i in range(len(columns)) if i not in widths]
    while free:
        left = total - sum(widths.values())
        mass = sum(columns[i].mass for i in free) or float(len(free))
        trial = {i: left * ((columns[i].mass or (mass / len(free))) / mass) for i in free}
        low = [i for i in free if trial[i] < columns[i].floor - EPSILON]
        high = [i for i in free if trial[i] > columns[i].need + EPSILON]
        if not low and not high:
            widths.update(trial)
            break
        for i in low:
            widths[i] = columns[i].floor
        if not low:
            for i in high:
                widths[i] = columns[i].need
        free = [i for i in free if i not in widths]
    if abs(sum(widths.values()) - total) > EPSILON:
        _spread(widths, columns, total, set(fixed))
    return [widths[i] for i in range(len(columns))]


def _spread(widths: dict[int, float], columns: Sequence[_Column], total: float,
            fixed: set[int]) -> None:
    """Make the widths add up to total, fixed columns untouched: leftover in proportion to
    width, a shortfall taken from what each column has above its floor (or from all, when
    the floors do not fit)."""
    gap = total - sum(widths.values())
    movable = [i for i in widths if i not in fixed] or list(widths)
    base = sum(widths[i] for i in movable)
    if gap > 0:
        for i in movable:
            widths[i] += gap * widths[i] / base
        return
    slack = {i: widths[i] - columns[i].floor for i in movable}
    room = sum(slack.values())
    if room > -gap - EPSILON:
        for i in movable:
            widths[i] += gap * slack[i] / room
        return
    scale = (total - sum(widths[i] for i in widths if i not in movable)) / base
    for i in movable:                      # the floors themselves do not fit: shrink evenly
        widths[i] *= max(scale, 0.0)


def column_widths(headers: Sequence[str], rows: Sequence[Sequence[str]], total_em: float,
                  pad_em: float, date_columns: Sequence[bool] = (),
                  measures: Sequence[Measure] = (text_em,)) -> list[float]:
    """Outer widths in ems (padding included) of a table total_em wide.

    rows holds every cell's text, "" where a merged cell continues; date_columns marks the
    columns whose date tokens must not break. With several measures (how different programs
    set the same text) a width must suit all of them.
    """
    def all_measures(text: str) -> float:
        return max(m(text) for m in measures)

    count = len(headers)
    dates = [bool(date_columns[i]) if i < len(date_columns) else False for i in range(count)]
    columns = []
    for index, header in enumerate(headers):
        texts = tuple(row[index] for row in rows)
        distinct = set(texts)          # the widest of repeated texts is measured once
        joined = "\n".join(distinct)   # every distinct paragraph, a line each
        # every measure where a date must fit exactly; elsewhere the first (fast) one
        measure = all_measures if dates[index] else measures[0]
        longest_line = max(map(measure, set(joined.split("\n")))) if texts else 0.0
        unbroken = (max(_longest_date_token(t, measure) for t in distinct) if dates[index]
                    else _longest_word(joined, measure)) if texts else 0.0
        floor = max(all_measures(header), unbroken) + pad_em
        need = max(floor, longest_line + pad_em)
        mass = (sum(map(measure, map(str.replace, texts, repeat("\n"), repeat(""))))
                / max(len(rows), 1)) ** MASS_EXPONENT
        columns.append(_Column(floor, need, mass, dates[index], texts))
    widths = _share(columns, total_em, {})
    for index, column in enumerate(columns):
        if column.dates and column.texts:
            limit = total_em * DATE_COLUMN_SHARE
            clean = _clean_width(column, widths[index], pad_em, limit, measures)
            if abs(clean - widths[index]) > EPSILON:
                widths = _share(columns, total_em, {index: clean})
    return widths
