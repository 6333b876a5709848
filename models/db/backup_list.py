"""The backups kept beside a database: where they are, when and why each was taken."""
from __future__ import annotations

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
            taken = datetime.strptime("-".join(parts[:2]), STAMP)
        except ValueError:
            continue
        found.append(BackupInfo(path, taken, parts[2] if len(parts) > 2 else "",
                                path.stat().st_size))
    return sorted(found, key=lambda b: b.taken, reverse=True)
