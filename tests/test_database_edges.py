"""The database's own edges: a log left by a crash, a clean close, an empty file, a read-only
folder, a page damaged while working, and the window's way back from them (issue 11 §4–§6)."""
from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys

import pytest

from models.db.backup import list_backups, restore_backup, take_backup
from models.db.opening import open_database
from models.db.storage import Store
from models.editor import CampaignEditor
from models.errors import StoreError
from tests.conftest import REPO
from tests.fs_faults import remount_read_only, tmpfs
from tests.recording_dialogs import RecordingDialogs
from tests.test_hostile_inputs import corrupt_page


def _count(path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT COUNT(*) FROM activities").fetchone()[0]
    finally:
        conn.close()


def _main(*args, cwd=None):
    return subprocess.run([sys.executable, str(REPO / "main.py"), *map(str, args)],
                          capture_output=True, text=True, timeout=120, cwd=cwd)


def _foreign_log(tmp_path):
    """A database of 29 activities with the -wal of another copy (5 activities) beside it."""
    ours, other = tmp_path / "c.sqlite3", tmp_path / "other.sqlite3"
    open_database(ours).close()
    shutil.copy(ours, other)
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("DELETE FROM activities WHERE id > 5")
    conn.commit()
    shutil.copy(f"{other}-wal", f"{ours}-wal")   # while the other copy is still open
    conn.close()
    return ours


@pytest.mark.parametrize("writer", [True, False], ids=["window or import", "reader"])
def test_a_left_over_log_is_backed_up_before_sqlite_applies_it(tmp_path, writer):
    path = _foreign_log(tmp_path)
    said = []
    store = open_database(path, lock=writer, warn=said.append)
    try:
        assert len(store.load().activities) == 5          # SQLite applied the log
    finally:
        store.close()
    [kept] = [b for b in list_backups(path) if b.reason == "before-wal"]
    assert _count(kept.path) == 29                        # the file as it was before
    [note] = said
    assert "-wal" in note and str(kept.path) in note and "恢复备份" in note


def test_a_clean_close_leaves_no_log_even_with_a_reader_open(tmp_path):
    path = tmp_path / "c.sqlite3"
    open_database(path).close()
    reader = sqlite3.connect(path)                        # e.g. a command-line export
    reader.execute("SELECT COUNT(*) FROM activities").fetchone()
    store = open_database(path, lock=True)
    CampaignEditor(store).delete([store.load().activities[0].id])
    store.close()
    wal = tmp_path / "c.sqlite3-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    reader.close()
    assert _count(path) == 28


def test_an_empty_database_file_is_not_filled_unless_asked(tmp_path):
    path = tmp_path / "c.sqlite3"
    open_database(path).close()
    take_backup(path, "daily")
    path.write_bytes(b"")
    with pytest.raises(StoreError) as caught:
        open_database(path, lock=True)
    message = str(caught.value)
    assert "是空的" in message and "每日自动备份" in message and "恢复备份" in message
    assert path.stat().st_size == 0 and not (tmp_path / "c.sqlite3.lock").exists()
    result = _main("--db", path, "activities")
    assert result.returncode == 2 and "--init" in result.stderr
    assert path.stat().st_size == 0
    result = _main("--db", path, "--init", "activities")
    assert result.returncode == 0 and "崇明区市场监管局" in result.stdout
    assert _count(path) == 29


def test_a_fine_database_in_a_read_only_folder_is_read_and_not_called_damaged(tmp_path):
    with tmpfs(tmp_path / "mnt", size_kb=2048) as folder:
        path = folder / "c.sqlite3"
        open_database(path).close()
        workbook = tmp_path / "黄浦.xlsx"
        from tests.bad_workbooks import filled_template
        store = open_database(None)
        filled_template(store, tmp_path)
        store.close()
        remount_read_only(folder)
        listed = _main("--db", path, "activities")
        assert listed.returncode == 0, listed.stderr
        assert "崇明区市场监管局" in listed.stdout
        imported = _main("--db", path, "import", workbook)
        assert imported.returncode == 2
        assert "不能写入" in imported.stderr and "损坏" not in imported.stderr


def test_a_page_damaged_while_working_is_named_with_the_way_back(tmp_path, qapp):
    path = tmp_path / "c.sqlite3"
    open_database(path).close()
    corrupt_page(path)                                     # after the open-time check ran
    store = Store.connect(path)
    try:
        with pytest.raises(StoreError) as caught:
            store.delete_activities(range(1, 30))
        assert "数据库写入失败，未作任何改动" in str(caught.value)
        assert "已损坏" in str(caught.value) and "恢复备份" in str(caught.value)
        with pytest.raises(sqlite3.DatabaseError) as raw:
            store.load()
    finally:
        store.close()
    from ui.app import message_hook
    dialogs = RecordingDialogs()
    message_hook(dialogs, path)(type(raw.value), raw.value, None)
    [(kind, title, text)] = dialogs.messages
    assert title == "数据库已损坏" and "已损坏" in text and "每日自动备份" in text
    assert "文件 → 恢复备份" in text


def test_a_damaged_database_can_be_restored_from_the_open_window(tmp_path):
    """The pointer of the message above works: 恢复备份 with a damaged page under the open
    window puts the backup back (the damaged state is kept as the before-restore backup)."""
    path = tmp_path / "c.sqlite3"
    open_database(path).close()
    corrupt_page(path)
    store = Store.connect(path)
    try:
        with pytest.raises(sqlite3.DatabaseError):
            store.load()
        safety = restore_backup(store, list_backups(path)[-1].path)  # what 恢复备份 calls
        assert len(store.load().activities) == 29
        assert safety in [b.path for b in list_backups(path) if b.reason == "before-restore"]
    finally:
        store.close()


def test_the_window_puts_the_newest_backup_in_place_of_a_damaged_file(tmp_path, qapp):
    from ui.recovery import Recovery, offer_recovery
    path = tmp_path / "c.sqlite3"
    open_database(path).close()
    corrupt_page(path)
    with pytest.raises(StoreError) as caught:
        open_database(path, lock=True)
    dialogs = RecordingDialogs()
    dialogs.answers.append(0)                              # 恢复备份…
    choice = offer_recovery(dialogs, caught.value, lambda backups: backups[0])
    assert choice is Recovery.RESTORED
    assert "恢复备份… | 退出" in dialogs.messages[0][2]
    assert "已恢复" in dialogs.messages[-1][2]
    [kept] = [p for p in tmp_path.glob("c.sqlite3.damaged-*") if p.name[-4:] not in ("-wal", "-shm")]
    assert kept.read_bytes() != path.read_bytes()
    store = open_database(path, lock=True)
    try:
        assert len(store.load().activities) == 29
    finally:
        store.close()


def test_the_window_offers_a_new_campaign_only_for_an_empty_file(tmp_path, qapp):
    from ui.recovery import Recovery, offer_recovery
    path = tmp_path / "c.sqlite3"
    path.touch()
    with pytest.raises(StoreError) as caught:
        open_database(path, lock=True)
    dialogs = RecordingDialogs()
    assert offer_recovery(dialogs, caught.value, lambda b: None) is Recovery.QUIT
    assert dialogs.messages[0][2].endswith("新建 2021 年活动 | 退出")
    dialogs.answers.append(0)
    assert offer_recovery(dialogs, caught.value, lambda b: None) is Recovery.CREATE
    assert path.stat().st_size == 0                        # nothing made until opened so
    store = open_database(path, lock=True, init=True)
    store.close()
    assert _count(path) == 29


def test_the_window_shows_what_opening_had_to_say_in_the_status_bar(tmp_path, qtbot,
                                                                    monkeypatch):
    from PySide6.QtCore import QSettings

    from ui.app import _open
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.settings import Settings
    path = _foreign_log(tmp_path)
    notes: list[str] = []
    store = _open(path, RecordingDialogs(), notes)
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    ctx = AppContext(CampaignEditor(store), settings, RecordingDialogs())
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show_notes(notes)
    window.show()
    window.statusBar().showMessage("导出附件汇总表（Word）…")   # a menu's tip passes by
    window.statusBar().clearMessage()
    assert window.note_label.isVisible()
    assert "-wal" in window.note_label.text() and "before-wal" in window.note_label.text()
    window.close()
    ctx.undo_stack.clear()
    store.close()
