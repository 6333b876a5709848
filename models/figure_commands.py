"""Changing the figures (指标) and the units' values of them, as undoable commands."""
from __future__ import annotations

from collections.abc import Sequence

from models.commands import DocumentCommand
from models.db.figure_store import figure_values, save_figures, save_values
from models.db.figure_store import figures as stored_figures
from models.document import CampaignDocument
from models.entities import Figure, FigureValue


class SaveFigureValuesCommand(DocumentCommand):
    """Put some units' values in place and clear others; undo puts the old ones back."""

    def __init__(self, doc: CampaignDocument, put: Sequence[FigureValue],
                 clear: Sequence[tuple[int, int]], label: str) -> None:
        super().__init__(label)
        self.doc = doc
        current = {v.key: v for v in figure_values(doc.store, doc.campaign.id)}
        self.put = list(put)
        self.clear = [k for k in clear if k in current]
        touched = [v.key for v in self.put] + self.clear
        self.old = [current[k] for k in touched if k in current]
        self.added = [k for k in touched if k not in current]

    def _redo(self) -> None:
        save_values(self.doc.store, self.put, self.clear)
        self.doc.figures_changed.emit()

    def _undo(self) -> None:
        save_values(self.doc.store, self.old, self.added)
        self.doc.figures_changed.emit()


class EditFiguresCommand(DocumentCommand):
    """Add, change or remove figures of the campaign; undo restores them with their values."""

    def __init__(self, doc: CampaignDocument, put: Sequence[Figure], remove: Sequence[Figure],
                 label: str) -> None:
        super().__init__(label)
        self.doc = doc
        campaign_id = doc.campaign.id
        current = {f.id: f for f in stored_figures(doc.store, campaign_id)}
        self.put = list(put)
        self.remove = list(remove)
        self.old = [current[f.id] for f in put if f.id in current]
        gone = {f.id for f in remove}
        self.removed_values = [v for v in figure_values(doc.store, campaign_id)
                               if v.figure_id in gone]

    def _redo(self) -> None:
        self.put = save_figures(self.doc.store, self.doc.campaign.id, self.put, self.remove)
        self.doc.figures_changed.emit()

    def _undo(self) -> None:
        old_ids = {f.id for f in self.old}
        added = [f for f in self.put if f.id not in old_ids]
        save_figures(self.doc.store, self.doc.campaign.id, self.old + self.remove, added,
                     self.removed_values)
        self.doc.figures_changed.emit()
