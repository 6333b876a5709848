"""Write an output file whole or not at all: temporary name, then rename into place."""
from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from models.errors import UserError
from models.i18n import _tr


class ExportError(UserError):
    """An output that could not be written."""


def check_writable_target(path: Path) -> None:
    """Refuse early a target in a missing folder, a folder, or a read-only file."""
    if not path.parent.is_dir():
        raise ExportError(_tr("文件夹“{0}”不存在，无法保存“{1}”。").format(path.parent, path.name))
    if path.is_dir():
        raise ExportError(_tr("“{0}”是一个文件夹，请另选文件名。").format(path))
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
    for candidate in path.parent.glob(f".~{path.stem}.*{path.suffix}"):
        parts = candidate.name[len(f".~{path.stem}."):].split(".", 1)
        pid = int(parts[0]) if parts and parts[0].isdigit() else None
        try:
            old = now - candidate.stat().st_mtime > STALE_AFTER_S
            if (pid is not None and not _process_alive(pid)) or old:
                candidate.unlink()
                removed.append(candidate)
        except OSError:
            continue
    return removed


@contextmanager
def atomic_output(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside path; on success it replaces path, on failure it goes."""
    path = Path(path)
    check_writable_target(path)
    remove_stale_temporaries(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".~{path.stem}.{os.getpid()}.",
                                        suffix=path.suffix, dir=path.parent)
    except OSError as exc:
        raise ExportError(_tr("无法在“{0}”中写入“{1}”：{2}（文件名是否过长？）").format(
                              path.parent, path.name, exc.strerror or exc)) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        tmp.chmod(_target_mode(path))
        os.replace(tmp, path)
    except PermissionError as exc:
        raise ExportError(
            _tr("无法写入“{0}”：文件可能正在被其他程序（如 Word、WPS、Excel）打开，或没有写入权限。请关闭该文件后重试。").format(
                path)) from exc
    except OSError as exc:
        raise ExportError(_tr("无法写入“{0}”：{1}").format(path, exc.strerror or exc)) from exc
    finally:
        tmp.unlink(missing_ok=True)
