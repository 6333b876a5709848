"""A private X server (Xvfb) for tests that need the real xcb platform."""
from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def xvfb() -> Iterator[str | None]:
    """Start Xvfb on a free display and yield its DISPLAY name (None when Xvfb is missing)."""
    binary = shutil.which("Xvfb")
    if binary is None:
        yield None
        return
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen([binary, "-displayfd", str(write_fd), "-screen", "0",
                               "1600x1000x24", "-nolisten", "tcp"],
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
