"""One writer per database: a lock file beside it, held while a window or import runs.

What stands in the way is told apart: a live program on this computer (the database is in
use), a lock left by another computer (shown with its process, host and age, removed only
when the user says so), an unreadable or empty lock file (taken over once it is a few
seconds old), a folder that cannot be written and a full disk. The lock is taken on the
resolved path, so a database reached through a symlink shares its lock with the real file.
"""
from __future__ import annotations

import os
import socket
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

from models.db.os_errors import os_error_text
from models.errors import LockedElsewhere, StoreError
from models.i18n import _tr

UNREADABLE_GRACE_SECONDS = 5.0  # a lock file is empty for a moment while its owner writes it


@dataclass(frozen=True)
class LockHolder:
    """Who the lock file names, and how old it is."""

    pid: int
    host: str
    app: str
    age_seconds: float

    def describe(self) -> str:
        """Process, computer and age, for a message."""
        minutes = int(self.age_seconds // 60)
        age = (_tr("{0} 分钟前").format(minutes) if minutes < 120
               else _tr("{0} 小时前").format(minutes // 60))
        return _tr("进程 {0}，计算机“{1}”，{2}").format(self.pid, self.host or "?", age)


def lock_path_for(db_path: Path) -> Path:
    """The lock file of a database, beside the file its path resolves to."""
    real = Path(os.path.realpath(db_path))
    return real.with_name(real.name + ".lock")


def lock_database(db_path: Path, take_over_foreign: bool = False) -> QLockFile | None:
    """Hold the lock beside the database; None when a live program here holds it.

    Raises StoreError when the folder cannot be made or written or the disk is full, and
    LockedElsewhere when another computer's lock stands (unless take_over_foreign).
    """
    path = lock_path_for(db_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(_folder_message(path.parent, exc)) from exc
    if os.path.lexists(path) and not path.is_symlink() and not path.is_file():
        raise StoreError(_tr("数据库“{0}”的锁文件“{1}”不是普通文件（是一个文件夹或其他特殊文件），"
                             "无法加锁。请删除或改名它后重新打开。").format(db_path, path))
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # never by age; a lock whose process died is taken over
    for _attempt in range(2):
        if lock.tryLock(200):
            return lock
        if lock.error() != QLockFile.LockError.LockFailedError:
            raise StoreError(_unwritable_message(path.parent))
        holder = _holder(lock, path)
        if holder is None:  # vanished between the attempt and the look
            continue
        if not holder.pid or not holder.host:
            if holder.age_seconds < UNREADABLE_GRACE_SECONDS:
                return None
            lock.removeStaleLockFile()  # empty or garbage: no program can be named as owner
            continue
        if holder.host != socket.gethostname():
            if not take_over_foreign:
                raise LockedElsewhere(_tr(
                    "数据库“{0}”的锁文件是另一台计算机留下的（{1}）。\n"
                    "如果那台计算机已不再使用这个数据库，可以删除锁文件“{2}”后重新打开。"
                ).format(db_path, holder.describe(), path), path, holder)
            lock.removeStaleLockFile()
            take_over_foreign = False
            continue
        return None  # a live program on this computer holds it
    return None


def _holder(lock: QLockFile, path: Path) -> LockHolder | None:
    """The lock file's owner as it names itself (pid 0 when the file cannot be read)."""
    try:
        age = max(0.0, time.time() - path.stat().st_mtime)
    except OSError:
        return None
    pid, host, app = lock.getLockInfo()
    return LockHolder(int(pid or 0), str(host or ""), str(app or ""), age)


def _unwritable_message(folder: Path) -> str:
    """Why a lock file cannot be created in a folder: a probe file tells the cause."""
    try:
        with tempfile.TemporaryFile(dir=folder) as probe:
            probe.write(b"\0" * 4096)
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as exc:
        return _folder_message(folder, exc)
    return _tr("无法在“{0}”中创建锁文件。").format(folder)


def _folder_message(folder: Path, exc: OSError) -> str:
    """A message naming a full disk, a read-only or forbidden folder, or the system's words."""
    return os_error_text(exc, folder, folder=True)
