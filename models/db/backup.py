"""Rotating backups of the database through SQLite's backup API, and restoring one."""
from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from models.db.backup_list import (
    STAMP,
    BackupInfo,
    backup_dir,
    backup_prefix,
    list_backups,
    reason_label,
)
from models.db.db_file import check_database_file
from models.db.db_health import DamagedDatabase
from models.errors import StoreError
from models.i18n import _tr

if TYPE_CHECKING:
    from models.db.storage import Store

KEEP = 10


def _copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Copy a live database into target whole (temporary file, then rename)."""
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    dest = sqlite3.connect(tmp)
    try:
        source.backup(dest)
    finally:
        dest.close()
    os.replace(tmp, target)


def _backup_target(db_path: Path, reason: str, now: datetime | None) -> Path:
    """Where a new backup goes (its folder made)."""
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now()).strftime(STAMP)
    return folder / f"{backup_prefix(db_path)}{stamp}-{reason}.sqlite3"


def _drop_old(db_path: Path) -> None:
    """Keep the newest KEEP backups."""
    for old in list_backups(db_path)[KEEP:]:
        old.path.unlink(missing_ok=True)


def take_backup(db_path: Path, reason: str = "manual", now: datetime | None = None,
                conn: sqlite3.Connection | None = None) -> Path:
    """Back up the database at db_path and drop the oldest beyond KEEP."""
    try:
        target = _backup_target(db_path, reason, now)
        source = conn or sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            _copy_database(source, target)
        finally:
            if conn is None:
                source.close()
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(_tr("无法备份数据库：{0}").format(exc)) from exc
    _drop_old(db_path)
    return target


def copy_file_backup(db_path: Path, reason: str, now: datetime | None = None) -> Path:
    """Back up the database file as it lies on disk, byte for byte, before SQLite opens it
    (a -wal file left beside it is applied by the first connection)."""
    try:
        target = _backup_target(db_path, reason, now)
        part = target.with_name(target.name + ".part")
        shutil.copyfile(db_path, part)
        with part.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(part, target)
    except OSError as exc:
        raise StoreError(_tr("无法备份数据库：{0}").format(exc)) from exc
    _drop_old(db_path)
    return target


def backup_references(db_path: Path) -> set[str]:
    """Fingerprints of the received files the kept backups of a database refer to: 清理 keeps
    their content on disk, so restoring any backup brings its files back whole."""
    found: set[str] = set()
    for info in list_backups(db_path, include_shared=True):
        try:
            conn = sqlite3.connect(f"{info.path.resolve().as_uri()}?mode=ro", uri=True)
        except sqlite3.Error:
            continue
        try:
            found |= {r[0] for r in conn.execute("SELECT sha256 FROM submission_files")}
        except sqlite3.Error:  # a backup from before files were kept, or a damaged one
            pass
        finally:
            conn.close()
    return found


def backup_contents(backup: Path) -> list[tuple[str, int]]:
    """The received files (fingerprint, size) a backup's database refers to: a backup holds
    the database only, so restoring it brings back these records, and the files themselves
    only as far as the archive folder still has them."""
    try:
        conn = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return []
    try:
        return [(sha, size) for sha, size in conn.execute(
            "SELECT DISTINCT l.sha256, f.size FROM submission_files l "
            "JOIN stored_files f ON f.sha256 = l.sha256")]
    except sqlite3.Error:  # a backup from before files were kept, or a damaged one
        return []
    finally:
        conn.close()


def backup_if_due(store: Store, now: datetime | None = None) -> Path | None:
    """The once-a-day backup on start: taken when none exists from today."""
    if store.path is None:
        return None
    now = now or datetime.now()
    latest = list_backups(store.path)
    if latest and latest[0].taken.date() == now.date():
        return None
    return take_backup(store.path, "daily", now, store.db.conn)


def _check_backup(backup: Path) -> None:
    """Refuse a backup that is not a whole database of ours."""
    if backup.is_file() and backup.stat().st_size == 0:
        raise StoreError(_tr("备份“{0}”是空文件，未恢复。").format(backup.name))
    try:
        check_database_file(backup)
    except DamagedDatabase as exc:
        raise StoreError(_tr("备份“{0}”已损坏，未恢复。").format(backup.name)) from exc
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise StoreError(_tr("备份“{0}”已损坏，未恢复。").format(backup.name))
    except sqlite3.Error as exc:
        raise StoreError(_tr("备份“{0}”已损坏，未恢复。").format(backup.name)) from exc
    finally:
        source.close()


def restore_file(db_path: Path, backup: Path, now: datetime | None = None) -> Path | None:
    """Put a backup in place of a database file no program has open (a damaged or empty one);
    the file it replaces is kept beside it, with its -wal and -shm, under a .damaged name.
    Returns where the old file was kept (None when there was none)."""
    _check_backup(backup)
    stamp = (now or datetime.now()).strftime(STAMP)
    kept: Path | None = None
    try:
        for suffix in ("", "-wal", "-shm", "-journal"):
            old = Path(f"{db_path}{suffix}")
            if old.exists():
                aside = old.with_name(f"{db_path.name}.damaged-{stamp}{suffix}")
                os.replace(old, aside)
                kept = kept or aside
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        try:
            _copy_database(source, db_path)
        finally:
            source.close()
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(_tr("恢复备份失败：{0}").format(exc)) from exc
    return kept


def restore_backup(store: Store, backup: Path) -> Path:
    """Replace the open database's content with a backup; the current state is backed up first."""
    if store.path is None:
        raise StoreError(_tr("内存数据库没有备份。"))
    _check_backup(backup)
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        safety = take_backup(store.path, "before-restore", conn=store.db.conn)
        source.backup(store.db.conn)
    except sqlite3.Error as exc:
        raise StoreError(_tr("恢复备份失败，数据库未改动：{0}").format(exc)) from exc
    finally:
        source.close()
    store.forget_cache()
    return safety


__all__ = ["KEEP", "BackupInfo", "backup_contents", "backup_dir", "backup_if_due", "copy_file_backup",
           "list_backups", "reason_label", "restore_backup", "restore_file", "take_backup"]
