"""Real file-system faults for tests: a tiny full or read-only tmpfs (root and mount needed)."""
from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount_unavailable() -> str | None:
    """Why a tmpfs cannot be mounted here, or None when it can."""
    if os.name != "posix" or os.geteuid() != 0:
        return "mounting a tmpfs needs root"
    if shutil.which("mount") is None:
        return "no mount command"
    return None


@contextmanager
def tmpfs(where: Path, size_kb: int = 256, readonly: bool = False) -> Iterator[Path]:
    """Mount a small tmpfs at `where` (skipping the test with the reason when impossible)."""
    reason = _mount_unavailable()
    if reason:
        pytest.skip(f"real file-system fault not possible: {reason}")
    where.mkdir(parents=True, exist_ok=True)
    options = f"size={size_kb}k" + (",ro" if readonly else "")
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"real file-system fault not possible: mount failed: {result.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(folder: Path) -> None:
    """Fill the file system holding `folder` to the last byte."""
    with open(folder / ".filler", "wb", buffering=0) as filler:
        try:
            while True:
                filler.write(b"\0" * 4096)
        except OSError:
            pass


def remount_read_only(where: Path) -> None:
    """Make a tmpfs mounted by `tmpfs` read-only, keeping what was written to it."""
    result = subprocess.run(["mount", "-o", "remount,ro", str(where)], capture_output=True,
                            text=True)
    if result.returncode != 0:
        pytest.skip(f"real file-system fault not possible: remount failed: {result.stderr}")
