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
    packed = archive(built, level=1)  # the release packs at level 9; same files, faster here
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


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="LD_DEBUG is glibc's")
def test_commands_that_draw_nothing_load_no_qt(received, user):
    # The glibc loader lists every library it initialises; the PDF export shows it sees Qt.
    traced = {**user, "LD_DEBUG": "files"}
    folder = Path(user["TMPDIR"])
    printing = run_clean(executable(received), traced, "activities")
    drawing = run_clean(executable(received), traced, "export", "appendix", "--format", "pdf",
                        "-o", str(folder / "traced.pdf"))
    assert printing.returncode == drawing.returncode == 0
    assert "libQt6Core" not in printing.stderr
    assert "libQt6Core" in drawing.stderr


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
    from tests.test_pdf_export import _squash
    path = Path(user["TMPDIR"]) / "appendix.pdf"
    frozen("export", "appendix", "--format", "pdf", "-o", str(path))
    assert path.read_bytes().startswith(b"%PDF-")
    text = _squash(subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True,
                                  text=True, check=True).stdout)
    for name in names_of_activities(campaign_data):
        assert _squash(name) in text, name  # the real characters, no look-alike radicals


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
    sheet = book["活动安排"]
    sheet["B4"] = "计量惠民（修改后）"  # the unit's reply changes its activity
    book.save(path)
    out = frozen("import", str(path))
    assert "已导入：黄浦区市场监管局" in out and "错误 0 处" in out
    assert "计量惠民（修改后）" in frozen("activities", "--level", "区级")


def test_a_summary_is_received_and_compiled_in_the_bundle(frozen, user, qapp):
    from docx import Document

    from tests.reply_shapes import unit_made_table
    from tests.summary_docs import summary_docx
    folder = Path(user["TMPDIR"])
    summary = summary_docx(folder / "徐汇总结.docx", "徐汇", "red")
    assert "已收到“徐汇总结.docx”" in frozen("receive", "--unit", "徐汇", str(summary),
                                             "--date", "2021-05-21")
    assert "已导入：黄浦区市场监管局" in frozen("import", str(unit_made_table(folder / "r.docx")))
    frozen("export", "summaries", "-o", str(folder / "汇编.docx"))
    texts = [p.text for p in Document(str(folder / "汇编.docx")).paragraphs]
    assert "徐汇区市场监管局" in texts and "徐汇活动总结标题" in texts


def test_the_bundle_keeps_only_the_babel_locales_it_needs_and_docxcompose_data(received):
    files = {p.relative_to(received).as_posix() for p in received.rglob("*") if p.is_file()}
    locales = {Path(f).stem for f in files if "babel/locale-data/" in f}
    assert "zh_Hans_CN" in locales and "en_US" in locales and "de" not in locales
    assert any(f.endswith("docxcompose/templates/footnotes.xml") for f in files)


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


def _x_missing() -> str | None:
    """Why the bundle cannot open a window on X here (the program's own reason for missing
    X11 libraries, see ui/desktop_libraries.py), or None."""
    if shutil.which("xvfb-run") is None or os.name == "nt":
        return "needs xvfb-run for a real X display"
    from ui.desktop_libraries import missing_message, missing_packages
    missing = missing_packages()
    return missing_message(missing).strip() if missing else None


needs_x = pytest.mark.skipif(_x_missing() is not None, reason=_x_missing() or "")


def screenshot_on_x(program: Path, user: dict[str, str]) -> Path:
    """A --screenshot of program on an X server (Xvfb), started with a clean environment."""
    png = Path(user["TMPDIR"]) / "x11.png"
    # A desktop session gives its programs DISPLAY and XAUTHORITY; xvfb-run sets both.
    clean_start = ('exec env -i HOME="$1" TMPDIR="$2" DISPLAY="$DISPLAY" XAUTHORITY="$XAUTHORITY"'
                   ' "$3" --screenshot "$4"')
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", "sh", "-c", clean_start, "sh",
         user["HOME"], user["TMPDIR"], str(program), str(png)],
        capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    return png


