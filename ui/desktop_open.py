"""Whether the desktop has a program for a file, before asking it to open one: on Linux
xdg-open starts in the background and "succeeds" even when nothing can show the file."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QMimeDatabase

from models.child_env import child_environment

QUERY_SECONDS = 5


def has_program_for(path: Path) -> bool:
    """False when the desktop surely has no program for the file (Linux: xdg-mime names no
    default application for its type); True when it has one or cannot be asked (Windows,
    macOS: opening reports failure itself)."""
    if not sys.platform.startswith("linux"):
        return True
    query = shutil.which("xdg-mime")
    if query is None:
        return True
    mime = "inode/directory" if path.is_dir() else QMimeDatabase().mimeTypeForFile(
        str(path)).name()
    try:
        answer = subprocess.run([query, "query", "default", mime], capture_output=True,
                                text=True, timeout=QUERY_SECONDS, check=False,
                                env=child_environment())
    except (OSError, subprocess.TimeoutExpired):
        return True
    return bool(answer.stdout.strip())
