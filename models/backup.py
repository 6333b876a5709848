"""Rotating backups of the database through SQLite's backup API, and restoring one."""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from models.db_file import check_database_file
from models.errors import StoreError
from models.i18n import _tr

if TYPE_CHECKING:
    from models.storage import Store

KEEP = 10
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file: where, when, why."""

    path: Path
    taken: datetime
    reason: str
    size: int


def backup_dir(db_path: Path) -> Path:
    """The folder beside the database that holds its backups."""
    return db_path.parent / "backups"


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


def take_backup(db_path: Path, reason: str = "manual", now: datetime | None = None,
                conn: sqlite3.Connection | None = None) -> Path:
    """Back up the database at db_path and drop the oldest beyond KEEP."""
    now = now or datetime.now()
    folder = backup_dir(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{db_path.stem}-{now.strftime(_STAMP)}-{reason}.sqlite3"
        source = conn or sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            _copy_database(source, target)
        finally:
            if conn is None:
                source.close()
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(_tr("无法备份数据库：{0}").format(exc)) from exc
    for old in list_backups(db_path)[KEEP:]:
        old.path.unlink(missing_ok=True)
    return target


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Backups of a database, newest first."""
    folder = backup_dir(db_path)
    found: list[BackupInfo] = []
    if not folder.is_dir():
        return found
    prefix = f"{db_path.stem}-"
    for path in folder.glob(f"{prefix}*.sqlite3"):
        parts = path.stem[len(prefix):].split("-", 2)
        try:
            taken = datetime.strptime("-".join(parts[:2]), _STAMP)
        except ValueError:
            continue
        found.append(BackupInfo(path, taken, parts[2] if len(parts) > 2 else "",
                                path.stat().st_size))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def backup_references(db_path: Path) -> set[str]:
    """Fingerprints of the received files the kept backups of a database refer to: 清理 keeps
    their content on disk, so restoring any backup brings its files back whole."""
    found: set[str] = set()
    for info in list_backups(db_path):
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


def backup_if_due(store: Store, now: datetime | None = None) -> Path | None:
    """The once-a-day backup on start: taken when none exists from today."""
    if store.path is None:
        return None
    now = now or datetime.now()
    latest = list_backups(store.path)
    if latest and latest[0].taken.date() == now.date():
        return None
    return take_backup(store.path, "daily", now, store.db.conn)


def restore_backup(store: Store, backup: Path) -> Path:
    """Replace the open database's content with a backup; the current state is backed up first."""
    if store.path is None:
        raise StoreError(_tr("内存数据库没有备份。"))
    check_database_file(backup)
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise StoreError(_tr("备份“{0}”已损坏，未恢复。").format(backup.name))
        safety = take_backup(store.path, "before-restore", conn=store.db.conn)
        source.backup(store.db.conn)
    except sqlite3.Error as exc:
        raise StoreError(_tr("恢复备份失败，数据库未改动：{0}").format(exc)) from exc
    finally:
        source.close()
    store.forget_cache()
    return safety
