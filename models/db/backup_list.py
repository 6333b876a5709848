"""The backups kept beside a database: where they are, when and why each was taken."""
from __future__ import annotations

import glob
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from models.i18n import _tr

STAMP = "%Y%m%d-%H%M%S"


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


def reason_label(reason: str) -> str:
    """Why a backup was taken, in words."""
    labels = {"daily": _tr("每日自动备份"), "before-migration": _tr("升级前备份"),
              "before-restore": _tr("恢复前备份"), "manual": _tr("手动备份"),
              "before-wal": _tr("应用遗留日志（-wal）前备份"),
              "before-delete": _tr("删除年度前备份")}
    return labels.get(reason, reason)


def backup_prefix(db_path: Path) -> str:
    """How a database's backups are named: its whole file name, a dash, the time and why
    (campaign.db and campaign.sqlite3 in one folder never take each other's backups)."""
    return f"{db_path.name}-"


def _shares_stem(db_path: Path) -> bool:
    """Whether another SQLite file beside the database has the same name before its
    extension (so backups named by that stem, as earlier versions named them, could be
    either's)."""
    for other in db_path.parent.glob(f"{db_path.stem}*"):
        if other.stem != db_path.stem or other.name == db_path.name or not other.is_file():
            continue
        try:
            with open(other, "rb") as handle:
                if handle.read(16) == b"SQLite format 3\x00":
                    return True
        except OSError:
            continue
    return False


def _parse(path: Path, prefix: str) -> BackupInfo | None:
    """A backup file named prefix + time + reason, or None."""
    parts = path.stem[len(prefix):].split("-", 2)
    try:
        taken = datetime.strptime("-".join(parts[:2]), STAMP)
    except ValueError:
        return None
    return BackupInfo(path, taken, parts[2] if len(parts) > 2 else "", path.stat().st_size)


def list_backups(db_path: Path, include_shared: bool = False) -> list[BackupInfo]:
    """Backups of a database, newest first: those named after it, and those an earlier
    version named after its stem, unless another database has that stem too (then such a
    backup could be the other's: it is listed only with include_shared, and so neither
    offered for restoring nor dropped as old)."""
    folder = backup_dir(db_path)
    found: list[BackupInfo] = []
    if not folder.is_dir():
        return found
    prefixes = [backup_prefix(db_path)]
    if include_shared or not _shares_stem(db_path):
        prefixes.append(f"{db_path.stem}-")
    for prefix in dict.fromkeys(prefixes):
        for path in folder.glob(f"{glob.escape(prefix)}*.sqlite3"):
            info = _parse(path, prefix)
            if info is not None:
                found.append(info)
    return sorted(found, key=lambda b: b.taken, reverse=True)
