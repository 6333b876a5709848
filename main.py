"""Start the program: the window, or one command of the command line."""
from __future__ import annotations

import gc
import sys
from collections.abc import Sequence

COMMAND_GC_THRESHOLD = (200_000, 30, 30)
"""Garbage collection for a one-shot command: cycles are still collected, but not after
every 700 new objects (mypy's setting; a 5,000-row export spent 25 ms collecting)."""


def main(argv: Sequence[str] | None = None, one_shot_gc: bool = False) -> int:
    """Parse the command line and run the window or a command (with one_shot_gc, as a
    process that ends after it: collections tuned for that)."""
    from cli import build_parser, run_cli

    args = build_parser().parse_args(argv)
    if args.command is None:
        from ui.desktop_libraries import missing_message, missing_packages, needs_xcb
        missing = missing_packages() if needs_xcb() else []
        if missing:  # Qt would abort while loading its xcb platform
            sys.stderr.write(missing_message(missing))
            return 4
        from ui.app import run_gui
        return run_gui(args)
    try:
        if not one_shot_gc:
            return run_cli(args)
        gc.set_threshold(*COMMAND_GC_THRESHOLD)
        code = run_cli(args)
    except ImportError as exc:  # Qt's libraries need a system library that is not installed
        if ".so" not in str(exc):
            raise
        from ui.desktop_libraries import missing_message, missing_packages
        sys.stderr.write(missing_message(missing_packages() or [str(exc).split(":")[0]]))
        return 4
    gc.freeze()  # what is left goes with the process: the collections at exit skip it
    return code


if __name__ == "__main__":
    sys.exit(main(one_shot_gc=True))
