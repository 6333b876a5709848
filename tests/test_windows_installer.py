"""Windows delivery, as far as a Linux machine can check it: the exe's version resource as
PyInstaller reads it, the per-user NSIS installer compiled by Debian's makensis against the
bundle's file list, and a Makefile whose `make dist` needs no Unix tool."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from bundle.contents import PROGRAM, program_data
from bundle.windows import (
    COMPANY,
    NSIS_SCRIPT,
    PRODUCT,
    build_installer,
    file_list,
    makensis,
    version_tuple,
    write_version_file,
)
from resources import setup_cfg_version
from tests.conftest import REPO

needs_makensis = pytest.mark.skipif(makensis() is None,
                                    reason="NSIS is not installed (apt install nsis)")


@pytest.fixture
def versioninfo(monkeypatch):
    """PyInstaller's reader of version files (it imports win32api, absent off Windows, which
    reading and serialising never use)."""
    pytest.importorskip("pefile", reason="pefile comes with the test extra")
    import PyInstaller.compat
    monkeypatch.setattr(PyInstaller.compat, "win32api", None, raising=False)
    from PyInstaller.utils.win32 import versioninfo as module
    return module


@pytest.mark.parametrize("exe", [f"{PROGRAM}.exe", f"{PROGRAM}-cli.exe"])
def test_each_exe_carries_version_product_and_company(versioninfo, tmp_path, exe):
    info = versioninfo.load_version_info_from_text_file(str(write_version_file(tmp_path, exe)))
    a, b, c, d = version_tuple(setup_cfg_version())
    assert (info.ffi.fileVersionMS, info.ffi.fileVersionLS) == ((a << 16) | b, (c << 16) | d)
    table = {s.name: s.val for s in info.kids[0].kids[0].kids}
    assert table["CompanyName"] == COMPANY == "上海市市场监督管理局计量处"
    assert table["ProductName"] == PRODUCT and table["FileVersion"] == setup_cfg_version()
    assert table["OriginalFilename"] == exe
    raw = info.toRaw()  # what PyInstaller writes into the exe
    assert COMPANY.encode("utf-16-le") in raw


def test_the_spec_gives_both_exes_the_icon_and_a_version_resource():
    spec = (REPO / "bundle" / f"{PROGRAM}.spec").read_text(encoding="utf-8")
    assert spec.count("icon=str(ICON_ICO)") == 2 and spec.count("version=version_file(") == 2


def windows_bundle(folder):
    """A stand-in of the Windows bundle with its real layout: the two exes, the notices, the
    program's data files, Python and Qt DLLs, names with Chinese and spaces."""
    bundle = folder / PROGRAM
    internal = bundle / "_internal"
    files = [bundle / f"{PROGRAM}.exe", bundle / f"{PROGRAM}-cli.exe", bundle / "LICENSE.txt",
             bundle / "THIRD-PARTY-NOTICES.txt", internal / "python311.dll",
             internal / "PySide6" / "Qt6Core.dll", internal / "PySide6" / "plugins" / "platforms"
             / "qwindows.dll", internal / "docx" / "templates" / "default footer.xml",
             internal / "resources" / "中文说明.txt"]
    files += [internal / folder_in_bundle / name.rsplit("/", 1)[-1]
              for name, folder_in_bundle in program_data()]
    for path in files:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"MZ" if path.suffix in (".exe", ".dll") else b"x")
    shutil.copyfile(REPO / "LICENSE", bundle / "LICENSE.txt")
    return bundle


def test_the_uninstaller_removes_exactly_what_was_installed(tmp_path):
    bundle = windows_bundle(tmp_path)
    lines = file_list(bundle).splitlines()
    installed = [line for line in lines if line.strip().startswith("File ")]
    removed = [line for line in lines if line.strip().startswith("Delete ")]
    files = [p for p in bundle.rglob("*") if p.is_file()]
    assert len(installed) == len(removed) == len(files)
    assert r'Delete "$INSTDIR\_internal\resources\中文说明.txt"' in [r.strip() for r in removed]
    assert not [line for line in lines if "/r" in line.split()]  # nothing removed wholesale


def test_the_installer_is_per_user_with_start_menu_uninstall_entry_and_shortcut():
    script = NSIS_SCRIPT.read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in script
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP}"' in script
    assert "$SMPROGRAMS\\${PRODUCT}.lnk" in script and "$DESKTOP\\${PRODUCT}.lnk" in script
    assert 'WriteRegStr HKCU "${UNINST_KEY}" "UninstallString"' in script
    assert "HKLM" not in script


@needs_makensis
def test_makensis_compiles_the_installer_against_the_bundle(tmp_path):
    bundle = windows_bundle(tmp_path / "dist")
    setup = build_installer(bundle, tmp_path / "out", tmp_path / "nsis")
    assert setup.name == f"{PROGRAM}-{setup_cfg_version()}-setup.exe"
    assert setup.read_bytes()[:2] == b"MZ" and setup.stat().st_size > 50_000


@needs_makensis
def test_a_file_missing_from_the_bundle_fails_the_build(tmp_path, monkeypatch):
    import bundle.windows
    bundle_folder = windows_bundle(tmp_path / "dist")
    listed = file_list(bundle_folder)
    (bundle_folder / "_internal" / "python311.dll").unlink()
    monkeypatch.setattr(bundle.windows, "file_list", lambda _: listed)  # listed before it went
    with pytest.raises(subprocess.CalledProcessError):
        build_installer(bundle_folder, tmp_path / "out", tmp_path / "nsis")


def test_make_dist_on_windows_runs_only_python(tmp_path):
    if shutil.which("make") is None:
        pytest.skip("GNU make is not installed")
    commands = subprocess.run(["make", "--no-print-directory", "-n", "-B", "dist",
                               "OS=Windows_NT"], cwd=REPO, capture_output=True, text=True,
                              check=True).stdout.splitlines()  # (run inside `make test` too)
    assert commands and commands[-1] == ".venv/Scripts/python -m bundle.freeze"
    for command in commands:
        assert command.split()[0] in ("py", ".venv/Scripts/python"), command
        assert "'" not in command and "touch" not in command.split(), command