@needs_x
def test_the_window_opens_on_a_real_x_display(received, qapp, tmp_path):
    assert _image(screenshot_on_x(executable(received), new_user(tmp_path))).width() >= 800


# -- the Debian package ------------------------------------------------------------------

needs_dpkg = pytest.mark.skipif(
    shutil.which("dpkg-deb") is None or shutil.which("dpkg-shlibdeps") is None,
    reason="dpkg-deb and dpkg-shlibdeps (dpkg-dev): Debian-family systems only")
GLIBC = {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1",
         "libresolv.so.2", "libutil.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1"}


@pytest.fixture(scope="session")
def deb(received, tmp_path_factory) -> Path:
    from bundle.deb import build_deb
    # make deb compresses with xz; gzip -1 builds the same package in 2 s instead of 90 s.
    return build_deb(received, tmp_path_factory.mktemp("deb"), ("-Zgzip", "-z1"))


@pytest.fixture(scope="session")
def unpacked(deb, tmp_path_factory) -> Path:
    """The package's files unpacked with dpkg -x into a scratch root."""
    root = tmp_path_factory.mktemp("root")
    subprocess.run(["dpkg", "-x", str(deb), str(root)], check=True)
    return root


def control(deb: Path) -> dict[str, str]:
    fields = subprocess.run(["dpkg-deb", "--field", str(deb)], capture_output=True, text=True,
                            check=True).stdout
    return dict(re.findall(r"^(\S+): (.*)$", fields, re.MULTILINE))


@needs_dpkg
def test_package_names_version_and_the_system_libraries_it_needs(deb):
    from bundle.deb import SYSTEM_LIBRARIES
    fields = control(deb)
    assert fields["Package"] == PROGRAM
    assert fields["Version"] == setup_cfg_version()
    depends = [d.strip() for d in fields["Depends"].split(",")]
    assert set(SYSTEM_LIBRARIES.values()) <= set(depends)
    assert {"libxcb1", "libxcb-cursor0", "libxkbcommon-x11-0", "libgl1"} <= set(depends)
    assert re.fullmatch(r"libc6 \(>= 2\.\d+\)", depends[0])
    info = subprocess.run(["dpkg-deb", "--info", str(deb)], capture_output=True, text=True,
                          check=True).stdout
    members = re.findall(r"^\s+\d+ bytes,\s+\d+ lines\s+\*?\s*(\S+)", info, re.MULTILINE)
    assert members == ["control"]  # no maintainer scripts: removing it leaves user data alone


@needs_dpkg
def test_package_installs_under_opt_with_launcher_menu_entry_and_icons(deb):
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True,
                             text=True, check=True).stdout
    entries = {line.split()[-1]: line.split()[0] for line in listing.splitlines()}
    assert entries[f"./opt/{PROGRAM}/{PROGRAM}"] == "-rwxr-xr-x"
    assert entries[f"./usr/bin/{PROGRAM}"] == "-rwxr-xr-x"
    assert f"./usr/share/applications/{PROGRAM}.desktop" in entries
    for size in ("16x16", "32x32", "48x48", "256x256"):
        assert f"./usr/share/icons/hicolor/{size}/apps/{PROGRAM}.png" in entries
    assert f"./usr/share/icons/hicolor/scalable/apps/{PROGRAM}.svg" in entries
    assert all(" root/root " in line for line in listing.splitlines())
    assert not [path for path in entries if path.endswith("/libxcb-cursor.so.0")]


