"""Opening the database: check, lock, back up, migrate, seed, in that order, for every caller."""
from __future__ import annotations

import pytest

from models.db.backup import list_backups
from models.db.db_lock import lock_database
from models.db.opening import open_database
from models.errors import DatabaseInUse, StoreError


def test_a_new_file_is_created_seeded_and_not_backed_up(tmp_path):
    path = tmp_path / "new.sqlite3"
    store = open_database(path, lock=True)
    try:
        assert len(store.load().activities) == 29
        assert list_backups(path) == []          # nothing to keep yet
    finally:
        store.close()


def test_a_writer_backs_up_once_a_day_a_reader_never(tmp_path):
    path = tmp_path / "c.sqlite3"
    open_database(path).close()
    open_database(path).close()
    assert list_backups(path) == []
    open_database(path, lock=True).close()
    open_database(path, lock=True).close()
    assert [b.reason for b in list_backups(path)] == ["daily"]


def test_a_writer_holds_the_lock_until_closed(tmp_path):
    path = tmp_path / "c.sqlite3"
    first = open_database(path, lock=True)
    with pytest.raises(DatabaseInUse, match="另一个窗口"):
        open_database(path, lock=True)
    reader = open_database(path)                 # readers do not need the lock
    reader.close()
    first.close()
    again = lock_database(path)
    assert again is not None
    again.unlock()


def test_a_refused_file_is_checked_before_the_lock_is_taken(tmp_path):
    path = tmp_path / "bad.sqlite3"
    path.write_text("hello")
    with pytest.raises(StoreError, match="不是 SQLite"):
        open_database(path, lock=True)
    assert not (tmp_path / "bad.sqlite3.lock").exists()
    assert path.read_text() == "hello"


def test_a_failing_daily_backup_is_only_a_warning(tmp_path, monkeypatch):
    path = tmp_path / "c.sqlite3"
    open_database(path).close()
    (tmp_path / "backups").write_text("a file where the backup folder should be")
    warnings = []
    store = open_database(path, lock=True, warn=warnings.append)
    try:
        assert len(store.load().activities) == 29
    finally:
        store.close()
    assert len(warnings) == 1 and "无法备份" in warnings[0]
