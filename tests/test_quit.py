"""Quitting the real program after edits: exit status 0, nothing on stderr, every edit kept."""
from __future__ import annotations

import subprocess

import pytest

from models.db.opening import open_database
from models.entities import Level
from tests.machine import real_x_display
from tests.quit_child import DETAIL_TEXT, NOTICE_TEXT, TABLE_TEXT
from tests.xdisplay import OFFSCREEN_NOTE, run_program_child


def _run_child(tmp_path, how: str, platform: str, display: str | None = None
               ) -> subprocess.CompletedProcess[str]:
    """Run the program in a child process with its own home, settings and database."""
    return run_program_child("quit_child.py", [str(tmp_path / "c.sqlite3"), how], tmp_path,
                             platform, display, timeout=120)


def _assert_clean_quit_kept_edits(result: subprocess.CompletedProcess[str], tmp_path) -> None:
    """Exit 0, empty stderr, and the four edits in the database."""
    assert result.returncode == 0, result.stderr
    # The offscreen platform plugin itself notes that it cannot size windows; nothing else.
    stderr = result.stderr.replace(OFFSCREEN_NOTE, "")
    assert stderr == ""
    store = open_database(tmp_path / "c.sqlite3")
    try:
        data = store.load()
        first, second = [a for a in data.activities if a.level == Level.MUNICIPAL][:2]
        assert first.name == TABLE_TEXT
        assert second.name.endswith(DETAIL_TEXT) or second.name == DETAIL_TEXT
        assert data.campaign.title.endswith(NOTICE_TEXT)
        assert any(s.received for s in data.submissions)
    finally:
        store.close()


@pytest.mark.slow
@pytest.mark.parametrize("how", ["action", "close"])
def test_quit_after_edits_offscreen(tmp_path, how):
    _assert_clean_quit_kept_edits(_run_child(tmp_path, how, "offscreen"), tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("how", ["action", "close"])
def test_quit_after_edits_on_a_real_x_display(tmp_path, how):
    with real_x_display("the xcb quit test") as display:
        result = _run_child(tmp_path, how, "xcb", display)
    _assert_clean_quit_kept_edits(result, tmp_path)
