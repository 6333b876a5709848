"""Time models.dates.periods over 100,000 generated activity-time texts (not part of the test suite)."""
from __future__ import annotations

import random
import re
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models.dates.periods import _analyse, parse_periods  # noqa: E402

N = 100_000
YEAR = 2021
WINDOW = (date(2021, 5, 11), date(2021, 5, 23))
_CN = "〇一二三四五六七八九"

TEMPLATES = [
    "{m}月{d}日",
    "{m}月{d}日、{d2}日",
    "{m}月{d}日、\n{m}月{d2}日",
    "{m}月{d}日至{m}月{d2}日",
    "{m}月{d}日至{d2}日",
    "{m}月{d}-{d2}日",
    "{m}月{d}日前",
    "{m}月{d}日起",
    "截至{m}月{d}日",
    "{m}月{d}日左右",
    "{m}月{d}日前后",
    "{m}月{d}日期间",
    "{m}月{xun}",
    "{m}月",
    "{m0}—{m}月",
    "{m0}月至{m}月底",
    "{m}月第{w}周",
    "5·20期间",
    "活动期间",
    "5·20当周",
    "2021年{m}月{d}日",
    "2021-{m:02d}-{d:02d}",
    "{m}.{d}",
    "{m}月{d}日上午9:00-11:30",
    "{m}月{d}日（周四）下午",
    "{cm}月{cd}日",
    "即日起至{m}月底",
    "全年",
    "常态化开展",
]


def _cn(n: int) -> str:
    """Small Chinese numeral."""
    if n < 10:
        return _CN[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[units] if units else "")


def make_texts(n: int, seed: int = 520) -> list[str]:
    """n realistic activity-time texts."""
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        m, d = rnd.randint(4, 6), rnd.randint(1, 28)
        out.append(
            rnd.choice(TEMPLATES).format(
                m=m, m0=m - 1, d=d, d2=min(d + rnd.randint(1, 5), 30),
                xun=rnd.choice(["上旬", "中旬", "下旬", "中下旬", "初", "底"]),
                w=rnd.randint(1, 4), cm=_cn(m), cd=_cn(d),
            )
        )
    return out


def _time(fn, texts: list[str]) -> float:
    """Seconds to run fn over every text."""
    t0 = time.perf_counter()
    for t in texts:
        fn(t)
    return time.perf_counter() - t0


def main() -> None:
    """Print timings and ratios against a plain regex baseline."""
    texts = make_texts(N)
    digits = re.compile(r"\d+")
    base = _time(digits.findall, texts)
    raw = _analyse.__wrapped__
    uncached = _time(lambda t: raw(t, YEAR, WINDOW), texts)
    _analyse.cache_clear()
    cached = _time(lambda t: parse_periods(t, YEAR, WINDOW), texts)
    print(f"{N} texts ({len(set(texts))} distinct)")
    print(f"baseline re.findall(r'\\d+'): {base:.3f} s")
    print(f"parse, no cache:            {uncached:.3f} s  ({uncached / N * 1e6:.1f} µs/text, x{uncached / base:.1f})")
    print(f"parse_periods (lru_cache):  {cached:.3f} s  ({cached / N * 1e6:.1f} µs/text, x{cached / base:.1f})")


if __name__ == "__main__":
    main()
