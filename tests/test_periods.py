"""Tests for models.dates.periods: reading free Chinese activity-time text into date spans."""
from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.dates.periods import (
    KINDS,
    PRECISIONS,
    Span,
    parse_periods,
    spans_from_json,
    spans_to_json,
    why_unparsed,
)

YEAR = 2021
WINDOW = (date(2021, 5, 11), date(2021, 5, 23))


def d(m: int, day: int, y: int = YEAR) -> date:
    """Shorthand for a date in the test year."""
    return date(y, m, day)


def day(m: int, dd: int, y: int = YEAR) -> Span:
    """A single exact day."""
    return Span(d(m, dd, y), d(m, dd, y), "exact", "day")


def ex(a: date | None, b: date | None, precision: str = "day") -> Span:
    """An exact span."""
    return Span(a, b, "exact", precision)


WIN = Span(WINDOW[0], WINDOW[1], "window", "window")
MAY = ex(d(5, 1), d(5, 31), "month")
WEEK_OF_20 = ex(d(5, 17), d(5, 23), "week")

# Every 活动时间 cell of the seed notice's two tables (and the notice body).
SEED_CASES = {
    "5月11日、12日": [day(5, 11), day(5, 12)],
    "5月11日、\n5月20日": [day(5, 11), day(5, 20)],
    "5月17日至5月23日": [ex(d(5, 17), d(5, 23))],
    "5月17日至5月19日": [ex(d(5, 17), d(5, 19))],
    "5月18日": [day(5, 18)],
    "5月19日": [day(5, 19)],
    "5月19日至21日": [ex(d(5, 19), d(5, 21))],
    "5月20日": [day(5, 20)],
    "5月20日前": [Span(None, d(5, 20), "by", "day")],
    "5月20日左右": [Span(d(5, 20), d(5, 20), "around", "day")],
    "5月20日前后": [Span(d(5, 20), d(5, 20), "around", "day")],
    "5月20日期间": [Span(d(5, 20), d(5, 20), "around", "day")],
    "5月下旬": [ex(d(5, 21), d(5, 31), "xun")],
    "5月": [MAY],
    "4—5月": [ex(d(4, 1), d(5, 31), "month")],
    # notice body
    "2021年5月11日至5月23日。": [ex(d(5, 11), d(5, 23))],
    "5月11日至12日": [ex(d(5, 11), d(5, 12))],
    "4月至5月底": [ex(d(4, 1), d(5, 31), "month")],
}

