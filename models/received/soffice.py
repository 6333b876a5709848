"""Converting office files with LibreOffice (`soffice`), where it is installed."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from models.child_env import child_environment
from models.errors import UserError
from models.i18n import _tr

TIMEOUT_S = 180
_WINDOWS_PLACES = (r"C:\Program Files\LibreOffice\program\soffice.exe",
                   r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")


class ConversionError(UserError):
    """LibreOffice could not convert a file; the message says why."""


class ConversionUnavailable(ConversionError):
    """LibreOffice is not installed here."""


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


def convert(source: Path, fmt: str, outdir: Path) -> Path:
    """Convert source to fmt ("docx", "pdf") into outdir; the converted file.

    ConversionUnavailable without LibreOffice, ConversionError when it fails. A private profile
    lets the conversion run while the user has LibreOffice open.
    """
    program = find_soffice()
    if program is None:
        raise ConversionUnavailable(_tr("本机未安装 LibreOffice（找不到 soffice 程序）。"))
    with tempfile.TemporaryDirectory(prefix="metrology-soffice-") as profile:
        command = [program, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                   "--norestore", "--nologo", "--convert-to", fmt, "--outdir", str(outdir),
                   str(source)]
        try:
            result = subprocess.run(command, capture_output=True, timeout=TIMEOUT_S,
                                    stdin=subprocess.DEVNULL, check=False,
                                    env=child_environment())
        except subprocess.TimeoutExpired as exc:
            raise ConversionError(_tr("LibreOffice 转换“{0}”超时（{1} 秒）。").format(
                source.name, TIMEOUT_S)) from exc
        except OSError as exc:
            raise ConversionError(_tr("无法运行 LibreOffice：{0}").format(exc.strerror or exc)) from exc
    target = outdir / f"{source.stem}.{fmt}"
    if result.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
        detail = (result.stderr or result.stdout).decode("utf-8", "replace").strip()[-300:]
        raise ConversionError(_tr("LibreOffice 未能把“{0}”转换为 {1}：{2}").format(
            source.name, fmt.upper(), detail or _tr("没有生成文件")))
    return target
