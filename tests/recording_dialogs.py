"""A test double of the dialog seam: what the program said is recorded, questions are
answered from a script, and no test ever blocks on a modal dialog."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ui.dialogs import Dialogs


class RecordingDialogs(Dialogs):
    """Headless dialogs for tests: record what was said, answer from a script."""

    def __init__(self) -> None:
        super().__init__(None)
        self.messages: list[tuple[str, str, str]] = []
        self.answers: list[object] = []
        self.asked_paths: list[tuple[str, str]] = []  # (title, suggested name) of save dialogs
        self.openable = True  # whether show_file finds a program

    def _next(self, default: object) -> object:
        """The next scripted answer."""
        return self.answers.pop(0) if self.answers else default

    def error(self, title: str, text: str) -> None:
        self.messages.append(("error", title, text))

    def info(self, title: str, text: str) -> None:
        self.messages.append(("info", title, text))

    def about(self, title: str, text: str) -> None:
        self.messages.append(("about", title, text))

    def confirm(self, title: str, text: str) -> bool:
        self.messages.append(("confirm", title, text))
        return bool(self._next(True))

    def choose(self, title: str, text: str, options: Sequence[str],
               warning: bool = True) -> int | None:
        self.messages.append(("choose", title, text + "\n" + " | ".join(options)))
        return self._next(None)  # type: ignore[return-value]

    def ask_text(self, title: str, label: str, text: str) -> str | None:
        self.messages.append(("ask", title, label))
        return self._next(None)  # type: ignore[return-value]

    def save_path(self, title: str, suggested: Path, filters: str) -> Path | None:
        self.asked_paths.append((title, suggested.name))
        return self._next(None)  # type: ignore[return-value]

    def open_path(self, title: str, start: Path, filters: str) -> Path | None:
        return self._next(None)  # type: ignore[return-value]

    def show_file(self, path: Path) -> bool:
        self.messages.append(("show", "", str(path)))
        return self.openable
