"""Every error a user may see, in one module, by one rule.

The rule: an exception that may reach the user (a message in the window, a line on the
command line) is a UserError, defined here; its message says why in the user's words, and
nothing was changed. The window's actions (ui/actions.py) and the command line (cli.py)
show UserError (and the system's OSError and sqlite3.Error) as a message. Anything else
is a programming error: nobody catches it as a message, it reaches the crash report with
its traceback (exporters.docx_draft.LostBlock is one on purpose). A room may keep a
private exception only to leave its own loops, caught inside that room before it could
reach anyone: importers' SheetRefused and WorkbookRefused become errors of the import plan,
exporters' OutputCheckFailed becomes an ExportError, periods' _Unreadable a reason.

    UserError
    ├── StoreError              the database cannot be opened or changed
    │   ├── DatabaseInUse       another window or import holds its lock
    │   ├── LockedElsewhere     a lock left by another computer
    │   └── DamagedDatabase     a damaged file (EmptyDatabase: one of 0 bytes)
    ├── FileRefused             a file that is not to be read (a folder, a FIFO, too big …)
    ├── SummaryRefused          a file that cannot be received for an item
    ├── ReadError               a file that cannot be read back
    ├── ConversionError         LibreOffice could not convert (ConversionUnavailable: none)
    ├── ExportError             an output that could not be written
    ├── ExportUnsupported       a document and format the program cannot write
    ├── ValueRefused            a figure's value that is not a count to keep
    └── ProtectedPath           an output aimed at the database's own files
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from models.db.db_lock import LockHolder


class UserError(Exception):
    """Something the user asked for cannot be done; the message says why, in their words."""


class StoreError(UserError):
    """A database that cannot be opened or changed."""


class DatabaseInUse(StoreError):
    """Another window or import holds the database's lock."""


class LockedElsewhere(StoreError):
    """The lock was left by another computer: it may still be using the database."""

    def __init__(self, message: str, lock_path: Path, holder: LockHolder) -> None:
        super().__init__(message)
        self.lock_path = lock_path
        self.holder = holder


class DamagedDatabase(StoreError):
    """A database file that is damaged: the message names the newest backup and how to put
    it back; `summary` is what is wrong and the newest backup only (the window asks how)."""

    def __init__(self, message: str, path: Path, summary: str = "") -> None:
        super().__init__(message)
        self.path = path
        self.summary = summary or message


class EmptyDatabase(DamagedDatabase):
    """An existing database file of 0 bytes: restore a backup, or start anew if asked to."""


class FileRefused(UserError):
    """A file that is not to be read: what it is, or what went wrong, is the message."""


class SummaryRefused(UserError):
    """A file that cannot be received as a summary (no document, a day ahead, one another
    item holds); nothing was changed. A refused file, not a database failure."""


class ReadError(UserError):
    """A file that cannot be read back (a Word attachment table, for one)."""


class ConversionError(UserError):
    """LibreOffice could not convert a file; the message says why."""


class ConversionUnavailable(ConversionError):
    """LibreOffice is not installed here."""


class ExportError(UserError):
    """An output that could not be written."""


class ExportUnsupported(UserError):
    """A document and format combination the program cannot write."""


class ValueRefused(UserError):
    """A figure's value that is not a count the program can keep."""


class ProtectedPath(UserError):
    """An output aimed at one of the database's own files or folders."""
