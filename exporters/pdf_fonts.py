"""Whether this machine can draw a PDF in Chinese: Qt needs a font with Chinese glyphs."""
from __future__ import annotations

from models.errors import ExportError
from models.i18n import _tr


def missing_cjk_font() -> str | None:
    """Why a PDF cannot be drawn here (no font Qt can find has Chinese glyphs, so every
    character would come out blank), or None. Needs a QGuiApplication."""
    from PySide6.QtGui import QFontDatabase
    if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return None
    return _tr("本机没有中文字体，导出的 PDF 会是空白。请安装中文字体（如 fonts-noto-cjk），"
               "或导出为 Word（.docx），在 Word 或 WPS 中打开后“另存为 PDF”。")


def check_cjk_font() -> None:
    """Refuse a PDF early, and say what to do, when no Chinese font is installed."""
    reason = missing_cjk_font()
    if reason is not None:
        raise ExportError(reason)
