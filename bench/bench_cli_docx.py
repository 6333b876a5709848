"""A 5,030-row Word appendix export as a whole `main.py` process, side by side with a bare
python-docx script that writes the same table as raw XML: the ratio should be at most 2×."""
from __future__ import annotations

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


def wall(command: list[str]) -> float:
    """Seconds one process takes from start to exit; it must succeed."""
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def main() -> int:
    """Alternate the two processes RUNS times each; print medians and their ratio."""
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "c.sqlite3"
        make_campaign_db(db, ROWS).close()
        ours_cmd = [sys.executable, str(ROOT / "main.py"), "--db", str(db), "export", "appendix",
                    "-o", str(Path(folder) / "ours.docx")]
        bare_cmd = [sys.executable, "-c", BARE_SCRIPT, str(db), str(Path(folder) / "bare.docx")]
        wall(ours_cmd)  # warm the file cache and the .pyc files of both
        wall(bare_cmd)
        ours, bare = [], []
        for _ in range(RUNS):
            ours.append(wall(ours_cmd))
            bare.append(wall(bare_cmd))
    ratio = statistics.median(ours) / statistics.median(bare)
    print(f"{ROWS} rows, median of {RUNS} processes each, alternating:")
    print(f"  main.py export appendix   {statistics.median(ours):.3f} s  "
          f"(runs {', '.join(f'{t:.2f}' for t in ours)})")
    print(f"  bare python-docx script   {statistics.median(bare):.3f} s  "
          f"(runs {', '.join(f'{t:.2f}' for t in bare)})")
    verdict = "PASS" if ratio <= TARGET_RATIO else "MISS"
    print(f"{verdict} ratio {ratio:.2f}× (target ≤ {TARGET_RATIO}×)")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
