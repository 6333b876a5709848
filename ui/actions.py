"""One helper for every action: text, shortcut and tip, and a slot whose failures a user
can do something about become a message instead of a traceback."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction

from models.db.os_errors import os_error_text
from models.errors import UserError
from ui.dialogs import Dialogs
from ui.hotkeys import Keys, native_text, sequences

EXPECTED_FAILURES = (UserError, OSError)
"""Failures shown to the user as a message (a full disk, a refused file …); anything else
is a programming error and goes to the crash report with its traceback (models/errors.py)."""


def guarded(dialogs: Dialogs, title: str, slot: Callable[[], object]) -> object | None:
    """Run a user's action and return what it returned; an expected failure is shown as a
    message titled like it (None then)."""
    try:
        return slot()
    except EXPECTED_FAILURES as exc:
        dialogs.error(title, os_error_text(exc) if isinstance(exc, OSError) else str(exc))
        return None


def make_action(parent: QObject, dialogs: Dialogs, text: str, slot: Callable[[], object],
                keys: Keys = (), tip: str = "",
                context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> QAction:
    """An action (text already translated) with its shortcuts from ui.hotkeys, a tool tip
    naming the first of them, and its slot run through `guarded`."""
    action = QAction(text, parent)
    if keys:
        action.setShortcuts(sequences(keys))
    action.setShortcutContext(context)
    if tip:
        action.setToolTip(f"{tip}（{native_text(keys)}）" if keys else tip)
        action.setStatusTip(tip)
    action.triggered.connect(lambda: guarded(dialogs, text, slot))
    return action
