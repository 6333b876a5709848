"""Translation of user-visible strings outside QObject classes.

`pyside6-lupdate -tr-function-alias tr+=_tr` files every `_tr("…")` call under the empty
context, so `_tr` translates in that context too (see `make translations`).
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    """Translate a user-visible string (source language: Chinese)."""
    return QCoreApplication.translate("", text)
