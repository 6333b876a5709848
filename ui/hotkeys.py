"""Every keyboard shortcut of the program, in one place (as git-cola's hotkeys.py)."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence

Keys = tuple[QKeySequence | QKeySequence.StandardKey | str, ...]
_STANDARD = QKeySequence.StandardKey

# File
EXPORT_NOTICE: Keys = ("Ctrl+E",)
EXPORT_APPENDIX: Keys = ("Ctrl+Shift+E",)
IMPORT_WORKBOOK: Keys = ("Ctrl+I",)
PRINT: Keys = (_STANDARD.Print,)
QUIT: Keys = ("Ctrl+Q",)  # StandardKey.Quit is empty on Windows (and offscreen)

# Edit
UNDO: Keys = (_STANDARD.Undo,)
REDO: Keys = ("Ctrl+Shift+Z", "Ctrl+Y")
HISTORY: Keys = ("Ctrl+H",)

# Activities
ADD_ACTIVITY: Keys = ("Ctrl+N",)
ADD_ROW_TO_GROUP: Keys = ("Ctrl+Shift+N",)
DUPLICATE: Keys = ("Ctrl+D",)
DELETE: Keys = (_STANDARD.Delete,)
MOVE_UP: Keys = ("Alt+Up",)
MOVE_DOWN: Keys = ("Alt+Down",)
FIND: Keys = (_STANDARD.Find,)
CONFIRM_CARRIED: Keys = ("Ctrl+K",)

# View: one per tab, in tab order
VIEWS: tuple[Keys, ...] = (("Ctrl+1",), ("Ctrl+2",), ("Ctrl+3",), ("Ctrl+4",), ("Ctrl+5",))

# Submissions
MARK_RECEIVED: Keys = ("Ctrl+Return", "Ctrl+Enter")
COPY_REMINDER: Keys = ("Ctrl+Shift+C",)
ADD_ITEM: Keys = ("Ctrl+Shift+A",)

# Notice
APPLY_NOTICE: Keys = (_STANDARD.Save,)


def sequences(keys: Keys) -> list[QKeySequence]:
    """The key sequences of a shortcut entry."""
    return [QKeySequence(key) for key in keys]


def native_text(keys: Keys) -> str:
    """The first key sequence as this system writes it, e.g. Ctrl+Return."""
    return sequences(keys)[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
