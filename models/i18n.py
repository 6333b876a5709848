"""Translation of user-visible strings outside QObject classes.

`pyside6-lupdate -tr-function-alias tr+=_tr` files every `_tr("…")` call under the empty
context, so `_tr` translates in that context too (see `make translations`).
"""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from resources import resource_path

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QTranslator


def _tr(text: str) -> str:
    """Translate a user-visible string (source language: Chinese).

    Translators live in Qt; a process that never loaded Qt (a Chinese command line) has
    none installed, so the text is already in its language and Qt is not loaded for it.
    """
    qt_core = sys.modules.get("PySide6.QtCore")
    if qt_core is None:
        return text
    return qt_core.QCoreApplication.translate("", text)


def translate(context: str, text: str) -> str:
    """Translate a text marked under a context of its own (see QT_TRANSLATE_NOOP); like
    `_tr`, without loading Qt."""
    qt_core = sys.modules.get("PySide6.QtCore")
    if qt_core is None:
        return text
    return qt_core.QCoreApplication.translate(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    """Mark a text for `make translations` without loading Qt; returns it unchanged."""
    return text


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """English when asked for or when the system speaks English; otherwise Chinese (the
    source). Returns the translators installed, for the caller to remove again.

    Qt's own dialogs follow: its qtbase translation, plus our supplement for the few texts
    Qt's Chinese file leaves in English; dates and month names follow the default locale.
    """
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    if not language:
        language = "en" if QLocale.system().language() == QLocale.Language.English else "zh"
    if language == "en":
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
        ours = "metrology_en.qm"
    else:
        locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        ours = "qt_supplement_zh_CN.qm"
    QLocale.setDefault(locale)
    translators: list[QTranslator] = []
    qt_base = QTranslator(app)
    if qt_base.load(locale, "qtbase", "_",
                    QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt_base)
    supplement = QTranslator(app)
    if supplement.load(str(resource_path(ours))):
        translators.append(supplement)
    for translator in translators:
        app.installTranslator(translator)
    return translators
