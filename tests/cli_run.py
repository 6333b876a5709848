"""Running one command of the command line in-process, as the tests of the commands do."""
from __future__ import annotations

import io

from cli import build_parser, run_command


def run_cli(store, *argv: str) -> tuple[int, str, str]:
    """Exit status, standard output and standard error of one command on a store."""
    out, err = io.StringIO(), io.StringIO()
    code = run_command(store, build_parser().parse_args(list(argv)), out, err)
    return code, out.getvalue(), err.getvalue()
