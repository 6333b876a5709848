"""A date box that is one Tab stop: Tab leaves it (←/→ move between year, month and day)."""
from __future__ import annotations

from PySide6.QtWidgets import QDateEdit, QWidget


class DateBox(QDateEdit):
    """QDateEdit whose Tab and Shift+Tab go to the next widget, not the next section."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt's names
        """Leave the box, as every other field does."""
        return QWidget.focusNextPrevChild(self, next)
