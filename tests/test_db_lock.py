"""The database lock: stale, foreign and unreadable locks, symlinks, full and read-only disks."""
from __future__ import annotations

import os
import socket
import time

import pytest

from models.db.db_lock import LockedElsewhere, lock_database, lock_path_for
from models.db.storage import StoreError
from tests.fs_faults import fill, tmpfs


def _age(path, seconds: float) -> None:
    """Make a file look `seconds` old."""
    then = time.time() - seconds
    os.utime(path, (then, then))


@pytest.mark.parametrize("content", [b"", b"garbage\n", b"\xff\xfe\x00not a lock"])
def test_an_old_unreadable_lock_file_is_taken_over(tmp_path, content):
    db = tmp_path / "c.sqlite3"
    lock_file = tmp_path / "c.sqlite3.lock"
    lock_file.write_bytes(content)
    _age(lock_file, 60)
    lock = lock_database(db)
    assert lock is not None
    assert str(os.getpid()) in lock_file.read_text(errors="replace")
    lock.unlock()


def test_a_lock_from_another_computer_is_shown_and_taken_over_only_when_asked(tmp_path):
    db = tmp_path / "c.sqlite3"
    lock_file = tmp_path / "c.sqlite3.lock"
    lock_file.write_text("4242\nMetrologyDay\nclerk-pc-07\n")
    _age(lock_file, 3 * 60)
    with pytest.raises(LockedElsewhere) as caught:
        lock_database(db)
    message = str(caught.value)
    assert "clerk-pc-07" in message and "4242" in message and "3 分钟前" in message
    assert str(lock_file) in message
    assert lock_file.read_text().startswith("4242")  # untouched until the user agrees
    lock = lock_database(db, take_over_foreign=True)
    assert lock is not None and lock_file.read_text().startswith(str(os.getpid()))
    lock.unlock()


def test_a_lock_held_by_a_live_program_here_means_in_use(tmp_path):
    db = tmp_path / "c.sqlite3"
    first = lock_database(db)
    assert first is not None
    lock_file = tmp_path / "c.sqlite3.lock"
    assert socket.gethostname() in lock_file.read_text()
    assert lock_database(db) is None
    first.unlock()


def test_a_database_reached_through_a_symlink_shares_the_real_files_lock(tmp_path):
    real = tmp_path / "real" / "c.sqlite3"
    real.parent.mkdir()
    real.write_bytes(b"")
    link = tmp_path / "link.sqlite3"
    link.symlink_to(real)
    assert lock_path_for(link) == lock_path_for(real)
    held = lock_database(real)
    assert lock_database(link) is None
    held.unlock()


def test_a_full_disk_is_named_as_such(tmp_path):
    with tmpfs(tmp_path / "mnt", size_kb=64) as folder:
        fill(folder)
        with pytest.raises(StoreError) as caught:
            lock_database(folder / "c.sqlite3")
        assert "磁盘已满" in str(caught.value)
        assert "另一个窗口" not in str(caught.value)


def test_a_read_only_folder_is_named_as_such(tmp_path):
    with tmpfs(tmp_path / "mnt", size_kb=64, readonly=True) as folder:
        with pytest.raises(StoreError) as caught:
            lock_database(folder / "c.sqlite3")
        assert "不能写入" in str(caught.value)