MORE_CASES = {
    # lengths, every weekday, quarters, a campaign-week note beside dates
    "5月20日起一周": [ex(d(5, 20), d(5, 26))],
    "5月15日起连续两周": [ex(d(5, 15), d(5, 28))],
    "5月20日起3天": [ex(d(5, 20), d(5, 22))],
    "5月20日前一周": [ex(d(5, 13), d(5, 19), "week")],
    "5月20日前3天": [ex(d(5, 17), d(5, 19))],
    "每周六": [ex(d(5, 15), d(5, 15)), ex(d(5, 22), d(5, 22))],
    "每周末上午": [ex(d(5, 15), d(5, 15)), ex(d(5, 16), d(5, 16)),
                ex(d(5, 22), d(5, 22)), ex(d(5, 23), d(5, 23))],
    "第三季度": [ex(d(7, 1), d(9, 30), "month")],
    "5月17-23日（宣传周）": [ex(d(5, 17), d(5, 23))],
    # brief examples not in the seed
    "5月中下旬": [ex(d(5, 11), d(5, 31), "xun")],
    "5月上中旬": [ex(d(5, 1), d(5, 20), "xun")],
    "上中旬": [ex(d(5, 1), d(5, 20), "xun")],
    "5月上旬": [ex(d(5, 1), d(5, 10), "xun")],
    "5月中旬": [ex(d(5, 11), d(5, 20), "xun")],
    "6月下旬": [ex(d(6, 21), d(6, 30), "xun")],
    "5·20期间": [WIN],
    "5.20期间": [WIN],
    "活动期间": [WIN],
    "宣传周期间": [WIN],
    "世界计量日期间": [WIN],
    "世界计量日宣传周期间": [WIN],
    "宣传周": [WIN],
    "5·19期间": [Span(d(5, 19), d(5, 19), "around", "day")],
    # dashes, tildes and range words
    "5月17日-5月23日": [ex(d(5, 17), d(5, 23))],
    "5月17日–5月23日": [ex(d(5, 17), d(5, 23))],
    "5月17日—5月23日": [ex(d(5, 17), d(5, 23))],
    "5月17日——5月23日": [ex(d(5, 17), d(5, 23))],
    "5月17日―23日": [ex(d(5, 17), d(5, 23))],
    "5月17日～23日": [ex(d(5, 17), d(5, 23))],
    "5月17日~23日": [ex(d(5, 17), d(5, 23))],
    "5月17日〜23日": [ex(d(5, 17), d(5, 23))],
    "5月17日‐23日": [ex(d(5, 17), d(5, 23))],
    "5月17日−23日": [ex(d(5, 17), d(5, 23))],
    "5月17日到23日": [ex(d(5, 17), d(5, 23))],
    "5月17日 至 5月23日": [ex(d(5, 17), d(5, 23))],
    "5月19-21日": [ex(d(5, 19), d(5, 21))],
    "4月28日至5月3日": [ex(d(4, 28), d(5, 3))],
    "4月28日至3日": [ex(d(4, 28), d(5, 3))],
    "12月30日至1月2日": [ex(d(12, 30), date(2022, 1, 2))],
    "4至5月": [ex(d(4, 1), d(5, 31), "month")],
    "5月中旬至6月上旬": [ex(d(5, 11), d(6, 10), "xun")],
    "5.11-5.23": [ex(d(5, 11), d(5, 23))],
    "5.11-12": [ex(d(5, 11), d(5, 12))],
    "5·18—5·23": [ex(d(5, 18), d(5, 23))],
    "自5月15日至20日": [ex(d(5, 15), d(5, 20))],
    "5月15日起至5月20日止": [ex(d(5, 15), d(5, 20))],
    "5月11日至23日期间": [ex(d(5, 11), d(5, 23))],
    # Chinese numerals, 号
    "五月二十日": [day(5, 20)],
    "五月廿日": [day(5, 20)],
    "十一日": [day(5, 11)],
    "五月三十一日": [day(5, 31)],
    "二〇二一年五月": [MAY],
    "二零二二年五月二十日": [day(5, 20, 2022)],
    "5月二十号": [day(5, 20)],
    "5月20号": [day(5, 20)],
    "十二月一日": [day(12, 1)],
    # explicit years and numeric forms
    "2021年5月20日": [day(5, 20)],
    "2022年5月": [ex(d(5, 1, 2022), d(5, 31, 2022), "month")],
    "2022年5月1日、3日": [day(5, 1, 2022), day(5, 3, 2022)],
    "2021-05-20": [day(5, 20)],
    "2021.5.20": [day(5, 20)],
    "2021/5/20": [day(5, 20)],
    "２０２１年５月２０日": [day(5, 20)],
    "5.20": [day(5, 20)],
    "5/20": [day(5, 20)],
    "5·20": [day(5, 20)],
    "“5·20”": [day(5, 20)],
    "5・20": [day(5, 20)],
    "5·20当天": [day(5, 20)],
    "世界计量日当天": [day(5, 20)],
    "世界计量日": [day(5, 20)],
    "5·20前后": [Span(d(5, 20), d(5, 20), "around", "day")],
    # times of day and weekday notes are ignored
    "5月20日上午9:00-11:30": [day(5, 20)],
    "5月20日（周四）下午": [day(5, 20)],
    "5月20日(星期四)": [day(5, 20)],
    "5月20日（五）": [day(5, 20)],
    "5月20日14:00": [day(5, 20)],
    "5月20日 14：00—16：00": [day(5, 20)],
    "5月20日9时": [day(5, 20)],
    "5月20日晚上7点半": [day(5, 20)],
    "五月二十日上午九点": [day(5, 20)],
    "5月20日下午2点-4点": [day(5, 20)],
    "5月20日9时至5月21日17时": [ex(d(5, 20), d(5, 21))],
    "5月1日—5月31日（每周六）": [ex(d(5, 1), d(5, 31))],
    # from / by
    "5月15日起": [Span(d(5, 15), None, "from", "day")],
    "5月15日开始": [Span(d(5, 15), None, "from", "day")],
    "从5月15日开始": [Span(d(5, 15), None, "from", "day")],
    "5月20日以后": [Span(d(5, 20), None, "from", "day")],
    "5月20日之后": [Span(d(5, 20), None, "from", "day")],
    "5月中旬起": [Span(d(5, 11), None, "from", "xun")],
    "5月20日至": [Span(d(5, 20), None, "from", "day")],
    "5月20日之前": [Span(None, d(5, 20), "by", "day")],
    "5月20日以前": [Span(None, d(5, 20), "by", "day")],
    "5月底前": [Span(None, d(5, 31), "by", "part")],
    "截至5月20日": [Span(None, d(5, 20), "by", "day")],
    "截止5月底": [Span(None, d(5, 31), "by", "part")],
    "截止到5月20日": [Span(None, d(5, 20), "by", "day")],
    "5月20日截止": [Span(None, d(5, 20), "by", "day")],
    "至5月20日": [Span(None, d(5, 20), "by", "day")],
    "本月底前": [Span(None, d(5, 31), "by", "part")],
    # parts of a month
    "5月初": [ex(d(5, 1), d(5, 10), "part")],
    "5月底": [ex(d(5, 21), d(5, 31), "part")],
    "5月末": [ex(d(5, 21), d(5, 31), "part")],
    "月中": [ex(d(5, 11), d(5, 20), "part")],
    "5月上半月": [ex(d(5, 1), d(5, 15), "part")],
    "5月下半月": [ex(d(5, 16), d(5, 31), "part")],
    "5月初至5月中旬": [ex(d(5, 1), d(5, 20), "part")],
    # weeks (2021-05-01 is a Saturday)
    "5月第一周": [ex(d(5, 1), d(5, 2), "week")],
    "5月第三周": [ex(d(5, 10), d(5, 16), "week")],
    "5月第3周": [ex(d(5, 10), d(5, 16), "week")],
    "5月第六周": [ex(d(5, 31), d(5, 31), "week")],
    "5月最后一周": [ex(d(5, 31), d(5, 31), "week")],
    "5·20当周": [WEEK_OF_20],
    "计量日所在周": [WEEK_OF_20],
    "5月20日当周": [WEEK_OF_20],
    "5月20日所在周": [WEEK_OF_20],
    # lists
    "5月11日、5月15日至18日": [day(5, 11), ex(d(5, 15), d(5, 18))],
    "5月11、12日": [day(5, 11), day(5, 12)],
    "5月20日、21日、22日": [day(5, 20), day(5, 21), day(5, 22)],
    "5月20、21、22日": [day(5, 20), day(5, 21), day(5, 22)],
    "5月11日和12日": [day(5, 11), day(5, 12)],
    "5月11日及5月20日": [day(5, 11), day(5, 20)],
    "5月11日；5月20日": [day(5, 11), day(5, 20)],
    "5月11日，5月20日": [day(5, 11), day(5, 20)],
    "5月11日 5月20日": [day(5, 11), day(5, 20)],
    "5月上旬、中旬": [ex(d(5, 1), d(5, 10), "xun"), ex(d(5, 11), d(5, 20), "xun")],
    "4、5月": [ex(d(4, 1), d(4, 30), "month"), MAY],
    "5月20日、5月20日": [day(5, 20)],
    # window start
    "即日起至5月底": [ex(WINDOW[0], d(5, 31), "part")],
    "即日起": [Span(WINDOW[0], None, "from", "window")],
    # no date at all
    "全年": [],
    "常态化开展": [],
    "待定": [],
    "另行通知": [],
    "9时": [],
    "晚上": [],
    "5-20": [],
    "": [],
    "   ": [],
    # invalid items are skipped, the rest stays
    "2月30日": [],
    "13月": [],
    "5月23日至5月17日": [],
    "2021年2月29日": [],
    "2020年2月29日": [day(2, 29, 2020)],
    "5月11日、2月30日": [day(5, 11)],
}


