"""Deleting a year: a confirmation that names what goes, a backup first, everything of that
year gone in one transaction, the other years untouched."""
from __future__ import annotations

from datetime import date

import pytest

from models.db.backup_list import list_backups
from models.db.opening import open_database
from models.editor import CampaignEditor
from models.errors import UserError
from models.rollover import CarryOver
from models.year_removal import year_contents


@pytest.fixture
def two_years(tmp_path, qapp):
    store = open_database(tmp_path / "y.sqlite3")
    editor = CampaignEditor(store)
    editor.new_campaign_from_last_year(2022, CarryOver(activities=True))
    yield editor
    editor.undo_stack.clear()
    store.close()


def test_deleting_the_open_year_backs_up_and_opens_the_other(two_years):
    editor, store = two_years, two_years.store
    year_2022 = store.campaign_of_year(2022)
    editor.set_planning_date(date(2022, 5, 20))
    assert year_contents(store, year_2022.id).as_text() == (
        "2022 年的通知、29 项活动、42 项报送事项和 0 个收到文件的记录")
    backup = editor.delete_year(year_2022.id)
    assert [c.year for c in store.campaigns()] == [2021]
    assert editor.document.campaign.year == 2021 and editor.undo_stack.count() == 0
    assert store.state("planning_date:2022") is None
    assert backup is not None and backup in [b.path for b in list_backups(store.path)]
    kept = open_database(backup, lock=False)
    try:
        assert [c.year for c in kept.campaigns()] == [2022, 2021]
    finally:
        kept.close()
    assert len(store.load().activities) == 29 and len(store.load().submissions) == 42


def test_the_last_year_cannot_be_deleted(two_years):
    editor, store = two_years, two_years.store
    editor.delete_year(store.campaign_of_year(2021).id)
    with pytest.raises(UserError, match="唯一的年度"):
        editor.delete_year(store.campaign_of_year(2022).id)
    assert [c.year for c in store.campaigns()] == [2022]


def test_the_window_asks_naming_what_goes(two_years, tmp_path, qtbot):
    from PySide6.QtCore import QSettings

    from tests.recording_dialogs import RecordingDialogs
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.settings import Settings
    ctx = AppContext(two_years, Settings(QSettings(str(tmp_path / "s.ini"),
                                                   QSettings.Format.IniFormat)),
                     RecordingDialogs())
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    year_2021 = two_years.store.campaign_of_year(2021).id
    ctx.dialogs.answers.append(False)
    assert not window.delete_year(year_2021)
    kind, _title, text = ctx.dialogs.messages[-1]
    assert kind == "confirm" and "将删除2021 年的通知、29 项活动、42 项报送事项" in text
    assert "先备份数据库" in text and len(two_years.store.campaigns()) == 2
    ctx.dialogs.answers.append(True)
    assert window.delete_year(year_2021)
    assert ctx.dialogs.messages[-1][2].startswith("已删除 2021 年。\n备份：")
    assert [c.year for c in two_years.store.campaigns()] == [2022]
    window._fill_delete_years_menu()
    assert [a.isEnabled() for a in window.delete_years_menu.actions()] == [False]
