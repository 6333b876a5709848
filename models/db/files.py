"""Reading a file the user named: a regular file only, never more than a size limit.

A FIFO, a device (a link to /dev/zero) or a socket would block or never end; they are
refused from their status, before they are opened for reading, and the file is opened
without blocking and checked again, so one swapped in between is refused as well.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from models.db.os_errors import os_error_text
from models.errors import FileRefused
from models.i18n import _tr

_CHUNK = 1 << 20


def _kind_problem(path: Path, mode: int, noun: str) -> str | None:
    """Why a file of this mode is not read, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return _tr("“{0}”是一个文件夹，不是{1}。").format(path, noun)
    if stat.S_ISFIFO(mode):
        what = _tr("管道（FIFO）")
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = _tr("设备")
    elif stat.S_ISSOCK(mode):
        what = _tr("套接字")
    else:
        what = _tr("特殊文件")
    return _tr("“{0}”不是普通文件，而是{1}；未读取。").format(path, what)


def check_regular_file(path: Path, noun: str = "") -> os.stat_result | None:
    """The status of a regular file (symbolic links followed), None when nothing is there;
    FileRefused for anything else, or when the path cannot be looked at. `noun` names what
    the file should be (Excel 文件, 数据库文件) in the message for a folder."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise FileRefused(os_error_text(exc, path)) from exc
    problem = _kind_problem(path, info.st_mode, noun or _tr("文件"))
    if problem:
        raise FileRefused(problem)
    return info


def too_big_message(size: int, limit: int) -> str:
    """A file over its size limit."""
    return _tr("文件过大（{0:.1f} MB），最多 {1} MB。").format(size / 1024 / 1024,
                                                        limit // 1024 // 1024)


def read_regular_file(path: Path, limit: int, noun: str = "") -> bytes:
    """The whole content of a regular file of at most `limit` bytes; FileRefused otherwise."""
    if check_regular_file(path, noun) is None:
        raise FileRefused(_tr("文件“{0}”不存在。").format(path))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise FileRefused(os_error_text(exc, path)) from exc
    try:
        info = os.fstat(fd)
        problem = _kind_problem(path, info.st_mode, noun or _tr("文件"))  # swapped since
        if problem:
            raise FileRefused(problem)
        if info.st_size > limit:
            raise FileRefused(too_big_message(info.st_size, limit))
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise FileRefused(os_error_text(exc, path)) from exc
    finally:
        os.close(fd)
    if total > limit:  # it grew while being read
        raise FileRefused(too_big_message(total, limit))
    return b"".join(chunks)