def _seed_times(text: str) -> list[str]:
    """The 活动时间 cells of the tab-indented tables in the seed notice."""
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.strip() == "" and not line.startswith("\t"):
            blocks.append([])
        else:
            blocks[-1].append(line)
    times, col = [], None
    for block in blocks:
        if not block or not block[0].startswith("\t"):
            continue
        cells: list[str] = []
        for line in block:
            if line.startswith("\t"):
                cells.append(line[1:])
            elif cells:
                cells[-1] += "\n" + line
        if cells[0] == "序号":
            col = cells.index("活动时间")
        elif col is not None and len(cells) > col:
            times.append(cells[col])
    return times


@pytest.mark.parametrize("text", list(SEED_CASES) + list(MORE_CASES))
def test_reading(text: str) -> None:
    expected = SEED_CASES.get(text, MORE_CASES.get(text))
    assert parse_periods(text, YEAR, WINDOW) == expected


def test_seed_file_times_all_read(seed_text: str) -> None:
    times = _seed_times(seed_text)
    assert len(times) == 29
    for text in times:
        assert text in SEED_CASES, text
        assert parse_periods(text, YEAR, WINDOW) == SEED_CASES[text]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "空白"),
        ("  \n", "空白"),
        ("13月", "月份无效：13月"),
        ("2月30日", "日期不存在：2月30日"),
        ("5月23日至5月17日", "起止颠倒：5月23日至5月17日"),
        ("全年", "全年开展，没有具体日期"),
        ("常态化开展", "常态化开展，没有具体日期"),
        ("待定", "时间待定"),
        ("另行通知", "时间另行通知"),
        ("视情况安排", "没有可识别的日期"),
        ("5月20日", ""),
    ],
)
def test_why_unparsed(text: str, reason: str) -> None:
    assert why_unparsed(text, YEAR) == reason


