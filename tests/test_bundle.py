"""The frozen program as the coordinator receives it: built, unpacked elsewhere, run with `env -i`."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PyInstaller", reason="PyInstaller comes with the dist extra")

from bundle.contents import PROGRAM  # noqa: E402
from bundle.freeze import archive, build, command_line_executable, executable  # noqa: E402
from tests.conftest import REPO  # noqa: E402
from tests.test_version import setup_cfg_version  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def received(tmp_path_factory) -> Path:
    """The bundle built from this tree, packed, and unpacked on "another PC" (a fresh folder)."""
    built = build(tmp_path_factory.mktemp("dist"), tmp_path_factory.mktemp("pyinstaller-work"))
    packed = archive(built)
    office_pc = tmp_path_factory.mktemp("office-pc")
    shutil.unpack_archive(packed, office_pc)
    shutil.rmtree(built.parent)  # nothing left where it was built
    return office_pc / PROGRAM


def new_user(home: Path) -> dict[str, str]:
    """The clean environment of a user who has never run the program: HOME, TMPDIR, headless Qt."""
    (home / "tmp").mkdir(parents=True)
    return {"HOME": str(home), "TMPDIR": str(home / "tmp"), "QT_QPA_PLATFORM": "offscreen"}


@pytest.fixture(scope="session")
def user(tmp_path_factory) -> dict[str, str]:
    """One user who runs every command in turn."""
    return new_user(tmp_path_factory.mktemp("user"))


def run_clean(program: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """Run program with only env set, as `env -i` does (no PATH, no venv, no PYTHONPATH)."""
    if os.name == "nt":
        command, environment = [str(program), *args], {**env, "SYSTEMROOT": os.environ["SYSTEMROOT"]}
    else:
        command = ["env", "-i", *(f"{k}={v}" for k, v in env.items()), str(program), *args]
        environment = {}
    return subprocess.run(command, cwd=env["TMPDIR"], env=environment, capture_output=True,
                          text=True, encoding="utf-8", timeout=180)


def succeeded(result: subprocess.CompletedProcess[str]) -> str:
    """The output of a run that exited 0 with no traceback."""
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return result.stdout


@pytest.fixture(scope="session")
def frozen(received, user):
    """Run the frozen command-line program as that user; its output."""
    return lambda *args: succeeded(run_clean(command_line_executable(received), user, *args))


def names_of_activities(campaign_data) -> list[str]:
    return [a.name for a in campaign_data.activities]


def test_version_is_baked_into_the_bundle(frozen):
    assert frozen("--version").strip() == f"{PROGRAM} {setup_cfg_version()}"


def test_first_start_creates_the_seeded_database_in_the_users_data_dir(frozen, user,
                                                                        campaign_data):
    out = frozen("activities")
    assert (Path(user["HOME"]) / ".local/share/SHSAMR/MetrologyDay/campaigns.sqlite3").is_file()
    for name in names_of_activities(campaign_data):
        assert f"】{name}\n" in out
    assert "主办单位：市局，浦东新区政府、上海科创办、国家计量院" in out


def _image(path: Path):
    from PySide6.QtGui import QImage
    image = QImage(str(path))
    assert not image.isNull(), f"{path} is not a picture"
    return image.convertToFormat(QImage.Format.Format_RGB32)


def _differing_pixels(a, b) -> float:
    """The share of pixels that differ between two same-size pictures."""
    assert (a.width(), a.height()) == (b.width(), b.height())
    same = bytes(a.constBits()) == bytes(b.constBits())
    if same:
        return 0.0
    changed = sum(a.pixel(x, y) != b.pixel(x, y)
                  for y in range(0, a.height(), 2) for x in range(0, a.width(), 2))
    return changed / ((a.height() + 1) // 2 * ((a.width() + 1) // 2))


@pytest.mark.parametrize("view", ["table", "calendar"])
def test_screenshots_match_the_program_run_from_source(received, qapp, view, tmp_path):
    frozen_png, source_png = tmp_path / "frozen.png", tmp_path / "source.png"
    succeeded(run_clean(executable(received), new_user(tmp_path / "frozen-user"),
                        "--screenshot", str(frozen_png), "--view", view))
    succeeded(run_clean(Path(sys.executable), new_user(tmp_path / "source-user"),
                        str(REPO / "main.py"), "--screenshot", str(source_png), "--view", view))
    painted, expected = _image(frozen_png), _image(source_png)
    assert painted.width() >= 800 and painted.height() >= 500
    assert len({painted.pixel(x, y) for y in range(0, painted.height(), 7)
                for x in range(0, painted.width(), 7)}) > 50       # text, tabs, colours
    assert _differing_pixels(painted, expected) < 0.01


def test_word_exports_hold_the_seed_text(frozen, user, campaign_data):
    from docx import Document
    folder = Path(user["TMPDIR"])
    frozen("export", "notice", "-o", str(folder / "notice.docx"))
    frozen("export", "appendix", "-o", str(folder / "appendix.docx"))
    notice = "\n".join(p.text for p in Document(str(folder / "notice.docx")).paragraphs)
    assert campaign_data.campaign.doc_number in notice
    assert campaign_data.campaign.title.replace("\n", "") in notice.replace("\n", "")
    appendix = Document(str(folder / "appendix.docx"))
    cells = {cell.text for table in appendix.tables for row in table.rows for cell in row.cells}
    assert set(names_of_activities(campaign_data)) <= cells


def test_excel_export_holds_the_seed_text(frozen, user, campaign_data):
    from openpyxl import load_workbook
    path = Path(user["TMPDIR"]) / "appendix.xlsx"
    frozen("export", "appendix", "-o", str(path))
    book = load_workbook(path, read_only=True)
    values = {cell for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
              for cell in row}
    book.close()
    assert set(names_of_activities(campaign_data)) <= values


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext missing")
def test_pdf_export_holds_the_seed_text(frozen, user, campaign_data):
    from tests.test_pdf_export import _loose, _squash
    path = Path(user["TMPDIR"]) / "appendix.pdf"
    frozen("export", "appendix", "--format", "pdf", "-o", str(path))
    assert path.read_bytes().startswith(b"%PDF-")
    text = _squash(subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True,
                                  text=True, check=True).stdout)
    for name in names_of_activities(campaign_data):
        assert re.search(_loose(name), text), name


def test_calendar_export_has_an_event_for_every_dated_activity(frozen, user, campaign_data):
    from icalendar import Calendar
    path = Path(user["TMPDIR"]) / "campaign.ics"
    frozen("export", "calendar", "-o", str(path))
    calendar = Calendar.from_ical(path.read_bytes())
    summaries = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
    assert any("第二届全国产业计量（上海）大会" in summary for summary in summaries)
    assert len(summaries) >= len(names_of_activities(campaign_data)) // 2


def test_a_template_goes_out_and_comes_back_in(frozen, user):
    from openpyxl import load_workbook
    path = Path(user["TMPDIR"]) / "黄浦.xlsx"
    assert "已生成" in frozen("template", "--unit", "黄浦", "-o", str(path))
    book = load_workbook(path)
    assert any("黄浦区市场监管局" in str(cell) for sheet in book.worksheets
               for row in sheet.iter_rows(values_only=True) for cell in row)
    out = frozen("import", str(path))
    assert "已导入：黄浦区市场监管局" in out and "错误 0 处" in out


def test_the_bundle_carries_qt_chinese_and_only_the_plugins_it_uses(received):
    files = {p.relative_to(received).as_posix() for p in received.rglob("*") if p.is_file()}
    translations = {Path(f).name for f in files if "/translations/" in f and "PySide6" in f}
    assert translations == {"qtbase_zh_CN.qm", "qtbase_en.qm"}
    plugins = {f.split("/plugins/")[1] for f in files if "PySide6" in f and "/plugins/" in f}
    folders = {p.split("/")[0] for p in plugins}
    assert {"platforms", "printsupport", "platforminputcontexts"} <= folders
    assert not folders & {"imageformats", "iconengines", "tls", "sqldrivers", "platformthemes",
                          "networkinformation", "egldeviceintegrations", "generic"}
    assert any(p.startswith("platforms/") and ("xcb" in p or "windows" in p) for p in plugins)


@pytest.mark.skipif(shutil.which("xvfb-run") is None or os.name == "nt",
                    reason="needs xvfb-run for a real X display")
def test_the_window_opens_on_a_real_x_display(received, user, qapp):
    png = Path(user["TMPDIR"]) / "x11.png"
    env = {k: v for k, v in user.items() if k != "QT_QPA_PLATFORM"}
    # A desktop session gives its programs DISPLAY and XAUTHORITY; xvfb-run sets both.
    clean_start = ('exec env -i HOME="$1" TMPDIR="$2" DISPLAY="$DISPLAY" XAUTHORITY="$XAUTHORITY"'
                   ' "$3" --screenshot "$4"')
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", "sh", "-c", clean_start, "sh",
         env["HOME"], env["TMPDIR"], str(executable(received)), str(png)],
        capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    assert _image(png).width() >= 800
