"""Commands that draw nothing never load Qt; the data folder is still the one Qt would pick."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import REPO

RUN = """
import json, sys
sys.path.insert(0, sys.argv[1])
from main import main
codes = [main(["--db", sys.argv[2]] + command) for command in json.loads(sys.argv[3])]
print(json.dumps({"codes": codes, "qt": sorted(m for m in sys.modules if m.startswith("PySide6"))}))
"""


def test_commands_that_draw_nothing_do_not_import_qt(tmp_path):
    out = tmp_path
    commands = [["activities"], ["activities", "--level", "区级", "--day", "2021-05-20"],
                ["export", "notice", "-o", str(out / "n.docx")],
                ["export", "appendix", "-o", str(out / "a.docx")],
                ["export", "appendix", "-o", str(out / "a.xlsx")],
                ["export", "calendar", "-o", str(out / "c.ics")],
                ["export", "checklist", "-o", str(out / "k.xlsx")],
                ["template", "--unit", "黄浦", "-o", str(out / "t.xlsx")],
                ["import", "--dry-run", str(out / "t.xlsx")]]
    result = subprocess.run([sys.executable, "-c", RUN, str(REPO), str(out / "c.sqlite3"),
                             json.dumps(commands)], capture_output=True, text=True,
                            timeout=300, cwd=out)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert report == {"codes": [0] * len(commands), "qt": []}
    assert (out / "a.docx").stat().st_size > 0 and (out / "k.xlsx").stat().st_size > 0


def test_a_pdf_export_still_paints_through_qt(tmp_path):
    result = subprocess.run([sys.executable, "-c", RUN, str(REPO), str(tmp_path / "c.sqlite3"),
                             json.dumps([["export", "appendix", "-o", str(tmp_path / "a.pdf")]])],
                            capture_output=True, text=True, timeout=300, cwd=tmp_path,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["codes"] == [0] and "PySide6.QtGui" in report["qt"]
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")


def test_the_default_database_is_in_the_folder_qt_names(tmp_path):
    script = ("from PySide6.QtCore import QStandardPaths; from models.db.paths import "
              "default_database_path, set_application_identity; set_application_identity(); "
              "print(QStandardPaths.writableLocation(QStandardPaths.StandardLocation"
              ".AppDataLocation)); print(default_database_path().parent)")
    for env in ({"XDG_DATA_HOME": str(tmp_path / "data")}, {"HOME": str(tmp_path / "home")}):
        clean = {k: v for k, v in os.environ.items() if k != "XDG_DATA_HOME"}
        result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True,
                                text=True, timeout=120, env={**clean, **env})
        assert result.returncode == 0, result.stderr
        qt_folder, ours = result.stdout.splitlines()
        assert ours == qt_folder and str(tmp_path) in ours