def test_why_unparsed_default_year_and_garbage() -> None:
    assert why_unparsed(None) == "空白"  # type: ignore[arg-type]
    assert why_unparsed("\x00\U0001f600") == "没有可识别的日期"
    assert why_unparsed("5月20日") == ""  # read in this year


def test_explicit_year_overrides_argument() -> None:
    assert parse_periods("2022年5月20日", 2030, WINDOW) == [day(5, 20, 2022)]
    assert parse_periods("5月20日", 2030, WINDOW) == [day(5, 20, 2030)]


def test_non_str_and_bad_window_do_not_raise() -> None:
    assert parse_periods(None, YEAR, WINDOW) == []  # type: ignore[arg-type]
    assert parse_periods("5月20日", YEAR, None) == []  # type: ignore[arg-type]
    assert parse_periods("5月20日", YEAR, [WINDOW[0], WINDOW[1]]) == [day(5, 20)]  # type: ignore[arg-type]


def test_clipped_and_covers() -> None:
    by = Span(None, d(5, 20), "by", "day")
    assert by.clipped(WINDOW) == (d(5, 11), d(5, 20))
    assert by.covers(d(5, 11), WINDOW) and not by.covers(d(5, 21), WINDOW)
    frm = Span(d(5, 15), None, "from", "day")
    assert frm.clipped(WINDOW) == (d(5, 15), d(5, 23))
    april = ex(d(4, 1), d(4, 30), "month")
    assert april.clipped(WINDOW) is None and not april.covers(d(4, 5), WINDOW)
    assert MAY.clipped(WINDOW) == WINDOW
    assert not MAY.covers(d(5, 5), WINDOW)


