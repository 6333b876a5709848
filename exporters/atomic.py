"""Write an output file whole or not at all: temporary name, checked, then renamed into place."""
from __future__ import annotations

import errno
import glob
import io
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from models.db.places import is_sqlite_database
from models.errors import ExportError
from models.i18n import _tr

DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})



class OutputCheckFailed(Exception):
    """A written temporary file that its own reader refuses; the text says why."""


Check = Callable[[Path], None]
"""Reopens a written temporary file with its format's reader; raises OutputCheckFailed."""


def resolved_target(path: Path | str) -> Path:
    """The file an export really writes: a symbolic link's target, so the link stays a link."""
    path = Path(path)
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def check_writable_target(path: Path) -> None:
    """Refuse early a target in a missing folder, a folder, or a read-only file."""
    if not path.parent.is_dir():
        raise ExportError(_tr("文件夹“{0}”不存在，无法保存“{1}”。").format(path.parent, path.name))
    if path.is_dir():
        raise ExportError(_tr("“{0}”是一个文件夹，请另选文件名。").format(path))
    if path.exists() and not path.is_file():
        raise ExportError(_tr("“{0}”不是普通文件，无法导出到这里；请另选文件名。").format(path))
    if is_sqlite_database(path):
        raise ExportError(_tr("“{0}”是一个数据库文件，导出不能覆盖它；请另选文件名。").format(path))
    if path.exists() and not os.access(path, os.W_OK):
        raise ExportError(_tr("“{0}”是只读文件，无法覆盖；请另选文件名或去掉只读属性。").format(path))
    if not os.access(path.parent, os.W_OK):
        raise ExportError(_tr("没有在文件夹“{0}”中写文件的权限。").format(path.parent))


def _target_mode(path: Path) -> int:
    """The permissions the output should have: those it had, or the user's default."""
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


STALE_AFTER_S = 600


def _process_alive(pid: int) -> bool:
    """True when a process with this id still runs (on this machine), or when unsure."""
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill(pid, 0) would terminate the process there: age decides
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, ValueError):
        return True
    return True


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Delete temporary files a killed export left beside path (ours only, by name)."""
    removed = []
    now = time.time()
    stem = glob.escape(_temp_stem(path))
    for candidate in path.parent.glob(f".~{stem}.*{glob.escape(path.suffix)}"):
        parts = candidate.name[len(f".~{_temp_stem(path)}."):].split(".", 1)
        pid = int(parts[0]) if parts and parts[0].isdigit() else None
        try:
            old = now - candidate.stat().st_mtime > STALE_AFTER_S
            if (pid is not None and not _process_alive(pid)) or old:
                candidate.unlink()
                removed.append(candidate)
        except OSError:
            continue
    return removed


def _kept(path: Path) -> str:
    """What happened to the file that was there before: nothing."""
    return _tr("原有文件保持不变。") if path.exists() else _tr("没有生成文件。")


def os_error_message(path: Path, exc: OSError) -> str:
    """The user's message for an OSError while writing path."""
    if exc.errno in DISK_FULL_ERRNOS:
        return _tr("磁盘已满，无法写入“{0}”。{1}请腾出磁盘空间后重试。").format(path, _kept(path))
    if isinstance(exc, PermissionError):
        return _tr("无法写入“{0}”：文件可能正在被其他程序（如 Word、WPS、Excel）打开，"
                   "或没有写入权限。请关闭该文件后重试。").format(path)
    return _tr("无法写入“{0}”：{1}。{2}").format(path, exc.strerror or exc, _kept(path))


NAME_MAX = 255
"""Bytes a file name may have on the file systems the program runs on."""
_TEMP_EXTRA = len(".~") + len(".") + 10 + len(".") + 8  # pid (at most 10 digits), random part


