"""Time check_workbook on a 10,000-row returned workbook against openpyxl's own read-only read."""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import load_workbook  # noqa: E402

from exporters.xlsx_template import write_templates  # noqa: E402
from importers.workbook import check_workbook  # noqa: E402
from models.db.opening import open_database  # noqa: E402

ROWS = 10_000
TIMES = ("5月20日", "5月17日至5月23日", "5月下旬", "5月20日前", "常态化开展", "4—5月")


def make_workbook(folder: Path) -> Path:
    """A 黄浦 template filled with ROWS activities, as a returned file."""
    store = open_database(None)
    [path] = write_templates(store.load(), folder / "黄浦.xlsx", unit="黄浦", every=False)
    wb = load_workbook(path)
    ws = wb["活动安排"]
    for n in range(ROWS):
        row = 4 + n
        ws.cell(row, 1, n + 1)
        ws.cell(row, 2, f"计量惠民活动{n}")
        ws.cell(row, 3, f"开展计量便民服务及深入校园举办眼镜计量讲座，第{n}场")
        ws.cell(row, 4, TIMES[n % len(TIMES)])
        ws.cell(row, 5, "微信、抖音")
        ws.cell(row, 6, "黄浦区市场监管局")
    wb.save(path)
    store.close()
    return path


def openpyxl_read(path: Path) -> int:
    """openpyxl's own read-only pass over every sheet's values."""
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        return sum(1 for ws in wb.worksheets for _row in ws.iter_rows(values_only=True))
    finally:
        wb.close()


def best_of(runs: int, action) -> float:
    """The fastest of several timed runs, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    """Print both timings and their ratio; exit 1 when over 2×."""
    with tempfile.TemporaryDirectory() as folder:
        path = make_workbook(Path(folder))
        store = open_database(None)
        data = store.load()
        plan = check_workbook(data, path)
        assert plan.ok and len(plan.activities) == ROWS, plan.as_text()[:500]
        base = best_of(3, lambda: openpyxl_read(path))
        ours = best_of(3, lambda: check_workbook(data, path))
        store.close()
    ratio = ours / base
    print(f"openpyxl read-only: {base:.3f} s; check_workbook: {ours:.3f} s; ratio {ratio:.2f}× "
          f"(target ≤ 2×) for {ROWS} rows")
    return 0 if ratio <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
