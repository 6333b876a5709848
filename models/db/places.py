"""The files and folders that belong to a database: where its received files are kept, and
the places no output may ever replace (the database, its -wal/-shm/-journal, its lock, its
backups, its archive folder), whatever path or link leads there."""
from __future__ import annotations

import os
import stat
from pathlib import Path

from models.db.backup_list import backup_dir
from models.errors import ProtectedPath
from models.i18n import _tr

SQLITE_MAGIC = b"SQLite format 3\x00"
JOURNALS = ("-wal", "-shm", "-journal")




def files_dir(db_path: Path) -> Path:
    """The folder beside a database that holds its received files: named after the whole file
    name, so campaign.db and campaign.sqlite3 in one folder never share one (and ending in
    ".files", never equal to an earlier version's "-files" folder of another database)."""
    return db_path.parent / f"{db_path.name}.files"


def legacy_files_dir(db_path: Path) -> Path:
    """The folder earlier versions used (the name without its extension, shared by databases
    with the same stem)."""
    return db_path.parent / f"{db_path.stem}-files"


def _variants(path: Path) -> list[Path]:
    """A path as given (made absolute) and as it resolves through links."""
    given = Path(os.path.abspath(path))
    real = Path(os.path.realpath(path))
    return [given] if given == real else [given, real]


def protected_places(db_path: Path) -> tuple[list[Path], list[Path]]:
    """(files, folders) of a database that no output may replace or write into."""
    files: list[Path] = []
    folders: list[Path] = []
    for db in _variants(db_path):
        files.append(db)
        files += [db.with_name(db.name + suffix) for suffix in (*JOURNALS, ".lock")]
        folders += [backup_dir(db), files_dir(db), legacy_files_dir(db)]
    return files, folders


def is_sqlite_database(path: Path) -> bool:
    """Whether an existing file starts as an SQLite database does (any database, ours or not)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a FIFO is never opened: it would block
            return False
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return False
    try:
        return os.read(fd, len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False
    finally:
        os.close(fd)


def _same_file(a: Path, b: Path) -> bool:
    """Whether two existing paths are one file (a hard link included)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _inside(path: Path, folder: Path) -> bool:
    """Whether path is the folder or lies under it (both already absolute)."""
    return path == folder or folder in path.parents


def protected_reason(db_path: Path | None, target: Path | str) -> str | None:
    """Why an output must not be written at target, or None when it may be."""
    target = Path(target)
    candidates = _variants(target)
    if db_path is not None:
        files, folders = protected_places(db_path)
        real_folders = [Path(os.path.realpath(f)) for f in folders]
        for path in candidates:
            if any(path == f or _same_file(path, f) for f in files):
                return _tr("“{0}”是正在使用的数据库文件（或它的日志、锁文件），"
                           "导出不能覆盖它；请另选文件名。").format(target)
            if any(_inside(path, f) for f in folders + real_folders):
                return _tr("“{0}”在数据库的备份或收到文件的存档文件夹中，导出不能写入那里；"
                           "请另选位置。").format(target)
    if is_sqlite_database(target):
        return _tr("“{0}”是一个数据库文件，导出不能覆盖它；请另选文件名。").format(target)
    return None


def refuse_protected(db_path: Path | None, target: Path | str) -> None:
    """Raise ProtectedPath when an output at target would replace a database's own files."""
    reason = protected_reason(db_path, target)
    if reason:
        raise ProtectedPath(reason)
