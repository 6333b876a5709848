"""Where the program keeps its data on this machine."""
from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

ORGANIZATION = "SHSAMR"
APPLICATION = "MetrologyDay"
DATABASE_NAME = "campaigns.sqlite3"


def set_application_identity() -> None:
    """Name the program so Qt's settings and data paths are its own."""
    from PySide6.QtCore import QCoreApplication
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)


def default_database_path() -> Path:
    """The database in the user's data directory (created on first start).

    ~/.local/share/SHSAMR/MetrologyDay on Linux; on Windows the Local folder
    (%LOCALAPPDATA%\\SHSAMR\\MetrologyDay), not Roaming: the folder holds the units' files and
    photographs, which a roaming profile would copy to the server at every log-on. A folder
    already in Roaming (from a run before this rule) is used where it is, so nothing is lost.
    Found without loading Qt, so commands that draw nothing never start it.
    """
    local = user_data_path(roaming=False) / ORGANIZATION / APPLICATION
    roaming = user_data_path(roaming=True) / ORGANIZATION / APPLICATION
    folder = roaming if roaming != local and (roaming / DATABASE_NAME).exists() and not (
        local / DATABASE_NAME).exists() else local
    return folder / DATABASE_NAME
