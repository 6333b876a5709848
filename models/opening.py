"""Opening the database for a session: check, lock, back up, migrate, seed."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from models.db_file import check_database_file
from models.errors import DatabaseInUse, StoreError
from models.i18n import _tr
from models.seed import seed_store
from models.storage import Store


def open_database(path: Path | str | None, lock: bool = False,
                  warn: Callable[[str], object] | None = None,
                  take_over_foreign: bool = False) -> Store:
    """The database at path (None: in memory), ready for use; the window and every command
    open it here.

    1. check: a file that is not one of our databases, or that a newer program wrote, is
       refused untouched (StoreError);
    2. lock: a writer (lock=True) takes the lock beside the file, DatabaseInUse when
       another window or import holds it, LockedElsewhere when another computer left it
       (take_over_foreign removes that one, once the user agreed); the store lets go of
       it on close();
    3. back up: a writer takes the day's first backup of an existing database (a failure
       is only passed to `warn`), and any database is backed up before a migration;
    4. migrate the schema; 5. seed a new database with the embedded 2021 campaign.
    """
    if path is not None:
        path = Path(path)
        check_database_file(path)
    held = _take_lock(path, take_over_foreign) if lock and path is not None else None
    try:
        store = Store.connect(path)
    except BaseException:
        if held is not None:
            held.unlock()
        raise
    store.lock = held
    try:
        _back_up(store, daily=held is not None, warn=warn)
        store.migrate()
        if store.is_empty():
            seed_store(store)
    except BaseException:
        store.close()
        raise
    return store


def _take_lock(path: Path, take_over_foreign: bool):
    """The lock beside the database, or DatabaseInUse (Qt is only loaded by writers)."""
    from models.db_lock import lock_database
    held = lock_database(path, take_over_foreign)
    if held is None:
        raise DatabaseInUse(_tr("数据库“{0}”已在另一个窗口中打开。\n"
                                "请切换到那个窗口，或关闭它后再打开。").format(path))
    return held


def _back_up(store: Store, daily: bool, warn: Callable[[str], object] | None) -> None:
    """The day's backup (writers only) and the one before a migration."""
    if store.path is None or store.is_new():
        return
    from models.backup import backup_if_due, take_backup
    if daily:
        try:
            backup_if_due(store)
        except StoreError as exc:
            if warn is not None:
                warn(str(exc))
    if store.needs_migration():
        take_backup(store.path, "before-migration", conn=store.db.conn)
