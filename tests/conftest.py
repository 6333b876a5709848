"""Shared fixtures: a seeded in-memory store and the text of the seed notice."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SEED_NOTICE = REPO / "tests" / "data" / "notice_2021.txt"
"""The 2021 notice 沪市监计量〔2021〕260号 with its attachment table, as text (a copy of the
project's source document 000_5453a5f7b476498d.txt, kept here so every clone has it)."""


@pytest.fixture
def store():
    """A fresh in-memory database seeded with the embedded 2021 campaign."""
    from models.db.opening import open_database
    opened = open_database(None)
    yield opened
    opened.close()


@pytest.fixture
def disk_store(tmp_path):
    """The same, in a database file of its own folder (tmp_path/db), for what lives beside
    it: backups, received files."""
    from models.db.opening import open_database
    opened = open_database(tmp_path / "db" / "c.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def editor(store):
    """The campaign editor over the seeded store; its undo history cleared afterwards."""
    from models.editor import CampaignEditor
    made = CampaignEditor(store)
    yield made
    made.restart_history()


@pytest.fixture
def campaign_data(store):
    """The seeded 2021 campaign, detached."""
    return store.load()


@pytest.fixture
def seed_text() -> str:
    """The text of the 2021 notice the program was built from."""
    return SEED_NOTICE.read_text(encoding="utf-8")


@pytest.fixture
def cjk_font(qapp):
    """A test drawing Chinese into a PDF: skipped, with the program's reason, without a font."""
    from tests.machine import skip_without_cjk_font
    skip_without_cjk_font()


@pytest.fixture
def ctx(store, qapp, tmp_path):
    """An application context over the seeded store, with headless dialogs and temp settings."""
    from PySide6.QtCore import QSettings

    from models.editor import CampaignEditor
    from tests.recording_dialogs import RecordingDialogs
    from ui.context import AppContext
    from ui.settings import Settings

    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    context = AppContext(CampaignEditor(store), settings, RecordingDialogs())
    yield context
    context.undo_stack.clear()


@pytest.fixture
def disk(disk_store):
    """The store in a database file of its own folder (the commands' tests call it so)."""
    return disk_store


@pytest.fixture(scope="module")
def seeded():
    """The 2021 campaign's records, read once per test module."""
    from models.db.opening import open_database
    store = open_database(None)
    try:
        return store.load()
    finally:
        store.close()