@needs_dpkg
def test_menu_entry_names_the_program_in_chinese_and_english(unpacked):
    import configparser

    from resources import icon_png
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(unpacked / f"usr/share/applications/{PROGRAM}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Name[zh_CN]"] == desktop["Name"] == "5·20世界计量日活动管理"
    assert desktop["Name[en]"] == "World Metrology Day Campaign Manager"
    assert "Office" in desktop["Categories"].split(";")
    assert (unpacked / "usr/bin" / desktop["Exec"].split()[0]).is_file()
    icon = unpacked / f"usr/share/icons/hicolor/48x48/apps/{desktop['Icon']}.png"
    assert icon.read_bytes() == icon_png(48).read_bytes()


@needs_dpkg
def test_the_launcher_runs_the_program_from_the_unpacked_package(unpacked, tmp_path,
                                                                 campaign_data):
    launcher = unpacked / "usr/bin" / PROGRAM
    user = new_user(tmp_path)
    assert succeeded(run_clean(launcher, user, "--version")).strip() == \
        f"{PROGRAM} {setup_cfg_version()}"
    assert f"】{campaign_data.activities[0].name}\n" in succeeded(run_clean(launcher, user,
                                                                         "activities"))


@needs_dpkg
@needs_x
def test_the_packaged_window_opens_with_the_systems_xcb_libraries(unpacked, qapp, tmp_path):
    png = screenshot_on_x(unpacked / "usr/bin" / PROGRAM, new_user(tmp_path))
    assert _image(png).width() >= 800


def _needed(path: Path) -> list[str]:
    """The shared libraries an ELF file is linked against."""
    dynamic = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", dynamic)


def _owners(library: str) -> set[str]:
    """The installed packages that hold a file of that name in a library folder."""
    found = subprocess.run(["dpkg", "-S", f"*/{library}"], capture_output=True, text=True).stdout
    return {line.split(":")[0] for line in found.splitlines() if "/lib/" in line}


@needs_dpkg
@pytest.mark.skipif(shutil.which("readelf") is None, reason="needs readelf (binutils)")
def test_every_library_the_package_needs_is_in_it_or_in_its_dependencies(unpacked, deb):
    from bundle.deb import SYSTEM_LIBRARIES
    program = unpacked / "opt" / PROGRAM
    carried = {p.name for p in program.rglob("*")}
    fields = control(deb)
    declared = {d.strip().split()[0] for d in fields["Depends"].split(",")}
    recommended = {d.strip().split()[0] for d in re.split(r"[,|]", fields["Recommends"])}
    missing: list[str] = []
    for path in program.rglob("*"):
        if path.is_file() and not path.is_symlink() and path.read_bytes()[:4] == b"\x7fELF":
            wayland = "wayland" in path.relative_to(program).as_posix().lower()
            for library in _needed(path):
                if library in carried or library in GLIBC:
                    continue
                if _owners(library) & (declared | (recommended if wayland else set())):
                    continue
                missing.append(f"{path.relative_to(program)} needs {library}")
    assert missing == []
    # The package names are the ones that provide those libraries on this system.
    # (Only the libraries this machine has can be looked up; the others are not installed here.)
    owners = {library: _owners(library) for library in SYSTEM_LIBRARIES}
    installed = {library for library, found in owners.items() if found}
    assert installed, "no system library of the bundle is installed here"
    assert {library: owners[library] for library in installed} == {
        library: {SYSTEM_LIBRARIES[library]} for library in installed}


@needs_dpkg
def test_cups_gnutls_and_kerberos_come_from_the_system_not_the_package(unpacked, deb, received):
    carried = {p.name for p in (unpacked / "opt" / PROGRAM).rglob("*")}
    assert not {"libcups.so.2", "libgnutls.so.30", "libkrb5.so.3", "libstdc++.so.6"} & carried
    declared = {d.strip().split()[0] for d in control(deb)["Depends"].split(",")}
    assert {"libcups2", "libstdc++6", "libglib2.0-0"} <= declared
    assert "libcups.so.2" in {p.name for p in received.rglob("*")}  # the archive keeps its own