def _temp_stem(path: Path) -> str:
    """The output's stem, cut (whole characters) so the temporary name stays within NAME_MAX
    bytes: a legal name of 250 bytes gets a temporary name that is legal too."""
    room = NAME_MAX - _TEMP_EXTRA - len(path.suffix.encode(errors="surrogateescape"))
    stem = path.stem
    while len(stem.encode(errors="surrogateescape")) > room:
        stem = stem[:-1]
    return stem


def _new_temporary(path: Path) -> Path:
    """An empty temporary file beside path, named so a later export can clear it."""
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".~{_temp_stem(path)}.{os.getpid()}.",
                                        suffix=path.suffix, dir=path.parent)
    except OSError as exc:
        if exc.errno in DISK_FULL_ERRNOS:
            raise ExportError(os_error_message(path, exc)) from exc
        raise ExportError(_tr("无法在“{0}”中写入“{1}”：{2}（文件名是否过长？）").format(
            path.parent, path.name, exc.strerror or exc)) from exc
    os.close(fd)
    return Path(tmp_name)


def _sync(tmp: Path) -> int:
    """Flush a written file to the disk; returns its size."""
    with tmp.open("rb+") as handle:
        handle.flush()
        os.fsync(handle.fileno())
        return os.fstat(handle.fileno()).st_size


def _finish(tmp: Path, path: Path, check: Check | None, expected: bytes | None) -> None:
    """Sync, check size and content (read back, then reopened by its own reader), rename."""
    size = _sync(tmp)
    if size == 0 or (expected is not None and size != len(expected)):
        raise OutputCheckFailed(
            _tr("文件大小不对：写入 {0} 字节，应为 {1} 字节").format(size, len(expected))
            if expected else _tr("文件大小不对：写入 {0} 字节").format(size))
    if expected is not None and tmp.read_bytes() != expected:
        raise OutputCheckFailed(_tr("读回的内容与写入的不一致"))
    if check is not None:
        check(tmp)
    tmp.chmod(_target_mode(path))
    os.replace(tmp, path)


@contextmanager
def _temporary_for(path: Path) -> Iterator[Path]:
    """A temporary file beside path, removed at the end; failures become an ExportError."""
    check_writable_target(path)
    remove_stale_temporaries(path)
    tmp = _new_temporary(path)
    try:
        yield tmp
    except OutputCheckFailed as exc:
        raise ExportError(_tr("写入“{0}”后检查未通过：{1}。{2}磁盘可能已满或不可靠，请检查后重试。"
                              ).format(path, exc, _kept(path))) from exc
    except OSError as exc:
        raise ExportError(os_error_message(path, exc)) from exc
    finally:
        tmp.unlink(missing_ok=True)


@contextmanager
def atomic_output(path: Path | str, check: Check | None = None) -> Iterator[Path]:
    """Yield a temporary path beside path; once written, synced and checked it replaces path.

    On any failure the temporary file goes and path keeps what it had. A symbolic link is
    written through: its target gets the new content and the link stays.
    """
    target = resolved_target(path)
    with _temporary_for(target) as tmp:
        yield tmp
        _finish(tmp, target, check, None)


def _write_all(tmp: Path, data: bytes) -> None:
    """Write every byte of data to tmp (os.write may write less than asked)."""
    fd = os.open(tmp, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_BINARY", 0))
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def save_document(document, target: Path) -> None:
    """Save a python-docx Document (or openpyxl Workbook) to a file, made in memory first:
    python-docx leaves its zip open when the disk refuses a write, and the zip's later
    clean-up then prints a traceback; writing the finished bytes ourselves leaves none."""
    buffer = io.BytesIO()
    document.save(buffer)
    with open(target, "wb") as handle:
        handle.write(buffer.getbuffer())


def write_atomically(path: Path | str, data: bytes, check: Check | None = None) -> None:
    """Write bytes made in memory to path, whole and checked, or not at all."""
    target = resolved_target(path)
    with _temporary_for(target) as tmp:
        _write_all(tmp, data)
        _finish(tmp, target, check, data)
