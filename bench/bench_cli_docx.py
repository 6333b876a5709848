"""A 5,030-row Word appendix export as a whole `main.py` process, side by side with a bare
python-docx script that writes the same table as raw XML: the ratio should be at most 2×."""
from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.generate import make_campaign_db  # noqa: E402

ROWS = 5030
RUNS = 5
TARGET_RATIO = 2.0

BARE_SCRIPT = r'''
import sqlite3, sys
from xml.sax.saxutils import escape
from docx import Document
from docx.oxml import parse_xml

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
COLUMNS = {"市级": ("group_no", "name", "content", "time_text", "publicity_forms",
                   "publicity_content", "responsible"),
           "区级": ("group_no", "name", "content", "time_text", "publicity_forms",
                   "responsible")}
conn = sqlite3.connect(sys.argv[1])
document = Document()
body = document.element.body
for level, columns in COLUMNS.items():
    rows = conn.execute(f"SELECT {', '.join(columns)} FROM activities WHERE level = ? "
                        "ORDER BY group_no, position, id", [level])
    xml = [f"<w:tbl {W}>"]
    for row in rows:
        xml.append("<w:tr>" + "".join(
            f"<w:tc><w:p><w:r><w:t>{escape(str(value))}</w:t></w:r></w:p></w:tc>"
            for value in row) + "</w:tr>")
    xml.append("</w:tbl>")
    body.append(parse_xml("".join(xml)))
document.save(sys.argv[2])
'''


def timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds one process takes; it must succeed.

    CPU time is printed too: on a shared machine it moves far less than wall time.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _line(name: str, runs: list[tuple[float, float]]) -> str:
    """Median wall and CPU seconds of some runs, and the wall times."""
    return (f"  {name:<26}{statistics.median(r[0] for r in runs):6.3f} s wall, "
            f"{statistics.median(r[1] for r in runs):6.3f} s CPU  "
            f"(wall: {', '.join(f'{r[0]:.2f}' for r in runs)})")


def main() -> int:
    """Alternate the two processes RUNS times each; print medians and their ratio."""
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "c.sqlite3"
        make_campaign_db(db, ROWS).close()
        ours_cmd = [sys.executable, str(ROOT / "main.py"), "--db", str(db), "export", "appendix",
                    "-o", str(Path(folder) / "ours.docx")]
        bare_cmd = [sys.executable, "-c", BARE_SCRIPT, str(db), str(Path(folder) / "bare.docx")]
        timed(ours_cmd)  # warm the file cache and the .pyc files of both
        timed(bare_cmd)
        ours, bare = [], []
        for _ in range(RUNS):
            ours.append(timed(ours_cmd))
            bare.append(timed(bare_cmd))
    ratio = statistics.median(r[0] for r in ours) / statistics.median(r[0] for r in bare)
    cpu_ratio = statistics.median(r[1] for r in ours) / statistics.median(r[1] for r in bare)
    print(f"{ROWS} rows, median of {RUNS} processes each, alternating:")
    print(_line("main.py export appendix", ours))
    print(_line("bare python-docx script", bare))
    verdict = "PASS" if ratio <= TARGET_RATIO else "MISS"
    print(f"{verdict} ratio {ratio:.2f}× wall (target ≤ {TARGET_RATIO}×), {cpu_ratio:.2f}× CPU")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
