"""Checking a file before it is opened as our database: is it one, whole, and can we read it?"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from models.db.db_health import check_health, damaged
from models.db.files import FileRefused, check_regular_file
from models.db.os_errors import disk_full_text, no_space_left, os_error_text
from models.db.schema import KNOWN_MIGRATIONS, MIGRATION_SET, SCHEMA_VERSION
from models.errors import StoreError
from models.i18n import _tr

SQLITE_MAGIC = b"SQLite format 3\x00"
SIDE_FILES = ("-wal", "-shm", "-journal")
"""Files SQLite keeps beside a database and opens with it."""


def read_only_uri(path: Path, immutable: bool = False) -> str:
    """A URI opening the database read-only; immutable when its folder cannot be written
    (SQLite then reads the file as it lies, without the -shm file it cannot create)."""
    return f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")


def check_database_file(path: Path, read_only: bool = False) -> None:
    """Refuse, without touching it, a file that is not a whole database of ours.

    Anything but a regular file (a FIFO, a device, also as its -wal or -shm) is refused
    before it is opened; a SQLite file is read read-only (`read_only`: as it lies, for a
    folder that cannot be written), its pages checked (PRAGMA quick_check) and its tables.
    """
    try:
        info = check_regular_file(path, _tr("数据库文件"))
        for suffix in SIDE_FILES:
            check_regular_file(Path(f"{path}{suffix}"))
    except FileRefused as exc:
        raise StoreError(str(exc)) from exc
    if info is None or info.st_size == 0:
        return
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(os_error_text(exc, path)) from exc
    if head != SQLITE_MAGIC:
        raise StoreError(_tr("“{0}”不是 SQLite 数据库文件，未作任何改动。").format(path))
    try:
        conn = sqlite3.connect(read_only_uri(path, read_only), uri=True)
    except sqlite3.Error as exc:
        raise StoreError(_tr("无法打开数据库文件“{0}”：{1}").format(path, exc)) from exc
    try:
        _check_ours(conn, path)
    finally:
        conn.close()


def _check_ours(conn: sqlite3.Connection, path: Path) -> None:
    """A database of ours, from a program no newer than this one, whole."""
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        applied: set[str] = set()
        if "_sqlite_migrations" in tables:
            applied = {
                r[0]
                for r in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
                    [MIGRATION_SET],
                )
            }
    except sqlite3.DatabaseError as exc:
        name = getattr(exc, "sqlite_errorname", "") or ""
        if name.startswith(("SQLITE_CANTOPEN", "SQLITE_IOERR", "SQLITE_FULL")) and \
                no_space_left(path.parent):
            raise StoreError(disk_full_text(path)) from exc
        if name.startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_IOERR", "SQLITE_PERM",
                            "SQLITE_BUSY")):
            raise StoreError(_tr("无法读取数据库文件“{0}”：{1}").format(path, exc)) from exc
        raise damaged(path, str(exc)) from exc
    if version > SCHEMA_VERSION or applied - KNOWN_MIGRATIONS:
        raise StoreError(
            _tr("数据库“{0}”由更新版本的程序写入（结构版本 {1}），本程序只支持到版本 {2}。请升级程序后再打开；文件未作任何改动。").format(
                path, version, SCHEMA_VERSION)
        )
    user_tables = {t for t in tables if not t.startswith(("sqlite_", "_sqlite_"))}
    if user_tables and not applied:
        raise StoreError(_tr("“{0}”是其他程序的 SQLite 数据库，不是计量日活动数据库；未作任何改动。").format(path))
    if applied:
        check_health(conn, path)
