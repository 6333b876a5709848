"""The one seam through which the program asks and tells the user; tests swap it, and runs
nobody watches (a screenshot, the offscreen platform) tell stderr instead of waiting."""
from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from models.child_env import as_child_environment


class Dialogs:
    """Real modal dialogs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def error(self, title: str, text: str) -> None:
        """Tell the user something failed."""
        QMessageBox.critical(self.parent, title, text)

    def info(self, title: str, text: str) -> None:
        """Tell the user something happened."""
        QMessageBox.information(self.parent, title, text)

    def about(self, title: str, text: str) -> None:
        """Say what the program is, beside its icon."""
        QMessageBox.about(self.parent, title, text)

    def confirm(self, title: str, text: str) -> bool:
        """Ask a yes/no question."""
        answer = QMessageBox.question(self.parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def choose(self, title: str, text: str, options: Sequence[str],
               warning: bool = True) -> int | None:
        """Ask which of some actions to take: its index, None when the box was closed (a
        warning sign unless `warning` is False: news, not trouble)."""
        icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, self.parent)
        buttons = [box.addButton(option, QMessageBox.ButtonRole.AcceptRole) for option in options]
        box.setEscapeButton(buttons[-1])
        box.exec()
        clicked = box.clickedButton()
        return next((i for i, b in enumerate(buttons) if b is clicked), None)

    def ask_text(self, title: str, label: str, text: str) -> str | None:
        """Ask for a line of text: it, trimmed, or None when cancelled."""
        from PySide6.QtWidgets import QInputDialog
        value, ok = QInputDialog.getText(self.parent, title, label, text=text)
        return value.strip() if ok else None

    def save_path(self, title: str, suggested: Path, filters: str) -> Path | None:
        """Ask where to save a file."""
        name, _ = QFileDialog.getSaveFileName(self.parent, title, str(suggested), filters)
        return Path(name) if name else None

    def open_path(self, title: str, start: Path, filters: str) -> Path | None:
        """Ask which file to open."""
        name, _ = QFileDialog.getOpenFileName(self.parent, title, str(start), filters)
        return Path(name) if name else None

    def show_file(self, path: Path) -> bool:
        """Open a file with the program the system uses for it (Word, WPS, a viewer);
        False when there is none (asked first where opening cannot tell)."""
        from ui.desktop_open import has_program_for
        if not has_program_for(path):
            return False
        with as_child_environment():  # xdg-open and the viewer get the user's libraries
            return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class StderrDialogs(Dialogs):
    """For a run nobody watches: every message goes to stderr, every question is answered
    "no", so nothing waits for a click that cannot come."""

    def __init__(self, stream: TextIO | None = None) -> None:
        super().__init__(None)
        self.stream = stream

    def _say(self, title: str, text: str) -> None:
        (self.stream or sys.stderr).write(f"{title}：{text}\n")

    def error(self, title: str, text: str) -> None:
        self._say(title, text)

    def info(self, title: str, text: str) -> None:
        self._say(title, text)

    def about(self, title: str, text: str) -> None:
        self._say(title, text)

    def confirm(self, title: str, text: str) -> bool:
        self._say(title, text)
        return False

    def choose(self, title: str, text: str, options: Sequence[str],
               warning: bool = True) -> int | None:
        self._say(title, text)
        return None

    def ask_text(self, title: str, label: str, text: str) -> str | None:
        self._say(title, label)
        return None

    def save_path(self, title: str, suggested: Path, filters: str) -> Path | None:
        return None

    def open_path(self, title: str, start: Path, filters: str) -> Path | None:
        return None

    def show_file(self, path: Path) -> bool:
        self._say("", str(path))
        return False
