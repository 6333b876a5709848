"""The planning date: the day the checklist counts from (its 按计划日期计算 box), shared by the
window and the command line."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

SETTING = "prefs/today_override"
"""Where the window's settings keep it (ui/settings.py: prefs/ + today_override)."""


def planning_date(settings: QSettings | None = None) -> date:
    """The planning date the user set, or the real today when none is set."""
    if settings is None:
        from PySide6.QtCore import QSettings

        from models.paths import set_application_identity
        set_application_identity()
        settings = QSettings()
    value = settings.value(SETTING, "")
    try:
        return date.fromisoformat(str(value)) if value else date.today()
    except ValueError:
        return date.today()
