"""Start the program: the window, or one command of the command line."""
from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run the window or a command."""
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
    return run_cli(args)


if __name__ == "__main__":
    sys.exit(main())
