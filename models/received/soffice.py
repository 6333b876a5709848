"""Converting office files with LibreOffice (`soffice`), where it is installed."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from models.child_env import child_environment
from models.errors import ConversionError, ConversionUnavailable
from models.i18n import _tr

TIMEOUT_S = 180
_WINDOWS_PLACES = (r"C:\Program Files\LibreOffice\program\soffice.exe",
                   r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")


def find_soffice() -> str | None:
    """The LibreOffice program: `soffice` or `libreoffice` on the PATH (on Windows also its
    usual install folder), or None."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    if os.name == "nt":
        return next((p for p in _WINDOWS_PLACES if Path(p).is_file()), None)
    return None


MEMORY_LIMIT = 3 << 30
"""Address space a conversion may take (LibreOffice reserves much more than it uses: a
normal conversion runs in well under this; a hostile file stops here instead of filling
the memory)."""


def _limit(pid: int) -> None:
    """Hold a started conversion to MEMORY_LIMIT (where the system allows it); the programs
    it starts (soffice.bin) inherit the limit."""
    try:
        import resource
        resource.prlimit(pid, resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    except (ImportError, AttributeError, OSError, ValueError):
        pass


def _end_group(proc: subprocess.Popen) -> None:
    """Kill the conversion and every process it started (soffice.bin outlives its launcher)."""
    if os.name == "nt":
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], capture_output=True,
                       check=False)
    else:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    if proc.poll() is None:
        proc.kill()


def _run(command: list[str], timeout: float) -> tuple[int, bytes]:
    """Run a conversion in a process group of its own, limited in memory and time; its exit
    code and what it printed. Nothing it started is left running."""
    extra = ({"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP} if os.name == "nt"
             else {"start_new_session": True})
    with tempfile.TemporaryFile() as output:
        proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=output,
                                stderr=subprocess.STDOUT, env=child_environment(), **extra)
        _limit(proc.pid)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _end_group(proc)
            proc.wait()
            raise
        finally:
            _end_group(proc)
        output.seek(0)
        return proc.returncode, output.read()[-4000:]


def convert(source: Path, fmt: str, outdir: Path, timeout: float = TIMEOUT_S) -> Path:
    """Convert source to fmt ("docx", "pdf") into outdir; the converted file.

    ConversionUnavailable without LibreOffice, ConversionError when it fails. A private profile
    lets the conversion run while the user has LibreOffice open; the conversion runs in a
    process group of its own with a memory and a time limit, and all of it is ended after.
    """
    program = find_soffice()
    if program is None:
        raise ConversionUnavailable(_tr("本机未安装 LibreOffice（找不到 soffice 程序）。"))
    with tempfile.TemporaryDirectory(prefix="metrology-soffice-") as profile:
        command = [program, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                   "--norestore", "--nologo", "--convert-to", fmt, "--outdir", str(outdir),
                   str(source)]
        try:
            code, said = _run(command, timeout)
        except subprocess.TimeoutExpired as exc:
            raise ConversionError(_tr("LibreOffice 转换“{0}”超时（{1} 秒），已停止。").format(
                source.name, int(timeout))) from exc
        except OSError as exc:
            raise ConversionError(_tr("无法运行 LibreOffice：{0}").format(exc.strerror or exc)) from exc
    target = outdir / f"{source.stem}.{fmt}"
    if code != 0 or not target.is_file() or target.stat().st_size == 0:
        detail = said.decode("utf-8", "replace").strip()[-300:]
        raise ConversionError(_tr("LibreOffice 未能把“{0}”转换为 {1}：{2}").format(
            source.name, fmt.upper(), detail or _tr("没有生成文件")))
    return target
