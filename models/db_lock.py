"""One writer per database: a lock file beside it, held while a window or import runs."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from models.errors import StoreError
from models.i18n import _tr


def lock_database(db_path: Path) -> QLockFile | None:
    """Hold the lock beside the database; None when another live process holds it."""
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(_tr("无法创建数据库所在的文件夹“{0}”：{1}").format(
                             db_path.parent, exc.strerror or exc)) from exc
    lock = QLockFile(str(db_path) + ".lock")
    lock.setStaleLockTime(0)  # never by age; a lock whose process died is taken over
    if not lock.tryLock(200):
        return None
    return lock
