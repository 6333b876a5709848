"""Start the program: the window, or one command of the command line."""
from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line, open the database and run the window or a command."""
    from cli import build_parser, run_command
    from models.paths import default_database_path
    from models.seed import open_seeded
    from models.storage import StoreError

    args = build_parser().parse_args(argv)
    db_path = args.db or default_database_path()
    if args.command is None:
        from ui.desktop_libraries import missing_message, missing_packages, needs_xcb
        missing = missing_packages() if needs_xcb() else []
        if missing:  # Qt would abort while loading its xcb platform
            sys.stderr.write(missing_message(missing))
            return 4
        from ui.app import run_gui
        return run_gui(args, db_path)
    lock = None
    if args.command == "import" and not args.dry_run:
        from models.db_lock import IN_USE_MESSAGE, lock_database
        try:
            lock = lock_database(db_path)
        except StoreError as exc:
            sys.stderr.write(f"错误：{exc}\n")
            return 2
        if lock is None:
            sys.stderr.write("错误：" + IN_USE_MESSAGE.format(db_path) + "\n")
            return 3
    try:
        store = open_seeded(db_path)
    except StoreError as exc:
        sys.stderr.write(f"错误：{exc}\n")
        return 2
    try:
        return run_command(store, args)
    finally:
        store.close()
        if lock is not None:
            lock.unlock()


if __name__ == "__main__":
    sys.exit(main())
