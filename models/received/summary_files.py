"""The files units send for their items (活动总结), kept by the program.

Each file's content lives once in a folder beside the database (`NAME.files` for the
database file NAME, see models/db/places.py), named by its SHA-256 and
never changed after it is written; the database records which item received which content
under which name on which day. An item that receives a second, different file keeps the
first as an earlier version. Backups of the database are backups of the archive too: a
content file stays on disk while the database or any kept backup refers to it, and only
an explicit 清理 removes what nothing refers to any more (see README, "Where the data lives").
"""
from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from models.db.places import files_dir, is_sqlite_database, legacy_files_dir
from models.db.storage import Store
from models.errors import StoreError, SummaryRefused
from models.i18n import _tr
from models.received.file_kinds import FileKind, FileRefused, summary_kind
from models.text import clean_text, file_name_text

_CHUNK = 1 << 20
INCOMING = ".incoming"
"""Sub-folder for content being written; a crash leaves at most a temporary file there."""


@dataclass(frozen=True, slots=True)
class Incoming:
    """A file about to be received: where it is, what it is, its content's fingerprint."""

    path: Path
    kind: FileKind
    sha256: str
    size: int

    @property
    def name(self) -> str:
        """The name the unit gave the file."""
        return clean_text(file_name_text(self.path.name)).replace("\n", " ")


@dataclass(frozen=True, slots=True)
class SummaryVersion:
    """One file an item received: its content, original name and day of arrival."""

    id: int
    submission_id: int
    sha256: str
    name: str
    size: int
    kind: FileKind
    received: date | None
    added: str
    number: int = 1
    """1 for the first file the item received, 2 for the next …"""


@dataclass(slots=True)
class CleanupPlan:
    """What 清理 would remove, and what it keeps only because a backup needs it."""

    records: list[str] = field(default_factory=list)
    """Contents no item refers to: their database rows go."""
    files: list[Path] = field(default_factory=list)
    """Content files that go from the disk (no item, no backup, no undo step needs them)."""
    kept_for_backups: list[str] = field(default_factory=list)
    freed_bytes: int = 0

    def as_text(self) -> str:
        """What was (or would be) done, in one or two sentences."""
        if not self.files and not self.kept_for_backups:
            return _tr("没有需要清理的文件。")
        if not self.files:
            return _tr("没有可删除的文件：{0} 个不再被报送事项引用的文件仍被备份引用，予以保留，"
                       "以便恢复备份。").format(len(self.kept_for_backups))
        text = _tr("已清理 {0} 个不再被任何报送事项引用的文件，释放 {1:.1f} MB。").format(
            len(self.files), self.freed_bytes / 1024 / 1024)
        if self.kept_for_backups:
            text += _tr("另有 {0} 个文件仍被备份引用，予以保留，以便恢复备份。").format(
                len(self.kept_for_backups))
        return text


def _sharers(db_path: Path, legacy: Path) -> list[Path]:
    """Other databases beside db_path whose earlier archive folder was also `legacy`."""
    out = []
    for other in db_path.parent.iterdir():
        if other.stem != db_path.stem or not other.is_file() or not is_sqlite_database(other):
            continue
        try:
            if not os.path.samefile(other, db_path):
                out.append(other)
        except OSError:
            continue
    return out


