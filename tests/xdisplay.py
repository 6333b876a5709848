"""A private X server (Xvfb) for tests that need the real xcb platform, and the child
process that runs the real program there."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def xvfb(size: str = "1600x1000") -> Iterator[str | None]:
    """Start Xvfb on a free display with a screen of `size` pixels and yield its DISPLAY name
    (None when Xvfb is missing)."""
    binary = shutil.which("Xvfb")
    if binary is None:
        yield None
        return
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen([binary, "-displayfd", str(write_fd), "-screen", "0",
                               f"{size}x24", "-nolisten", "tcp"],
                              pass_fds=(write_fd,), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()  # Xvfb writes the display once it accepts clients
        yield f":{number}" if number else None
    finally:
        server.terminate()
        server.wait(timeout=30)


OFFSCREEN_NOTE = "This plugin does not support propagateSizeHints()\n"
"""What the offscreen platform plugin itself prints when a window is shown; nothing of ours."""


def run_program_child(script: str, args: list[str], home: Path, platform: str,
                      display: str | None, timeout: float, scale: str | None = None
                      ) -> subprocess.CompletedProcess[str]:
    """Run a test driver of the real program (tests/SCRIPT) in a child process with its own
    home, settings and data folders, on the given Qt platform (and X display, and
    QT_SCALE_FACTOR)."""
    repo = Path(__file__).resolve().parents[1]
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "QT_QPA_PLATFORM", "XDG_CURRENT_DESKTOP", "QT_SCALE_FACTOR")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), QT_QPA_PLATFORM=platform,
               PYTHONPATH=str(repo))
    if display:
        env["DISPLAY"] = display
    if scale:
        env["QT_SCALE_FACTOR"] = scale
    return subprocess.run([sys.executable, str(repo / "tests" / script), *args], env=env,
                          capture_output=True, text=True, timeout=timeout, cwd=repo)
