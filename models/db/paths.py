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

    The folder is the one Qt's QStandardPaths.AppDataLocation names for our organisation
    and application (~/.local/share/SHSAMR/MetrologyDay, %APPDATA%\\SHSAMR\\MetrologyDay),
    found without loading Qt, so commands that draw nothing never start it.
    """
    return user_data_path(roaming=True) / ORGANIZATION / APPLICATION / DATABASE_NAME