def _link_or_copy(source: Path, target: Path) -> None:
    """Put a content file at target: a hard link when the disk allows, else a copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def migrate_archive(store: Store, folder: Path) -> None:
    """Move the received files from the folder earlier versions used (named after the
    database's name without extension) into `folder`. When another database with the same
    stem shares that old folder, only this database's files (those it or its backups refer
    to) are linked or copied over, and the old folder stays, untouched, for the other."""
    from models.db.backup import backup_references
    legacy = legacy_files_dir(store.path)
    if folder.exists() or not legacy.is_dir() or legacy == folder:
        return
    try:
        if not _sharers(store.path, legacy):
            os.rename(legacy, folder)
            return
        wanted = {r[0] for r in store.db.execute("SELECT sha256 FROM stored_files")}
        wanted |= backup_references(store.path)
        staging = folder.with_name(folder.name + ".part")
        shutil.rmtree(staging, ignore_errors=True)
        for sha in sorted(wanted):
            source = legacy / sha[:2] / sha
            if source.is_file():
                _link_or_copy(source, staging / sha[:2] / sha)
        staging.mkdir(exist_ok=True)
        os.rename(staging, folder)
    except OSError as exc:
        raise StoreError(_tr("无法把收到的文件从“{0}”移到“{1}”：{2}；未作任何改动。").format(
            legacy, folder, exc.strerror or exc)) from exc


class NotARegularFile(OSError):
    """A path that leads to a FIFO, a device or another special file: never read."""


def file_digest(path: Path) -> tuple[str, int]:
    """SHA-256 (hex) and size of a regular file, read in chunks; NotARegularFile for a FIFO
    or a device (opened without blocking, so a FIFO never stalls the reader)."""
    digest = hashlib.sha256()
    size = 0
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotARegularFile(0, _tr("不是普通文件"), str(path))
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _disk_message(exc: OSError, what: str) -> str:
    """A user message for a failure writing into the archive."""
    if exc.errno in (28, 122):  # ENOSPC, EDQUOT
        return _tr("磁盘已满，无法保存{0}；未作任何改动。").format(what)
    return _tr("无法保存{0}：{1}；未作任何改动。").format(what, exc.strerror or exc)


class SummaryArchive:
    """Received files of one database: content on disk, versions in the database."""

    def __init__(self, store: Store, folder: Path | None = None) -> None:
        if folder is None:
            if store.path is None:
                raise StoreError(_tr("内存数据库没有文件存档。"))
            folder = files_dir(store.path)
            try:
                migrate_archive(store, folder)
            except StoreError:
                legacy = legacy_files_dir(store.path)
                if _sharers(store.path, legacy):
                    raise
                folder = legacy  # a folder that cannot be written: read the old one as it is
        self.store = store
        self.folder = folder

    # -- content -------------------------------------------------------------------

    def content_path(self, sha256: str) -> Path:
        """Where the content with this fingerprint is kept."""
        return self.folder / sha256[:2] / sha256

    def identify(self, path: Path | str) -> Incoming:
        """Check that a file may be a summary and fingerprint it; SummaryRefused if not."""
        path = Path(path)
        try:
            kind = summary_kind(path)
            sha, size = file_digest(path)
        except FileRefused as exc:
            raise SummaryRefused(str(exc)) from exc
        except OSError as exc:
            raise SummaryRefused(_tr("无法读取“{0}”：{1}").format(
                path.name, exc.strerror or exc)) from exc
        return Incoming(path, kind, sha, size)

    def has_content(self, sha256: str, size: int) -> bool:
        """Whether the content is on disk with the right size (a cheap check)."""
        try:
            return self.content_path(sha256).stat().st_size == size
        except OSError:
            return False

    def store_content(self, incoming: Incoming) -> None:
        """Copy a file's content into the archive, checked before it is renamed into place.

        Content already there is left as it is. StoreError when the disk refuses, or when
        the file changed since it was identified; the archive then holds nothing new.
        """
        if self.has_content(incoming.sha256, incoming.size) and self.intact(incoming.sha256):
            return
        what = _tr("“{0}”").format(incoming.name)
        target = self.content_path(incoming.sha256)
        tmp = self.folder / INCOMING / f"{incoming.sha256}.{os.getpid()}.part"
        try:
            tmp.parent.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            with incoming.path.open("rb") as source, tmp.open("wb") as out:
                while chunk := source.read(_CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            if digest.hexdigest() != incoming.sha256 or file_digest(tmp)[0] != incoming.sha256:
                raise SummaryRefused(_tr("“{0}”在读取过程中被改动或无法完整写入，未接收；"
                                         "请关闭正在编辑它的程序后重试。").format(incoming.name))
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp.chmod(0o444)
            if target.is_symlink() or (target.exists() and not target.is_file()):
                target.unlink()  # a link or FIFO put in the content's place goes
            elif target.exists():  # damaged content being mended (read-only on Windows)
                target.chmod(0o644)
            os.replace(tmp, target)
        except OSError as exc:
            raise StoreError(_disk_message(exc, what)) from exc
        finally:
            tmp.unlink(missing_ok=True)

    def verified_content(self, version: SummaryVersion) -> Path:
        """The kept content of a version, after checking it is whole; StoreError if not."""
        path = self.content_path(version.sha256)
        mend = _tr("请把同一文件再接收一次（同一单位、同一事项），即可修复存档；"
                   "数据库的备份不含收到的文件，恢复备份不能找回它。")
        try:
            sha, _size = file_digest(path)
        except NotARegularFile as exc:
            raise StoreError(_tr("存档中“{0}”的内容已被替换为管道、设备或其他特殊文件，未读取。"
                                 ).format(version.name) + mend) from exc
        except OSError as exc:
            raise StoreError(_tr("存档中找不到“{0}”的内容（{1}）。").format(
                version.name, path) + mend) from exc
        if sha != version.sha256:
            raise StoreError(_tr("存档中“{0}”的内容已损坏（校验值不符）。").format(
                version.name) + mend)
        return path  # a Word file kept before today's limits is checked (and named) by the book

    def intact(self, sha256: str) -> bool:
        """Whether the content with this fingerprint is on disk, whole."""
        try:
            return file_digest(self.content_path(sha256))[0] == sha256
        except OSError:
            return False

    # -- versions ------------------------------------------------------------------

    _SELECT = ("SELECT l.id, l.submission_id, l.sha256, l.name, f.size, f.kind, l.received, "
               "l.added FROM submission_files l JOIN stored_files f ON f.sha256 = l.sha256 ")

    @staticmethod
    def _version(row: tuple, number: int = 1) -> SummaryVersion:
        """A database row as a version."""
        vid, sid, sha, name, size, kind, received, added = row
        return SummaryVersion(vid, sid, sha, name, size, FileKind(kind),
                              date.fromisoformat(received) if received else None, added, number)

    def versions(self, submission_id: int) -> list[SummaryVersion]:
        """Every file an item received, oldest first (the last is the current one)."""
        rows = self.store.db.execute(self._SELECT + "WHERE l.submission_id = ? ORDER BY l.id",
                                     [submission_id]).fetchall()
        return [self._version(r, n) for n, r in enumerate(rows, 1)]

    def campaign_versions(self, campaign_id: int) -> dict[int, list[SummaryVersion]]:
        """Each item of a campaign with files: its versions, oldest first."""
        rows = self.store.db.execute(
            self._SELECT + "JOIN submissions s ON s.id = l.submission_id "
            "WHERE s.campaign_id = ? ORDER BY l.submission_id, l.id", [campaign_id]).fetchall()
        out: dict[int, list[SummaryVersion]] = {}
        for row in rows:
            held = out.setdefault(row[1], [])
            held.append(self._version(row, len(held) + 1))
        return out

    def holders(self, sha256: str) -> list[SummaryVersion]:
        """Every version, of any item, with this content: the same file sent before."""
        rows = self.store.db.execute(self._SELECT + "WHERE l.sha256 = ? ORDER BY l.id",
                                     [sha256]).fetchall()
        return [self._version(r) for r in rows]

    def add_version(self, submission_id: int, incoming: Incoming, received: date | None,
                    version_id: int | None = None, added: str | None = None) -> SummaryVersion:
        """Record that an item received a file (content already stored); a given id and time
        put back a version that undo took away."""
        if not self.has_content(incoming.sha256, incoming.size):
            raise StoreError(_tr("“{0}”的内容不在存档中，未记录。").format(incoming.name))
        added = added or datetime.now().isoformat(timespec="seconds")
        db = self.store.db
        with self.store.transaction():
            db.execute("INSERT OR IGNORE INTO stored_files (sha256, size, kind, stored_at) "
                       "VALUES (?, ?, ?, ?)",
                       [incoming.sha256, incoming.size, str(incoming.kind), added])
            cursor = db.execute(
                "INSERT INTO submission_files (id, submission_id, sha256, name, received, added)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [version_id, submission_id, incoming.sha256, incoming.name,
                 received.isoformat() if received else None, added])
        new_id = cursor.lastrowid if version_id is None else version_id
        return next(v for v in self.versions(submission_id) if v.id == new_id)

    def remove_version(self, version_id: int) -> None:
        """Forget that an item received a file (its content stays until 清理)."""
        with self.store.transaction():
            self.store.db.execute("DELETE FROM submission_files WHERE id = ?", [version_id])

    # -- checking and cleaning --------------------------------------------------------

    def missing(self, campaign_id: int | None = None) -> list[SummaryVersion]:
        """Versions whose content is not on disk with its recorded size."""
        where = "" if campaign_id is None else \
            "JOIN submissions s ON s.id = l.submission_id WHERE s.campaign_id = ? "
        rows = self.store.db.execute(self._SELECT + where + "ORDER BY l.id",
                                     [] if campaign_id is None else [campaign_id]).fetchall()
        versions = [self._version(r) for r in rows]
        return [v for v in versions if not self.has_content(v.sha256, v.size)]

    def _referenced(self) -> set[str]:
        """Contents some item of the live database refers to."""
        return {r[0] for r in self.store.db.execute("SELECT DISTINCT sha256 FROM submission_files")}

    def _on_disk(self) -> dict[str, Path]:
        """Content files in the folder by fingerprint, and leftovers of interrupted writes."""
        found: dict[str, Path] = {}
        if not self.folder.is_dir():
            return found
        for sub in self.folder.iterdir():
            if sub.is_dir() and len(sub.name) == 2:
                for item in sub.iterdir():
                    found[item.name] = item
            elif sub.name == INCOMING and sub.is_dir():
                for item in sub.iterdir():
                    found[f"{INCOMING}/{item.name}"] = item
        return found

    def cleanup_plan(self, keep: Iterable[str] = ()) -> CleanupPlan:
        """What 清理 would remove: contents no item refers to and no undo step may bring back,
        from the database; from the disk, only those no kept backup refers to either."""
        from models.db.backup import backup_references
        needed = self._referenced() | set(keep)
        recorded = {r[0] for r in self.store.db.execute("SELECT sha256 FROM stored_files")}
        backups = backup_references(self.store.path) if self.store.path else set()
        plan = CleanupPlan(records=sorted(recorded - needed))
        for name, path in sorted(self._on_disk().items()):
            if name in needed:
                continue
            if name in backups:
                plan.kept_for_backups.append(name)
                continue
            plan.files.append(path)
            try:
                plan.freed_bytes += path.stat().st_size
            except OSError:
                pass
        return plan

    def clean(self, keep: Iterable[str] = ()) -> CleanupPlan:
        """Carry out 清理: the database rows in one transaction, then the files."""
        plan = self.cleanup_plan(keep)
        try:
            with self.store.transaction():
                self.store.db.conn.executemany("DELETE FROM stored_files WHERE sha256 = ?",
                                               [(sha,) for sha in plan.records])
        except sqlite3.IntegrityError as exc:  # an item took the content meanwhile
            raise StoreError(_tr("清理未完成：{0}").format(exc)) from exc
        for path in plan.files:
            try:
                path.chmod(0o644)
                path.unlink()
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise StoreError(_tr("无法删除“{0}”：{1}").format(path, exc.strerror or exc)) \
                    from exc
        return plan
