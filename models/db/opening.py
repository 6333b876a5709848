"""Opening the database for a session: check, lock, back up, migrate, seed."""
from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

from models.db.db_file import check_database_file
from models.db.db_health import empty
from models.db.os_errors import disk_full_text, no_space_left, os_error_text
from models.db.seed import seed_store
from models.db.storage import Store
from models.errors import DatabaseInUse, StoreError
from models.i18n import _tr


def open_database(path: Path | str | None, lock: bool = False,
                  warn: Callable[[str], object] | None = None,
                  take_over_foreign: bool = False, init: bool = False) -> Store:
    """The database at path (None: in memory), ready for use; the window and every command
    open it here.

    1. check: anything but a regular file, a file that is not one of our databases, a
       damaged one (DamagedDatabase, naming the newest backup) or one a newer program
       wrote is refused untouched (StoreError); so is an existing empty file
       (EmptyDatabase) unless `init` asks for a new campaign in it; a writer is refused a
       file or folder it cannot write; a reader reads a folder it cannot write as it lies;
    2. lock: a writer (lock=True) takes the lock beside the file, DatabaseInUse when
       another window or import holds it, LockedElsewhere when another computer left it
       (take_over_foreign removes that one, once the user agreed); the store lets go of
       it on close();
    3. back up: a write-ahead log (-wal) left by a program that did not close is applied by
       SQLite when the file is opened, so the file is first copied aside and `warn` told;
       a writer takes the day's first backup of an existing database (a failure is only
       passed to `warn`), and any database is backed up before a migration;
    4. migrate the schema; 5. seed a new database with the embedded 2021 campaign.
    """
    read_only = False
    if path is not None:
        path = Path(path)
        read_only = _check_file(path, lock, init)
    held = take_lock(path, take_over_foreign) if lock and path is not None else None
    try:
        if path is not None:
            _back_up_left_log(path, held, read_only, warn)
        store = Store.connect(path, read_only=read_only)
    except BaseException:
        if held is not None:
            held.unlock()
        raise
    store.lock = held
    try:
        _back_up(store, daily=held is not None, warn=warn)
        store.migrate()
        if store.is_empty():
            seed_store(store)
    except BaseException:
        store.close()
        raise
    return store


def _check_file(path: Path, writer: bool, init: bool) -> bool:
    """Step 1 for a file; True when it is to be read as it lies (its folder is read-only)."""
    folder_writable = os.access(path.parent, os.W_OK) if path.parent.is_dir() else True
    exists = path.exists()
    if not folder_writable and (writer or not exists):
        raise StoreError(os_error_text(OSError(errno.EACCES, "read-only"), path.parent,
                                       folder=True))
    as_it_lies = not folder_writable or (not writer and exists and _full_without_log(path))
    check_database_file(path, read_only=as_it_lies)
    if exists and path.stat().st_size == 0 and not init:
        raise empty(path)
    if writer and exists and not os.access(path, os.W_OK):
        raise StoreError(_tr("数据库文件“{0}”不能写入（只读或没有权限）。"
                             "请去掉它的只读属性，或用 --db 指定其他文件。").format(path))
    if writer and exists and no_space_left(path.parent):
        raise StoreError(disk_full_text(path))
    return as_it_lies


def _full_without_log(path: Path) -> bool:
    """A disk too full for SQLite's -shm file, under a database with no -wal content: a
    reader then reads the file as it lies (nothing is missed, nothing is written)."""
    if not no_space_left(path.parent):
        return False
    try:
        return Path(f"{path}-wal").stat().st_size == 0
    except OSError:
        return True


def take_lock(path: Path, take_over_foreign: bool = False):
    """The lock beside the database, or DatabaseInUse (Qt is only loaded by writers)."""
    from models.db.db_lock import lock_database
    held = lock_database(path, take_over_foreign)
    if held is None:
        raise DatabaseInUse(_tr("数据库“{0}”已在另一个窗口中打开。\n"
                                "请切换到那个窗口，或关闭它后再打开。").format(path))
    return held


def restore_in_place(path: Path, backup: Path) -> Path | None:
    """Put a backup in place of a database that cannot be opened (damaged or empty), under
    its lock; where the old file was kept (see backup.restore_file)."""
    from models.db.backup import restore_file
    held = take_lock(path)
    try:
        return restore_file(path, backup)
    finally:
        held.unlock()


def _log_left_behind(path: Path, held: object | None) -> bool:
    """Whether a -wal file with content beside the database was left by a program that did
    not close (not one a live writer is using)."""
    try:
        if Path(f"{path}-wal").stat().st_size == 0:
            return False
    except OSError:  # none there (or no folder yet)
        return False
    if held is not None:
        return True  # we hold the writer's lock: no other writer is live
    from models.db.db_lock import lock_database  # a reader: is a writer here live?
    try:
        probe = lock_database(path)
    except StoreError:
        return False  # another computer's lock, or a folder we cannot write: leave it be
    if probe is None:
        return False
    probe.unlock()
    return True


def _back_up_left_log(path: Path, held: object | None, read_only: bool,
                      warn: Callable[[str], object] | None) -> None:
    """Copy the file aside before SQLite applies a -wal file left by a crash, and say so."""
    if not _log_left_behind(path, held):
        return
    if read_only:
        if warn is not None:
            warn(_tr("数据库旁有上次未写入的日志（-wal），但文件夹不能写入，无法应用；"
                     "显示的是日志之前的内容。"))
        return
    from models.db.backup import copy_file_backup
    try:
        kept = copy_file_backup(path, "before-wal")
    except StoreError as exc:
        raise StoreError(_tr("上次没有正常关闭，数据库旁留有未写入的日志（-wal）。应用它之前需要先备份数据库，"
                             "但备份失败：{0}").format(exc)) from exc
    if warn is not None:
        warn(_tr("上次没有正常关闭：数据库旁留有未写入的日志（-wal），已应用。应用前的数据库已备份为“{0}”；"
                 "如果数据不对，可用“恢复备份”取回。").format(kept))


def _back_up(store: Store, daily: bool, warn: Callable[[str], object] | None) -> None:
    """The day's backup (writers only) and the one before a migration."""
    if store.path is None or store.is_new():
        return
    from models.db.backup import backup_if_due, take_backup
    if daily:
        try:
            backup_if_due(store)
        except StoreError as exc:
            if warn is not None:
                warn(str(exc))
    if store.needs_migration():
        take_backup(store.path, "before-migration", conn=store.db.conn)