@pytest.mark.skipif(shutil.which("readelf") is None, reason="needs readelf (binutils)")
def test_no_library_points_at_the_build_machine(received):
    """RUNPATH/RPATH entries are relative to the bundle ($ORIGIN) or absent."""
    foreign = []
    for path in received.rglob("*"):
        if path.is_file() and not path.is_symlink() and path.read_bytes()[:4] == b"\x7fELF":
            dynamic = subprocess.run(["readelf", "-d", str(path)], capture_output=True,
                                     text=True).stdout
            for entries in re.findall(r"\((?:RUNPATH|RPATH)\)\s+Library r(?:un)?path: \[(.*?)\]",
                                      dynamic):
                foreign += [f"{path.name}: {e}" for e in entries.split(":")
                            if not e.startswith("$ORIGIN")]
    assert foreign == []


def test_the_bundle_carries_its_licence_and_the_third_party_notices(received):
    assert (received / "LICENSE.txt").read_text(encoding="utf-8").startswith("MIT License")
    notices = (received / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    listed = notices.split("\n\n", 2)[1]
    assert re.search(r"^- PySide6.Essentials 6\.\d+\.\d+ — LGPL-3\.0", listed, re.MULTILINE)
    assert re.search(r"^- Python 3\.11\.\d+ — PSF-2\.0", listed, re.MULTILINE)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in notices
    if shutil.which("dpkg"):  # the system libraries PyInstaller copied, with their packages
        assert re.search(r"^- libcups2 \S+ — Debian package \(libcups\.so\.2\)", listed,
                         re.MULTILINE)


@needs_dpkg
def test_the_package_documents_copyright_and_changelog(unpacked):
    import gzip
    docs = unpacked / "usr" / "share" / "doc" / PROGRAM
    copyright_text = (docs / "copyright").read_text(encoding="utf-8")
    assert "MIT License" in copyright_text and "PySide6" in copyright_text
    assert "replace them with your own build" in copyright_text  # how to replace Qt
    assert "/usr/share/common-licenses/LGPL-3" in copyright_text
    assert (unpacked / "opt" / PROGRAM / "THIRD-PARTY-NOTICES.txt").is_file()  # the full texts
    changelog = gzip.decompress((docs / "changelog.Debian.gz").read_bytes()).decode("utf-8")
    assert changelog.startswith(f"{PROGRAM} ({setup_cfg_version()}) ")


def test_libreoffice_started_by_the_bundle_gets_the_users_libraries(received, user, tmp_path):
    """The launcher points LD_LIBRARY_PATH at the bundle; soffice must not inherit that."""
    from tests.test_child_env import USER_LIBRARIES, assert_users_environment, recorded, stand_in
    record = tmp_path / "soffice-env.txt"
    stand_in(tmp_path / "bin", "soffice", record, makes_output=False)
    reply = tmp_path / "黄浦回执.doc"
    shutil.copyfile(REPO / "tests" / "data" / "summary_word97.doc", reply)
    env = {**user, "PATH": f"{tmp_path / 'bin'}:/usr/bin:/bin", "LD_LIBRARY_PATH": USER_LIBRARIES}
    result = run_clean(command_line_executable(received), env, "import", "--unit", "黄浦",
                       "--dry-run", str(reply))
    assert "Traceback" not in result.stderr
    assert_users_environment(recorded(record), received)


@needs_dpkg
@pytest.mark.skipif(shutil.which("lintian") is None, reason="lintian is not installed")
@pytest.mark.skipif(not os.environ.get("METROLOGY_LINTIAN"),
                    reason="lintian takes ~3 minutes on the package: set METROLOGY_LINTIAN=1")
def test_lintian_finds_no_error_and_every_override_is_used(deb):
    result = subprocess.run(["lintian", "--tag-display-limit", "0", "--show-overrides",
                             str(deb)], capture_output=True, text=True, timeout=1800)
    errors = [line for line in result.stdout.splitlines() if line.startswith("E:")]
    assert errors == []
    assert "unused-override" not in result.stdout
