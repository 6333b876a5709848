"""Is the database whole? The open-time check, and what a SQLite error means to the user."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from models.db.backup_list import list_backups, reason_label
from models.errors import DamagedDatabase, EmptyDatabase
from models.i18n import _tr

EXPECTED_TABLES = frozenset({"campaigns", "units", "activities", "submissions"})
"""Tables every database of ours holds once its first migration ran."""


def newest_backup_text(path: Path) -> str | None:
    """The newest backup of a database in words; None when it has none."""
    try:
        backups = list_backups(path)
    except OSError:
        backups = []
    if not backups:
        return None
    newest = backups[0]
    return _tr("最新的备份是 {0}（{1}）：{2}").format(
        newest.taken.strftime("%Y-%m-%d %H:%M"), reason_label(newest.reason), newest.path)


def _in_words(detail: str) -> str:
    """SQLite's words for the common kinds of damage, in the user's language."""
    known = {"database disk image is malformed": _tr("文件中的数据页已损坏"),
             "file is not a database": _tr("文件头已损坏，不像数据库文件")}
    return known.get(detail, detail)


def damaged(path: Path, detail: str) -> DamagedDatabase:
    """The error for a damaged database, naming the newest backup and how to put it back."""
    detail = _in_words(detail)
    newest = newest_backup_text(path)
    summary = _tr("数据库文件“{0}”已损坏（{1}），未作任何改动。").format(path, detail) + "\n" + (
        newest or _tr("这个数据库还没有任何备份。"))
    how = (_tr("在窗口中打开这个数据库时，可以选择“恢复备份”把备份放回原处（损坏的文件会另存一份）。")
           if newest else _tr("请不要删除这个文件，联系技术人员尝试修复。"))
    return DamagedDatabase(summary + "\n" + how, path, summary)


def empty(path: Path) -> EmptyDatabase:
    """The error for an existing database file of 0 bytes."""
    newest = newest_backup_text(path)
    summary = _tr("数据库文件“{0}”是空的（0 字节），其中没有任何数据。").format(path) + "\n" + (
        newest or _tr("这个数据库还没有任何备份。"))
    how = (_tr("在窗口中打开它时，可以选择“恢复备份”，或者新建 2021 年活动；命令行加 --init 新建。")
           if newest else _tr("在窗口中打开它时可以新建 2021 年活动；命令行加 --init 新建。"))
    return EmptyDatabase(summary + "\n" + how, path, summary)


def check_health(conn: sqlite3.Connection, path: Path) -> None:
    """SQLite's quick_check of every page, and the tables we expect (DamagedDatabase)."""
    try:
        findings = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as exc:
        raise damaged(path, str(exc)) from exc
    if findings != ["ok"]:
        raise damaged(path, "; ".join(findings[:3]))
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    missing = EXPECTED_TABLES - tables
    if missing:
        raise damaged(path, _tr("缺少数据表 {0}").format("、".join(sorted(missing))))


def damage_of(exc: sqlite3.Error, path: Path | None) -> DamagedDatabase | None:
    """The damaged-database error a SQLite error met while working stands for (a damaged
    page, a file that is no database, a table or column gone), or None."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc)
    if path is None:
        return None
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text:
        return damaged(path, text)
    if text.startswith(("no such table", "no such column")):
        return damaged(path, _tr("数据库的结构被改动过：{0}").format(text))
    return None


def sqlite_error_message(exc: sqlite3.Error, path: Path | None) -> str:
    """What a SQLite error met while working means: a damaged file (with the way back), a
    changed structure, a full disk, a read-only file, a busy database or a disk error."""
    problem = damage_of(exc, path)
    if problem is not None:
        return str(problem)
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc)
    where = path if path is not None else _tr("（内存）")
    if name.startswith("SQLITE_FULL"):
        return _tr("磁盘已满：数据库“{0}”无法写入。请腾出空间后重试。").format(where)
    if name.startswith("SQLITE_READONLY"):
        return _tr("数据库文件“{0}”不能写入（只读或没有权限）。").format(where)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return _tr("数据库“{0}”正被其他程序使用，请稍后重试。").format(where)
    if name.startswith("SQLITE_IOERR"):
        return _tr("读写数据库文件“{0}”时出现磁盘错误：{1}").format(where, text)
    if name.startswith("SQLITE_CANTOPEN"):
        return _tr("无法打开数据库文件“{0}”：{1}").format(where, text)
    return _tr("数据库“{0}”出错：{1}").format(where, text)
