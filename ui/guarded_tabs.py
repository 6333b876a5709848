"""A tab bar that asks before the user leaves the current tab (an unapplied notice edit)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QTabBar, QWidget

LeaveCheck = Callable[[int], bool]
"""Given the tab about to be shown: whether leaving the current one may go ahead."""


class GuardedTabBar(QTabBar):
    """Clicking or scrolling to another tab first asks `may_leave`; a refusal keeps the tab."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.may_leave: LeaveCheck = lambda _index: True

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """A click on another tab goes ahead only when leaving is allowed."""
        index = self.tabAt(event.position().toPoint())
        if index >= 0 and index != self.currentIndex() and not self.may_leave(index):
            event.accept()
            return
        super().mousePressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        """The wheel never leaves a tab that must first be asked about."""
        if not self.may_leave(-1):
            event.accept()
            return
        super().wheelEvent(event)
