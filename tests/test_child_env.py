"""Programs the frozen bundle starts (LibreOffice, xdg-open) get the user's environment, not the
bundle's library folder: a stand-in `soffice` / `xdg-open` on PATH writes down what it saw."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from models.child_env import child_environment
from models.received import soffice
from tests.conftest import REPO
from tests.xdisplay import xvfb

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="stand-ins are shell scripts")

USER_LIBRARIES = "/usr/lib/the-users-own"


def stand_in(folder: Path, name: str, record: Path, makes_output: bool) -> Path:
    """A shell script called name in folder that writes its environment into record (and, as
    soffice, the converted file its arguments ask for)."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / name
    convert = ('for a; do case "$prev" in --outdir) out="$a";; esac; prev="$a"; src="$a"; done\n'
               'base=$(basename "$src"); echo converted > "$out/${base%.*}.pdf"\n') if makes_output else ""
    script.write_text(f"#!/bin/sh\nenv > {record}.part && mv {record}.part {record}\n{convert}",
                      encoding="utf-8")
    script.chmod(0o755)
    return script


@pytest.fixture
def frozen(tmp_path, monkeypatch) -> Path:
    """This process dressed as the frozen program: sys._MEIPASS and the launcher's variables."""
    bundle = tmp_path / "office-pc" / "metrology-day" / "_internal"
    bundle.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.setenv("LD_LIBRARY_PATH", str(bundle))
    monkeypatch.setenv("LD_LIBRARY_PATH_ORIG", USER_LIBRARIES)
    monkeypatch.setenv("QT_PLUGIN_PATH", str(bundle / "PySide6" / "Qt" / "plugins"))
    monkeypatch.delenv("QT_PLUGIN_PATH_ORIG", raising=False)
    monkeypatch.setenv("_PYI_APPLICATION_HOME_DIR", str(bundle))
    return bundle


def recorded(record: Path) -> dict[str, str]:
    """The environment a stand-in wrote down."""
    return dict(line.split("=", 1) for line in record.read_text().splitlines() if "=" in line)


def assert_users_environment(seen: dict[str, str], bundle: Path) -> None:
    assert seen["LD_LIBRARY_PATH"] == USER_LIBRARIES
    assert not [name for name, value in seen.items() if str(bundle) in value]
    assert "QT_PLUGIN_PATH" not in seen and "LD_LIBRARY_PATH_ORIG" not in seen


def test_soffice_started_by_the_bundle_sees_no_bundle_path(frozen, tmp_path, monkeypatch):
    record = tmp_path / "soffice-env.txt"
    stand_in(tmp_path / "bin", "soffice", record, makes_output=True)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    source = tmp_path / "总结.doc"
    source.write_bytes(b"\xd0\xcf\x11\xe0")
    out = tmp_path / "out"
    out.mkdir()
    assert soffice.convert(source, "pdf", out) == out / "总结.pdf"
    assert_users_environment(recorded(record), frozen)
    assert os.environ["LD_LIBRARY_PATH"] == str(frozen)  # this process keeps the bundle's


OPEN_A_FILE = """
import sys
from pathlib import Path
from PySide6.QtCore import QEventLoop, QFileSystemWatcher, QTimer
from PySide6.QtWidgets import QApplication
sys.frozen, sys._MEIPASS = True, sys.argv[1]
from ui.dialogs import Dialogs
app = QApplication([])
record = Path(sys.argv[3])
loop, watcher = QEventLoop(), QFileSystemWatcher([str(record.parent)])
watcher.directoryChanged.connect(lambda _: record.exists() and loop.quit())
QTimer.singleShot(20000, loop.quit)
opened = Dialogs(None).show_file(Path(sys.argv[2]))
if opened and not record.exists():
    loop.exec()
sys.exit(0 if opened and record.exists() else 1)
"""


def test_a_file_opened_with_the_systems_program_gets_the_users_environment(tmp_path):
    """QDesktopServices.openUrl on a real X display starts xdg-open itself."""
    with xvfb() as display:
        if display is None:
            pytest.skip("Xvfb is not installed (apt install xvfb): openUrl needs a real display")
        bundle = tmp_path / "metrology-day" / "_internal"
        bundle.mkdir(parents=True)
        record = tmp_path / "xdg-open-env.txt"
        stand_in(tmp_path / "bin", "xdg-open", record, makes_output=False)
        mime = tmp_path / "bin" / "xdg-mime"  # a desktop with a program for .docx (WPS)
        mime.write_text("#!/bin/sh\necho wps-office-wps.desktop\n", encoding="utf-8")
        mime.chmod(0o755)
        document = tmp_path / "通知.docx"
        document.write_bytes(b"PK")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_CURRENT"))}
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(REPO),
                   PATH=f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}",
                   LD_LIBRARY_PATH=str(bundle), LD_LIBRARY_PATH_ORIG=USER_LIBRARIES,
                   QT_PLUGIN_PATH=str(bundle / "PySide6" / "Qt" / "plugins"))
        result = subprocess.run([sys.executable, "-c", OPEN_A_FILE, str(bundle), str(document),
                                 str(record)], env=env, capture_output=True, text=True,
                                timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert_users_environment(recorded(record), bundle)


def test_from_source_the_environment_is_handed_on_unchanged(monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setenv("LD_LIBRARY_PATH", "/opt/whatever")
    assert child_environment() == dict(os.environ)


def test_a_variable_the_user_never_set_is_dropped_and_path_lists_lose_only_bundle_entries():
    bundle = "/opt/metrology-day/_internal"
    env = {"LD_LIBRARY_PATH": bundle, "PATH": f"{bundle}{os.pathsep}/usr/bin",
           "LANG": "zh_CN.UTF-8", "_PYI_ARCHIVE_FILE": "/x"}
    assert child_environment(env, bundle) == {"PATH": "/usr/bin", "LANG": "zh_CN.UTF-8"}
