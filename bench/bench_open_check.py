"""What the open-time check of every page (PRAGMA quick_check) costs at 100,000 activities.

open_database runs SQLite's quick_check on every open, so a database with a damaged page is
refused with the way back (恢复备份) instead of failing half-way through a command. This
times opening a 100,000-activity database file with the check and, in the same process, with
the check replaced by nothing (the baseline), and loading the campaign after it (what the
window and every export do next). The bound: the check adds at most a quarter to the open and
load together.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.generate import make_campaign_db  # noqa: E402
from models.db import db_file  # noqa: E402
from models.db.opening import open_database  # noqa: E402

ROWS = 100_000
RUNS = 5
BOUND = 1.25


def _timed_open(path: Path) -> tuple[float, float]:
    """Seconds to open the database (a reader) and to load its campaign."""
    start = time.perf_counter()
    store = open_database(path)
    opened = time.perf_counter()
    store.load()
    loaded = time.perf_counter()
    store.close()
    return opened - start, loaded - opened


def _median_open(path: Path) -> tuple[float, float]:
    """Median open and load times over RUNS (after one warm-up that fills the OS cache)."""
    _timed_open(path)
    runs = [_timed_open(path) for _ in range(RUNS)]
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))


def main() -> int:
    """Print the open with and without the check, and the ratio of open + load."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "national.sqlite3"
        make_campaign_db(path, ROWS).close()
        size_mb = path.stat().st_size / 1024 / 1024
        checked_open, load = _median_open(path)
        real_check = db_file.check_health
        db_file.check_health = lambda conn, path: None
        try:
            bare_open, bare_load = _median_open(path)
        finally:
            db_file.check_health = real_check
    check = checked_open - bare_open
    ratio = (checked_open + load) / (bare_open + bare_load)
    print(f"{ROWS:,} activities, {size_mb:.1f} MB file; median of {RUNS} opens")
    print(f"open with quick_check:    {checked_open * 1000:7.1f} ms")
    print(f"open without (baseline):  {bare_open * 1000:7.1f} ms  → the check costs "
          f"{check * 1000:.1f} ms")
    print(f"then loading the campaign: {load * 1000:6.1f} ms")
    verdict = "PASS" if ratio <= BOUND else "MISS"
    print(f"open + load, with / without the check: {ratio:.2f}× (bound {BOUND}×) {verdict}")
    return 0 if ratio <= BOUND else 1


if __name__ == "__main__":
    sys.exit(main())
