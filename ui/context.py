"""The one application context handed to every window part."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtGui import QUndoStack

from models.document import CampaignDocument
from models.storage import Store
from ui.dialogs import Dialogs
from ui.settings import Settings


@dataclass
class AppContext:
    """Database, open campaign, settings, undo stack and dialog seam."""

    store: Store
    document: CampaignDocument
    settings: Settings
    undo_stack: QUndoStack
    dialogs: Dialogs

    def today(self) -> date:
        """Today, or the planning date the user set instead."""
        override = self.settings.get("today_override")
        if override:
            try:
                return date.fromisoformat(override)
            except ValueError:
                pass
        return date.today()
