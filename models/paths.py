"""Where the program keeps its data on this machine."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

ORGANIZATION = "SHSAMR"
APPLICATION = "MetrologyDay"
DATABASE_NAME = "campaigns.sqlite3"


def set_application_identity() -> None:
    """Name the program so Qt's settings and data paths are its own."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)


def default_database_path() -> Path:
    """The database in the user's data directory (created on first start)."""
    set_application_identity()
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / DATABASE_NAME
