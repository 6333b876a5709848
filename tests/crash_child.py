"""A worker that tests/test_crash_safety.py kills with SIGKILL; not a test module.

It works on a real database file until it is killed, and prints one line after each step so
the test can time its kills and knows what was committed before the kill:

    python tests/crash_child.py import DB FIRST.xlsx SECOND.xlsx
        Imports the two returned workbooks in turn (FIRST, SECOND, FIRST, …) with the program's
        own `import_workbook`, each a real import of thousands of rows.  Prints
        ``ready PID`` once the database is open, ``writing PID K NAME`` inside import K's
        transaction before its first row is deleted, ``committed PID K NAME`` after it.
    python tests/crash_child.py export DB FOLDER
        Exports the attachment to FOLDER/附件.docx and FOLDER/附件.xlsx in turn.  Prints
        ``ready PID``, then ``start PID K FORMAT`` and ``done PID K FORMAT`` around each file.
    python tests/crash_child.py serve
        A fork server, so a hundred kills do not pay a hundred interpreter start-ups: it imports
        everything once, prints ``serving PID``, then reads the commands above from standard
        input (one a line, arguments separated by tabs), forks a worker for each, waits for it
        and prints ``exit PID STATUS`` (negative: killed by that signal).  Standard input
        closed: it ends.

Every line is written with one os.write of less than PIPE_BUF bytes, so the lines of the
server and its workers never mix in the shared pipe.  A worker stops by itself after
MAX_STEPS steps or when its parent has gone, so nothing is left running if the test dies.
"""
from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from exporters.docx_appendix import export_appendix  # noqa: E402
from exporters.xlsx_appendix import export_appendix_xlsx  # noqa: E402
from importers.workbook import import_workbook  # noqa: E402
from models.db.opening import open_database  # noqa: E402

TODAY = date(2021, 5, 9)
"""The day every import is made on, so the test knows what the submission must say."""

MAX_STEPS = 100_000


def emit(*words: object) -> None:
    """One line to standard output, in a single write."""
    os.write(1, (" ".join(str(w) for w in words) + "\n").encode())


def import_loop(db: str, first: str, second: str) -> int:
    """Import the two workbooks in turn until killed."""
    pid = os.getpid()
    parent = os.getppid()
    store = open_database(db)
    step = 0
    original = store.delete_activities

    def announced(*args, **kwargs):
        emit("writing", pid, step, Path(current).stem)
        return original(*args, **kwargs)

    store.delete_activities = announced  # type: ignore[method-assign]
    emit("ready", pid)
    workbooks = (first, second)
    while step < MAX_STEPS and os.getppid() == parent:
        current = workbooks[step % 2]
        plan = import_workbook(store, current, today=TODAY)
        if not plan.ok:
            emit("failed", pid, step, plan.as_text().replace("\n", " | ")[:2000])
            return 3
        emit("committed", pid, step, Path(current).stem)
        step += 1
    return 0


def export_loop(db: str, folder: str) -> int:
    """Export the attachment as .docx and .xlsx in turn until killed."""
    pid = os.getpid()
    parent = os.getppid()
    store = open_database(db)
    data = store.load()
    store.close()
    out = Path(folder)
    exports = (("docx", export_appendix), ("xlsx", export_appendix_xlsx))
    emit("ready", pid)
    step = 0
    while step < MAX_STEPS and os.getppid() == parent:
        for fmt, export in exports:
            emit("start", pid, step, fmt)
            export(data, out / f"附件.{fmt}")
            emit("done", pid, step, fmt)
        step += 1
    return 0


WORKERS = {"import": import_loop, "export": export_loop}


def run(argv: list[str]) -> int:
    """Run one worker command."""
    return WORKERS[argv[0]](*argv[1:])


def serve() -> int:
    """Fork a worker for each command line read from standard input."""
    emit("serving", os.getpid())
    for line in sys.stdin:
        argv = line.rstrip("\n").split("\t")
        if not argv or argv[0] not in WORKERS:
            emit("unknown", os.getpid(), line.strip()[:200])
            continue
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                code = run(argv)
            except BaseException:  # noqa: BLE001 - reported on stderr, exit code tells
                import traceback
                traceback.print_exc()
                sys.stderr.flush()
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        emit("exit", pid, code)
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(serve() if args == ["serve"] else run(args))
