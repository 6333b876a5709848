"""Every dialog button speaks Chinese in the Chinese program, also where Qt's own translation
(qtbase_zh_CN.qm) is not installed, as with a system Qt on UOS or Kylin."""
from __future__ import annotations

import re

import pytest
from PySide6 import QtCore
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QLabel, QMessageBox

from models.i18n import install_translators
from ui.statistics_view import FigureDialog, SuggestionsDialog

STANDARD = QDialogButtonBox.StandardButton


def _latin_words(widget) -> list[str]:
    """Visible label and button texts of a dialog that still hold English words."""
    texts = [w.text() for w in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton)]
    return [t for t in texts if re.search("[A-Za-z]{2,}", t)]


class _NoQtTranslations:
    """QLibraryInfo pointing at a folder without Qt's translations."""

    LibraryPath = QtCore.QLibraryInfo.LibraryPath

    def __init__(self, folder: str) -> None:
        self.folder = folder

    def path(self, _which) -> str:
        return self.folder


@pytest.fixture(params=["with Qt's translation", "without Qt's translation"])
def chinese(request, qapp, tmp_path, monkeypatch):
    if request.param.startswith("without"):
        monkeypatch.setattr(QtCore, "QLibraryInfo", _NoQtTranslations(str(tmp_path)))
    previous = QLocale()
    translators = install_translators(qapp, "zh")
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(previous)


def test_standard_buttons_are_chinese(chinese, qtbot):
    box = QDialogButtonBox(STANDARD.Ok | STANDARD.Cancel | STANDARD.Close | STANDARD.Yes
                           | STANDARD.No | STANDARD.Save | STANDARD.Discard | STANDARD.Apply)
    qtbot.addWidget(box)
    assert _latin_words(box) == []
    assert box.button(STANDARD.Cancel).text() == "取消"


def test_the_figures_dialogs_are_chinese(chinese, qtbot):
    figure = FigureDialog(None)
    qtbot.addWidget(figure)
    suggestions = SuggestionsDialog([], [])
    qtbot.addWidget(suggestions)
    assert _latin_words(figure) == [] and _latin_words(suggestions) == []
    assert [b.text() for b in figure.findChildren(QAbstractButton)
            if b.text() in ("确定", "取消")] == ["确定", "取消"]


def test_message_boxes_are_chinese(chinese, qtbot):
    box = QMessageBox(QMessageBox.Icon.Question, "问", "？",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert _latin_words(box) == []
