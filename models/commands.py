"""Every edit the user makes, as an undoable command over the campaign document."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from models.document import CampaignDocument
from models.entities import Activity, Campaign, Submission


def _tr(text: str) -> str:
    """Translate a command label."""
    return QCoreApplication.translate("Commands", text)


class EditActivitiesCommand(QUndoCommand):
    """Replace some activities with edited versions."""

    def __init__(self, doc: CampaignDocument, new: Sequence[Activity], label: str) -> None:
        super().__init__(label)
        self.doc = doc
        self.new = [a.with_changes() for a in new]
        self.old = [doc.activity(a.id).with_changes() for a in new]

    def redo(self) -> None:
        self.doc.update_activities([a.with_changes() for a in self.new])

    def undo(self) -> None:
        self.doc.update_activities([a.with_changes() for a in self.old])


def edit_field(doc: CampaignDocument, activity_id: int, field: str, value: object
               ) -> EditActivitiesCommand:
    """A command that sets one field of one activity."""
    new = doc.activity(activity_id).with_changes(**{field: value})
    return EditActivitiesCommand(doc, [new], _tr("编辑活动"))


class InsertActivitiesCommand(QUndoCommand):
    """Add activities; undo removes them again (ids kept for redo)."""

    def __init__(self, doc: CampaignDocument, new: Sequence[Activity], label: str) -> None:
        super().__init__(label)
        self.doc = doc
        self.new = [a.with_changes() for a in new]

    def redo(self) -> None:
        stored = self.doc.insert_activities([a.with_changes() for a in self.new])
        self.new = [a.with_changes() for a in stored]

    def undo(self) -> None:
        self.doc.remove_activities([a.id for a in self.new])


class RemoveActivitiesCommand(QUndoCommand):
    """Delete activities; undo puts them back with their ids."""

    def __init__(self, doc: CampaignDocument, ids: Sequence[int], label: str) -> None:
        super().__init__(label)
        self.doc = doc
        self.ids = list(ids)
        self.removed: list[Activity] = []

    def redo(self) -> None:
        self.removed = [a.with_changes() for a in self.doc.remove_activities(self.ids)]

    def undo(self) -> None:
        self.doc.insert_activities([a.with_changes() for a in self.removed])


class ReplaceActivitiesCommand(QUndoCommand):
    """Swap a set of activities for another (an import), as one step."""

    def __init__(self, doc: CampaignDocument, remove_ids: Sequence[int],
                 add: Sequence[Activity], label: str) -> None:
        super().__init__(label)
        self.doc = doc
        self.old = [doc.activity(i).with_changes() for i in remove_ids]
        self.add = [a.with_changes() for a in add]

    def redo(self) -> None:
        stored = self.doc.replace_activities([a.id for a in self.old],
                                             [a.with_changes() for a in self.add])
        self.add = [a.with_changes() for a in stored]

    def undo(self) -> None:
        self.doc.replace_activities([a.id for a in self.add],
                                    [a.with_changes() for a in self.old])


class SaveSubmissionsCommand(QUndoCommand):
    """Change (or add) submissions; undo restores (or removes) them."""

    def __init__(self, doc: CampaignDocument, new: Sequence[Submission], label: str) -> None:
        super().__init__(label)
        self.doc = doc
        current = {s.id: s for s in doc.submissions()}
        self.new = [s.with_changes() for s in new]
        self.old = [current[s.id].with_changes() for s in new if s.id in current]

    def redo(self) -> None:
        saved = self.doc.save_submissions([s.with_changes() for s in self.new])
        self.new = [s.with_changes() for s in saved]

    def undo(self) -> None:
        old_ids = {s.id for s in self.old}
        added = [s.id for s in self.new if s.id not in old_ids]
        if added:
            self.doc.remove_submissions(added)
        if self.old:
            self.doc.save_submissions([s.with_changes() for s in self.old])


class EditCampaignCommand(QUndoCommand):
    """Change the campaign's notice fields."""

    def __init__(self, doc: CampaignDocument, new: Campaign, label: str) -> None:
        super().__init__(label)
        self.doc = doc
        self.old = doc.campaign.with_changes()
        self.new = new.with_changes()

    def redo(self) -> None:
        self.doc.update_campaign(self.new.with_changes())

    def undo(self) -> None:
        self.doc.update_campaign(self.old.with_changes())
