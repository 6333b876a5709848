"""Before Qt starts: missing X11 libraries are named as packages in one line, not Qt's abort."""
from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO
from ui.desktop_libraries import XCB_LIBRARIES, missing_message, missing_packages, needs_xcb


def test_only_linux_with_the_xcb_platform_needs_the_check():
    assert needs_xcb("linux", {})
    assert needs_xcb("linux", {"QT_QPA_PLATFORM": "xcb"})
    assert not needs_xcb("linux", {"QT_QPA_PLATFORM": "offscreen"})
    assert not needs_xcb("win32", {})


def test_missing_libraries_are_named_by_package_in_one_line():
    absent = {"libxcb-cursor.so.0", "libxkbcommon-x11.so.0", "libxcb-icccm.so.4"}
    packages = missing_packages(lambda soname: soname not in absent)
    assert packages == ["libxcb-cursor0", "libxcb-icccm4", "libxkbcommon-x11-0"]
    line = missing_message(packages)
    assert line.count("\n") == 1 and line.endswith("libxcb-icccm4 libxkbcommon-x11-0\n")


def test_the_program_stops_with_that_line_before_qt_loads(tmp_path):
    # The real program, with a loader that finds every library but libxcb-cursor (whatever
    # this machine has: the test must not depend on it).
    script = ("import sys, main, ui.desktop_libraries as d;"
              "d._loads = lambda s: s != 'libxcb-cursor.so.0';"
              f"rc = main.main(['--db', {str(tmp_path / 'c.sqlite3')!r}]);"
              "print('QtGui' if 'PySide6.QtGui' in sys.modules else 'no QtGui');"
              "sys.exit(rc)")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "xcb",
           "DISPLAY": ":987"}
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 4
    assert result.stderr == missing_message(["libxcb-cursor0"])
    assert result.stdout == "no QtGui\n"
    assert not (tmp_path / "c.sqlite3").exists()


def test_the_table_names_a_package_for_every_library_qt_xcb_needs():
    assert {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-render-util0",
            "libxkbcommon-x11-0"} <= set(XCB_LIBRARIES.values())
