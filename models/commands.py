"""Every edit the user makes, as an undoable command over the campaign document."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from models.document import CampaignDocument
from models.entities import Activity, Campaign, Submission
from models.errors import StoreError, UserError
from models.step_labels import edit_label


class DocumentCommand(QUndoCommand):
    """A command whose database failure is kept, not raised into Qt.

    A redo the database (or the disk) refuses keeps its error in `error` and marks the
    command obsolete, so the stack drops it and memory, database and undo history stay in
    step; the editor, which pushed it, raises that error to its caller. A refused undo cannot be taken back by the stack
    (its index has moved), so the document reloads from the database and says so through
    `resynced`; the window clears the history.
    """

    doc: CampaignDocument
    error: UserError | None = None  # why the last redo was refused

    @property
    def failed(self) -> bool:
        """True when the last redo was refused."""
        return self.error is not None

    def redo(self) -> None:
        self.error = None
        try:
            self._redo()
        except UserError as exc:
            self.error = exc
            self.setObsolete(True)

    def undo(self) -> None:
        try:
            self._undo()
        except StoreError as exc:
            self.doc.resync(str(exc))

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class StepCommand(DocumentCommand):
    """Several commands as one user step, in one transaction each way: when the database
    refuses any part, none of it is kept and memory is read back as it was."""

    def __init__(self, doc: CampaignDocument, parts: Sequence[DocumentCommand],
                 label: str) -> None:
        super().__init__(label)
        self.doc = doc
        self.parts = list(parts)

    def _redo(self) -> None:
        self._all_or_nothing(lambda: [part._redo() for part in self.parts])

    def _undo(self) -> None:
        self._all_or_nothing(lambda: [part._undo() for part in reversed(self.parts)])

    def _all_or_nothing(self, run: Callable[[], object]) -> None:
        """Run the parts in one transaction; on refusal memory is reloaded, then re-raised."""
        try:
            with self.doc.store.transaction():
                run()
        except UserError:
            self.doc.reload()
            raise


class EditActivitiesCommand(DocumentCommand):
    """Replace some activities with edited versions."""

    def __init__(self, doc: CampaignDocument, new: Sequence[Activity], label: str) -> None:
        super().__init__(label)
        self.doc = doc
        self.new = list(new)
        self.old = [doc.activity(a.id) for a in new]

    def _redo(self) -> None:
        self.doc.update_activities(self.new)

    def _undo(self) -> None:
        self.doc.update_activities(self.old)


def edit_field(doc: CampaignDocument, activity_id: int, field: str, value: object
               ) -> EditActivitiesCommand:
    """A command that sets one field of one activity (no longer last year's draft then)."""
    old = doc.activity(activity_id)
    new = old.with_changes(**{field: value, "carried": False})
    return EditActivitiesCommand(doc, [new], edit_label(doc, old, field))


class InsertActivitiesCommand(DocumentCommand):
    """Add activities; undo removes them again (ids kept for redo)."""

    def __init__(self, doc: CampaignDocument, new: Sequence[Activity], label: str) -> None:
        super().__init__(label)
        self.doc = doc
        self.new = list(new)

    def _redo(self) -> None:
        self.new = self.doc.insert_activities(self.new)

    def _undo(self) -> None:
        self.doc.remove_activities([a.id for a in self.new])


class RemoveActivitiesCommand(DocumentCommand):
    """Delete activities; undo puts them back with their ids."""

    def __init__(self, doc: CampaignDocument, ids: Sequence[int], label: str) -> None:
        super().__init__(label)
        self.doc = doc
        self.ids = list(ids)
        self.removed: list[Activity] = []

    def _redo(self) -> None:
        self.removed = self.doc.remove_activities(self.ids)

    def _undo(self) -> None:
        self.doc.insert_activities(self.removed)


class ReplaceActivitiesCommand(DocumentCommand):
    """Swap a set of activities for another and update submissions (an import): one step,
    one transaction each way."""

    def __init__(self, doc: CampaignDocument, remove_ids: Sequence[int],
                 add: Sequence[Activity], label: str,
                 submissions: Sequence[Submission] = ()) -> None:
        super().__init__(label)
        self.doc = doc
        self.old = [doc.activity(i) for i in remove_ids]
        self.add = list(add)
        current = {s.id: s for s in doc.submissions()}
        self.new_subs = list(submissions)
        self.old_subs = [current[s.id] for s in submissions if s.id in current]

    def _redo(self) -> None:
        stored, saved = self.doc.replace_activities(
            [a.id for a in self.old], self.add, self.new_subs)
        self.add, self.new_subs = stored, saved

    def _undo(self) -> None:
        old_ids = {s.id for s in self.old_subs}
        self.doc.replace_activities(
            [a.id for a in self.add], self.old, self.old_subs,
            [s.id for s in self.new_subs if s.id not in old_ids])


class SaveSubmissionsCommand(DocumentCommand):
    """Change (or add) submissions; undo restores (or removes) them."""

    def __init__(self, doc: CampaignDocument, new: Sequence[Submission], label: str) -> None:
        super().__init__(label)
        self.doc = doc
        current = {s.id: s for s in doc.submissions()}
        self.new = list(new)
        self.old = [current[s.id] for s in new if s.id in current]

    def _redo(self) -> None:
        self.new = self.doc.save_submissions(self.new)

    def _undo(self) -> None:
        old_ids = {s.id for s in self.old}
        added = [s.id for s in self.new if s.id not in old_ids]
        with self.doc.store.transaction():  # both or neither
            if added:
                self.doc.remove_submissions(added)
            if self.old:
                self.doc.save_submissions(self.old)


class EditCampaignCommand(DocumentCommand):
    """Change the campaign's notice fields."""

    def __init__(self, doc: CampaignDocument, new: Campaign, label: str) -> None:
        super().__init__(label)
        self.doc = doc
        self.old = doc.campaign
        self.new = new

    def _redo(self) -> None:
        self.doc.update_campaign(self.new)

    def _undo(self) -> None:
        self.doc.update_campaign(self.old)