def test_dict_and_json_shapes() -> None:
    span = Span(None, d(5, 20), "by", "day")
    assert span.to_dict() == {"start": None, "end": "2021-05-20", "kind": "by", "precision": "day"}
    assert Span.from_dict(span.to_dict()) == span
    text = spans_to_json([span, day(5, 11)])
    assert text == '[[null,"2021-05-20","by","day"],["2021-05-11","2021-05-11","exact","day"]]'
    assert spans_from_json(text) == [span, day(5, 11)]
    assert spans_from_json(json.dumps([span.to_dict()])) == [span]
    assert spans_from_json("") == []
    with pytest.raises(ValueError):
        Span.from_dict({"start": None, "end": None, "kind": "soon", "precision": "day"})


# ---------------------------------------------------------------- properties

_GENRE = st.sampled_from(
    list("0123456789年月日号至到-—~～、，,；;和及 \n()（）周星期上中下旬初底末前后起左右期间当天第一二三十廿〇·./:")
    + ["5月", "20日", "截至", "即日起", "活动期间", "计量日", "所在周", "上午9:00", "2021年"]
)
_TEXTS = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
    st.lists(_GENRE, max_size=40).map("".join),
    st.integers(min_value=1, max_value=10_000).map(lambda n: ("5月20日、\x00\U0001f600" * n)[:10_000]),
)


def _check_spans(spans: object) -> None:
    assert isinstance(spans, list)
    for s in spans:
        assert isinstance(s, Span)
        assert s.kind in KINDS and s.precision in PRECISIONS
        if s.start is not None and s.end is not None:
            assert s.start <= s.end


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_never_raises_and_spans_are_sane(text: str) -> None:
    from models.dates.periods import _analyse

    _analyse.cache_clear()
    spans = parse_periods(text, YEAR, WINDOW)
    _check_spans(spans)
    # the inner reader itself must not rely on the public last-resort guard
    _analyse(text, YEAR, WINDOW)
    # Whatever gives no date, the user is told why (why_unparsed reads in the whole year).
    year = (date(YEAR, 1, 1), date(YEAR, 12, 31))
    assert parse_periods(text, YEAR, year) or why_unparsed(text, YEAR)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_round_trips(text: str) -> None:
    spans = parse_periods(text, YEAR, WINDOW)
    for s in spans:
        assert Span.from_dict(s.to_dict()) == s
        assert json.loads(json.dumps(s.to_dict())) == s.to_dict()
    assert spans_from_json(spans_to_json(spans)) == spans


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.none(), st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31))),
    st.one_of(st.none(), st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31))),
    st.sampled_from(KINDS),
    st.sampled_from(PRECISIONS),
)
def test_span_round_trip_any(a: date | None, b: date | None, kind: str, precision: str) -> None:
    if a and b and a > b:
        a, b = b, a
    span = Span(a, b, kind, precision)
    assert Span.from_dict(span.to_dict()) == span
    assert spans_from_json(spans_to_json([span])) == [span]


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.none(), st.dates(min_value=date(2021, 1, 1), max_value=date(2021, 12, 31))),
    st.one_of(st.none(), st.dates(min_value=date(2021, 1, 1), max_value=date(2021, 12, 31))),
    st.dates(min_value=date(2021, 4, 1), max_value=date(2021, 6, 30)),
    st.integers(min_value=0, max_value=40),
)
def test_calendar_and_ics_days_agree(a: date | None, b: date | None, first: date,
                                     length: int) -> None:
    """The calendar's bar (clipped) is the calendar file's event (ends) cut to the window."""
    if a and b and a > b:
        a, b = b, a
    span, window = Span(a, b, "exact", "day"), (first, first + timedelta(days=length))
    lo, hi = a or window[0], b or window[1]  # open ends reach the window's edges
    inside = (max(lo, window[0]), min(hi, window[1]))
    assert span.clipped(window) == (inside if inside[0] <= inside[1] else None)
    ends = span.ends(window)
    assert ends is not None and ends[0] <= ends[1]
    assert (a is None or ends[0] == a) and (b is None or ends[1] == b)  # fixed ends kept
