"""The one application context handed to every window part."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtGui import QUndoStack

from models.db.storage import Store
from models.document import CampaignDocument
from models.editor import CampaignEditor
from ui.dialogs import Dialogs
from ui.settings import Settings


@dataclass
class AppContext:
    """The campaign editor (database, open campaign, undo stack), settings and dialog seam."""

    editor: CampaignEditor
    settings: Settings
    dialogs: Dialogs

    @property
    def store(self) -> Store:
        """The database."""
        return self.editor.store

    @property
    def document(self) -> CampaignDocument:
        """The open campaign."""
        return self.editor.document

    @property
    def undo_stack(self) -> QUndoStack:
        """The editor's undo stack."""
        return self.editor.undo_stack

    def today(self) -> date:
        """The planning date of the open campaign (see CampaignEditor.planning_date)."""
        return self.editor.planning_date()
