"""Whether this machine can make a PDF in Chinese: Qt (or LibreOffice, for the summaries'
book) needs an installed font with Chinese glyphs, or every character comes out blank."""
from __future__ import annotations

import shutil
import subprocess
import sys

from models.child_env import child_environment
from models.errors import ExportError
from models.i18n import _tr


def has_cjk_font() -> bool:
    """Whether a font with Simplified Chinese glyphs is installed: asked of Qt's font
    database when a GUI application runs, else of fontconfig (fc-list), else assumed
    (Windows always has one)."""
    gui = sys.modules.get("PySide6.QtGui")
    if gui is not None and gui.QGuiApplication.instance() is not None:
        return bool(gui.QFontDatabase.families(gui.QFontDatabase.WritingSystem.SimplifiedChinese))
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return True
    found = subprocess.run([fc_list, ":lang=zh-cn", "family"], capture_output=True, text=True,
                           timeout=60, env=child_environment())
    return bool(found.stdout.strip())


def missing_cjk_font() -> str | None:
    """Why a PDF cannot be made here (no Chinese font), or None."""
    if has_cjk_font():
        return None
    return _tr("本机没有中文字体，导出的 PDF 会是空白。请安装中文字体（如 fonts-noto-cjk），"
               "或导出为 Word（.docx），在 Word 或 WPS 中打开后“另存为 PDF”。")


def check_cjk_font() -> None:
    """Refuse a PDF early, and say what to do, when no Chinese font is installed."""
    reason = missing_cjk_font()
    if reason is not None:
        raise ExportError(reason)
