"""What a user sees at start-up when something is missing: a name in --help, a message for a
screenshot that cannot be saved, a warning naming the font package when no font draws Chinese."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli import build_parser
from tests.conftest import REPO


def run_program(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """main.py in a fresh user's environment, headless."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    environment = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
                   "XDG_CONFIG_HOME": str(home / "config"), "QT_QPA_PLATFORM": "offscreen", **env}
    return subprocess.run([sys.executable, str(REPO / "main.py"), *args], env=environment,
                          capture_output=True, text=True, timeout=120)


def test_help_names_the_program_not_its_script():
    usage = build_parser().format_help()
    assert usage.startswith("usage: metrology-day ")
    assert "main.py" not in usage


def test_a_screenshot_into_a_missing_folder_says_so_and_changes_nothing(tmp_path):
    db = tmp_path / "campaign.sqlite3"
    target = tmp_path / "no-such-folder" / "x.png"
    result = run_program(tmp_path, "--db", str(db), "--screenshot", str(target))
    assert result.returncode != 0
    assert "文件夹不存在" in result.stderr and str(target) in result.stderr
    assert "Traceback" not in result.stderr
    assert not db.exists() and not target.parent.exists()


def fontconfig_without_fonts(folder: Path) -> Path:
    """A fontconfig file whose only font folder is empty: a desktop with no font installed."""
    (folder / "fonts").mkdir(parents=True)
    conf = folder / "fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
                    f"<fontconfig><dir>{folder / 'fonts'}</dir>"
                    f"<cachedir>{folder / 'cache'}</cachedir></fontconfig>\n", encoding="utf-8")
    return conf


@pytest.mark.skipif(sys.platform == "win32", reason="fontconfig is how Linux finds fonts")
def test_without_a_chinese_font_one_line_names_the_package_and_the_window_still_opens(tmp_path):
    conf = fontconfig_without_fonts(tmp_path / "fontconfig")
    png = tmp_path / "window.png"
    result = run_program(tmp_path, "--db", str(tmp_path / "c.sqlite3"), "--screenshot", str(png),
                         FONTCONFIG_FILE=str(conf))
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "fonts-noto-cjk" in line]
    assert len(warnings) == 1 and "中文字体" in warnings[0]
    assert png.stat().st_size > 0


def test_with_a_chinese_font_there_is_no_font_warning(tmp_path, qapp):
    from ui.app import has_chinese_font
    if not has_chinese_font():
        pytest.skip("no font drawing Chinese is installed here (apt install fonts-noto-cjk)")
    result = run_program(tmp_path, "--db", str(tmp_path / "c.sqlite3"), "--screenshot",
                         str(tmp_path / "w.png"))
    assert result.returncode == 0, result.stderr
    assert "中文字体" not in result.stderr


def test_a_command_needing_a_missing_system_library_names_the_package(tmp_path, monkeypatch,
                                                                      capsys):
    """On a bare system (no libEGL), commands that load QtGui (import, receive, PDF) say
    which package to install instead of ending in a traceback."""
    import cli
    import main
    import ui.desktop_libraries as libraries

    def qt_gui_fails(args):
        raise ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    monkeypatch.setattr(cli, "run_cli", qt_gui_fails)
    monkeypatch.setattr(libraries, "missing_packages", lambda: ["libegl1"])
    code = main.main(["--db", str(tmp_path / "c.sqlite3"), "import", str(tmp_path / "x.xlsx")],
                     one_shot_gc=False)
    assert code == 4
    assert "sudo apt install libegl1" in capsys.readouterr().err
