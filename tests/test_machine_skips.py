"""A machine without Chinese fonts or X11 libraries: the program says so, and the tests that
need them skip with the program's words instead of failing."""
from __future__ import annotations

import pytest

from exporters import ExportSources, exporter_for
from models.errors import ExportError
from tests.machine import real_x_display, skip_without_cjk_font


@pytest.fixture
def no_chinese_font(qapp, monkeypatch):
    """Qt's font database as on a machine with no font that has Chinese glyphs."""
    from PySide6.QtGui import QFontDatabase
    real = QFontDatabase.families

    def families(system=QFontDatabase.WritingSystem.Any):
        return [] if system == QFontDatabase.WritingSystem.SimplifiedChinese else real(system)
    monkeypatch.setattr(QFontDatabase, "families", staticmethod(families))


def test_a_pdf_that_would_be_blank_is_refused_before_anything_is_written(
        no_chinese_font, campaign_data, tmp_path):
    for what in ("appendix", "schedule", "summaries"):
        path = tmp_path / f"{what}.pdf"
        with pytest.raises(ExportError, match="没有中文字体"):
            exporter_for(what, "pdf").export(ExportSources(campaign_data, lambda: None), path)
        assert not path.exists()


def test_the_window_says_so_before_asking_where(no_chinese_font, ctx, qtbot, monkeypatch):
    from ui.main_window import MainWindow
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    asked = []
    monkeypatch.setattr(ctx.dialogs, "save_path", lambda *args: asked.append(args))
    window.export_actions["appendix", "pdf"].trigger()
    assert asked == []
    [(kind, _title, text)] = ctx.dialogs.messages
    assert kind == "error" and "fonts-noto-cjk" in text


def test_a_pdf_test_skips_with_the_programs_reason_without_a_chinese_font(no_chinese_font):
    with pytest.raises(pytest.skip.Exception, match="没有中文字体"):
        skip_without_cjk_font()


def test_a_real_display_test_skips_naming_the_missing_packages(monkeypatch):
    import ui.desktop_libraries as libraries
    monkeypatch.setattr(libraries, "_loads", lambda soname: soname != "libxcb-cursor.so.0")
    with pytest.raises(pytest.skip.Exception, match="sudo apt install libxcb-cursor0$"), \
            real_x_display("a test"):
        pass


def test_the_command_line_refuses_a_pdf_without_a_chinese_font(tmp_path):
    """Through Qt (the attachment) and through fontconfig (the summaries' book, which
    starts no GUI): the same message, exit status 1 or 2, no file."""
    import subprocess
    import sys

    from tests.conftest import REPO
    config = tmp_path / "fonts.conf"
    config.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
                      f"<fontconfig><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
                      encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "FONTCONFIG_FILE": str(config),
           "QT_QPA_PLATFORM": "offscreen"}
    for what in ("appendix", "summaries"):
        out = tmp_path / f"{what}.pdf"
        result = subprocess.run([sys.executable, str(REPO / "main.py"), "--db",
                                 str(tmp_path / "c.sqlite3"), "export", what, "-o", str(out)],
                                env=env, capture_output=True, text=True, timeout=120, cwd=REPO)
        assert result.returncode != 0, what
        assert "本机没有中文字体" in result.stderr, (what, result.stderr)
        assert not out.exists()
