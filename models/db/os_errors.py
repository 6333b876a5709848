"""What an operating-system error means to the user, in their words."""
from __future__ import annotations

import errno
import os
from pathlib import Path

from models.i18n import _tr

NAME_MAX_BYTES = 255
"""The longest file or folder name most file systems take (ext4, NTFS in UTF-16 units)."""


def _too_long_text(path: Path) -> str:
    """Which name of a path is too long, or that the whole path is."""
    for part in path.parts:
        size = len(os.fsencode(part))
        if size > NAME_MAX_BYTES:
            return _tr("路径太长：“{0}”（{1} 字节，一个文件名最多 {2} 字节）。请换一个较短的名称。").format(
                part, size, NAME_MAX_BYTES)
    return _tr("路径太长（{0} 字节）：“{1}”。请换一个较短的文件夹或名称。").format(
        len(os.fsencode(str(path))), path)


def os_error_text(exc: OSError, path: Path | str | None = None, folder: bool = False) -> str:
    """A message for an OSError met while using `path` (a folder when `folder`).

    A full disk, a read-only disk or folder, a missing permission, a name too long and a
    symbolic-link loop are named as what they are; anything else gives the system's words.
    """
    where = Path(path if path is not None else (exc.filename or ""))
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return _tr("磁盘已满：无法在“{0}”中写入。请腾出空间后重试。").format(
            where if folder else where.parent)
    if code == errno.EROFS or (folder and code in (errno.EACCES, errno.EPERM)):
        target = where if folder else where.parent
        return _tr("文件夹“{0}”不能写入（只读或没有权限）。请换一个位置，或用 --db 指定其他文件。"
                   ).format(target)
    if code in (errno.EACCES, errno.EPERM):
        return _tr("没有权限访问“{0}”。").format(where)
    if code == errno.ENAMETOOLONG:
        return _too_long_text(where)
    if code == errno.ELOOP:
        return _tr("“{0}”是循环的符号链接，无法打开。").format(where)
    if code == errno.ENOENT:
        return _tr("“{0}”不存在。").format(where)
    if code == errno.ENOTDIR:
        return _tr("路径“{0}”中有一部分不是文件夹。").format(where)
    if code == errno.EISDIR:
        return _tr("“{0}”是一个文件夹，不是文件。").format(where)
    return _tr("无法使用“{0}”：{1}").format(where, exc.strerror or exc)


SPACE_NEEDED = 256 * 1024
"""Free bytes SQLite needs beside a database to open it for reading (its -shm index)."""


def no_space_left(folder: Path) -> bool:
    """Whether the disk holding a folder is (all but) full; False when it cannot be told."""
    try:
        info = os.statvfs(folder)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False
    return info.f_bavail * info.f_frsize < SPACE_NEEDED


def disk_full_text(path: Path) -> str:
    """The message for a database that cannot be opened because its disk is full."""
    return _tr("磁盘已满：数据库“{0}”所在的磁盘没有剩余空间，无法写入。请腾出空间后重试。").format(path)
