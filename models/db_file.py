"""Checking a file before it is opened as our database: is it one, and one we can read?"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from models.errors import StoreError
from models.i18n import _tr
from models.schema import KNOWN_MIGRATIONS, MIGRATION_SET, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"


def check_database_file(path: Path) -> None:
    """Refuse, without touching it, a file that is not a database of ours."""
    if not path.exists():
        return
    if path.is_dir():
        raise StoreError(_tr("“{0}”是一个文件夹，不是数据库文件。").format(path))
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(_tr("无法读取数据库文件“{0}”：{1}").format(path, exc.strerror or exc)) from exc
    if not head:
        return
    if head != SQLITE_MAGIC:
        raise StoreError(_tr("“{0}”不是 SQLite 数据库文件，未作任何改动。").format(path))
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StoreError(_tr("无法打开数据库文件“{0}”：{1}").format(path, exc)) from exc
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
        raise StoreError(_tr("数据库文件“{0}”已损坏或无法读取：{1}").format(path, exc)) from exc
    finally:
        conn.close()
    if version > SCHEMA_VERSION or applied - KNOWN_MIGRATIONS:
        raise StoreError(
            _tr("数据库“{0}”由更新版本的程序写入（结构版本 {1}），本程序只支持到版本 {2}。请升级程序后再打开；文件未作任何改动。").format(
                path, version, SCHEMA_VERSION)
        )
    user_tables = {t for t in tables if not t.startswith(("sqlite_", "_sqlite_"))}
    if user_tables and not applied:
        raise StoreError(_tr("“{0}”是其他程序的 SQLite 数据库，不是计量日活动数据库；未作任何改动。").format(path))
