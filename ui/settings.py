"""Preferences as a typed table of defaults over QSettings."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings

DEFAULTS: dict[str, Any] = {
    "language": "",            # "" follows the system locale; "zh" or "en"
    "last_export_dir": "",
    "last_view": "",           # the tab the window was closed on (table, calendar …)
}


class Settings:
    """Typed access to the program's preferences and window state."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings or QSettings()

    def get(self, key: str) -> Any:
        """A preference, falling back to its default and keeping its type."""
        default = DEFAULTS[key]
        value = self.q.value(f"prefs/{key}", default)
        return type(default)(value) if value is not None else default

    def set(self, key: str, value: Any) -> None:
        """Store a preference."""
        if key not in DEFAULTS:
            raise KeyError(key)
        self.q.setValue(f"prefs/{key}", value)

    def window_state(self, name: str) -> QByteArray | None:
        """Saved geometry or state of a window part."""
        value = self.q.value(f"window/{name}")
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, name: str, value: QByteArray) -> None:
        """Remember geometry or state of a window part."""
        self.q.setValue(f"window/{name}", value)
