"""Running main.py on hostile input in a child process: 1 GB of memory, 30 seconds, and the
peak memory it used, whatever happens to it."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO

MEMORY_LIMIT = 1 << 30
TIME_LIMIT_S = 30.0


@dataclass(frozen=True)
class Outcome:
    """How a child run ended."""

    code: int | None  # None: killed after the time limit
    out: str
    err: str
    peak_mb: float
    seconds: float

    @property
    def hung(self) -> bool:
        """Killed after the time limit."""
        return self.code is None

    @property
    def said(self) -> str:
        """Everything the child printed (an import's report goes to stdout, errors to stderr)."""
        return self.out + self.err

    def refused_cleanly(self) -> bool:
        """A non-zero exit with a message and no traceback, in time."""
        return (not self.hung and self.code not in (0, None) and self.said.strip() != ""
                and "Traceback" not in self.err and "Exception ignored" not in self.err)


def _limit_memory() -> None:
    """In the child, before main.py starts: at most MEMORY_LIMIT of address space."""
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def without_file_permissions_override() -> list[str]:
    """A prefix that runs a root child without the power to read any file (so a file with
    mode 000 is really unreadable to it); [] when not root; skips when impossible."""
    if os.name != "posix" or os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: an unreadable file cannot be made")
    caps = "-dac_override,-dac_read_search"
    return [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}"]


def run_main(args: list[str], cwd: Path, prefix: list[str] = (), env: dict | None = None,
             limit_memory: bool = True, timeout: float = TIME_LIMIT_S) -> Outcome:
    """main.py with these arguments, in a child limited in memory and time."""
    if sys.platform != "linux":
        pytest.skip("the memory limit and peak measure need Linux (setrlimit, wait4)")
    out_path, err_path = cwd / ".child-out", cwd / ".child-err"
    child_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(cwd),
                 **(env or {})}
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.monotonic()
        proc = subprocess.Popen([*prefix, sys.executable, str(REPO / "main.py"), *args],
                                stdin=subprocess.DEVNULL, stdout=out, stderr=err, cwd=cwd,
                                env=child_env, preexec_fn=_limit_memory if limit_memory else None)
        killed = threading.Event()

        def kill() -> None:
            killed.set()
            proc.kill()
        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _pid, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - start
    return Outcome(None if killed.is_set() else proc.returncode,
                   out_path.read_text(errors="replace"), err_path.read_text(errors="replace"),
                   usage.ru_maxrss / 1024, seconds)


def file_bytes(path: Path | None) -> bytes | None:
    """A file's content, or None when there is no regular file."""
    try:
        return path.read_bytes() if path is not None and path.is_file() else None
    except OSError:  # a name too long to exist
        return None
