"""One message for whatever stops a user's action: a refusal, a file-system or database error."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from models.db.db_health import sqlite_error_message
from models.db.os_errors import os_error_text


def describe_failure(exc: BaseException, db_path: Path | None) -> str:
    """The user's words for a refusal (its own message), an OSError (what the system said,
    named) or a SQLite error (a damaged database pointing to 恢复备份, a full disk …)."""
    if isinstance(exc, sqlite3.Error):
        return sqlite_error_message(exc, db_path)
    if isinstance(exc, OSError):
        return os_error_text(exc)
    return str(exc)
