"""The open campaign: in-memory records kept in step with the database, with change signals."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QObject, Signal

from models.db.storage import Store
from models.entities import Activity, Campaign, CampaignData, Level, Submission, Unit


class CampaignDocument(QObject):
    """Every change goes to the database first, then to memory, then out as a signal."""

    activities_reset = Signal()
    activities_changed = Signal(list)  # ids whose fields changed
    submissions_changed = Signal()
    campaign_changed = Signal()
    units_changed = Signal()
    write_failed = Signal(str)  # a change could not be saved; nothing was changed
    resynced = Signal(str)  # an undo could not be saved; memory reloaded from the database
    planning_changed = Signal()  # the day the campaign is looked at from was chosen anew
    figures_changed = Signal()  # the figures (指标) or the units' values of them changed

    def __init__(self, store: Store, campaign_id: int | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.data: CampaignData = store.load(campaign_id)
        self._index: dict[int, Activity] = {a.id: a for a in self.data.activities}
        self._positions: dict[int, int] | None = None  # id -> place in the list, on demand

    # -- reading -----------------------------------------------------------

    @property
    def campaign(self) -> Campaign:
        """The campaign record."""
        return self.data.campaign

    @property
    def activities(self) -> list[Activity]:
        """All activities in attachment order."""
        return self.data.activities

    @property
    def units(self) -> list[Unit]:
        """All units in official order."""
        return self.data.units

    def activity(self, activity_id: int) -> Activity:
        """One activity by id."""
        return self._index[activity_id]

    def unit(self, unit_id: int | None) -> Unit | None:
        """One unit by id, or None."""
        return next((u for u in self.data.units if u.id == unit_id), None)

    def submissions(self) -> list[Submission]:
        """What units owe, in official order."""
        return self.data.submissions

    def next_group_no(self, level: Level) -> int:
        """The 序号 a new group of a table gets."""
        return max((a.group_no for a in self.activities if a.level == level), default=0) + 1

    # -- switching -----------------------------------------------------------

    def switch_campaign(self, campaign_id: int) -> None:
        """Load another campaign (year) into the document."""
        self.data = self.store.load(campaign_id)
        self._reindex()
        self.campaign_changed.emit()
        self.submissions_changed.emit()
        self.units_changed.emit()
        self.activities_reset.emit()

    def resync(self, message: str) -> None:
        """Reload everything from the database after a change that failed half-way known."""
        self.store.forget_cache()
        self.data = self.store.load(self.data.campaign.id)
        self._reindex()
        self.campaign_changed.emit()
        self.submissions_changed.emit()
        self.units_changed.emit()
        self.activities_reset.emit()
        self.resynced.emit(message)

    def _reindex(self) -> None:
        """Rebuild the id index and the attachment order."""
        self.data.activities.sort(key=_attachment_order)
        self._index = {a.id: a for a in self.data.activities}
        self._positions = None

    def _position(self, activity: Activity) -> int:
        """Where an activity stands in the list (a dict lookup, not a scan of 100,000 rows)."""
        rows = self.data.activities
        if self._positions is None:
            self._positions = {a.id: i for i, a in enumerate(rows)}
        pos = self._positions.get(activity.id, -1)
        if not (0 <= pos < len(rows) and rows[pos] is activity):
            pos = rows.index(activity)
            self._positions = {a.id: i for i, a in enumerate(rows)}
        return pos

    # -- activities ------------------------------------------------------------

    def update_activities(self, changed: Sequence[Activity]) -> None:
        """Save new versions of existing activities."""
        changed = self.store.update_activities(
            [a.with_changes(campaign_id=self.campaign.id) for a in changed])
        reorder = False
        for new in changed:
            old = self._index[new.id]
            reorder |= (old.level, old.group_no, old.position) != (new.level, new.group_no,
                                                                   new.position)
            self.data.activities[self._position(old)] = new
            self._index[new.id] = new
        if reorder:
            self._reindex()
            self.activities_reset.emit()
        else:
            self.activities_changed.emit([a.id for a in changed])

    def insert_activities(self, new: Iterable[Activity]) -> list[Activity]:
        """Store activities (ids kept when given, for undo) and return them."""
        stored = self.store.insert_activities(
            [a.with_changes(campaign_id=self.campaign.id) for a in new])
        self.data.activities.extend(stored)
        self._reindex()
        self.activities_reset.emit()
        return stored

    def remove_activities(self, ids: Iterable[int]) -> list[Activity]:
        """Delete activities and return what they were, for undo."""
        ids = list(ids)
        removed = [self._index[i] for i in ids]
        self.store.delete_activities(ids)
        gone = set(ids)
        self.data.activities = [a for a in self.data.activities if a.id not in gone]
        self._reindex()
        self.activities_reset.emit()
        return removed

    def replace_activities(self, remove_ids: Iterable[int], add: Iterable[Activity],
                           save_subs: Sequence[Submission] = (),
                           remove_sub_ids: Sequence[int] = ()
                           ) -> tuple[list[Activity], list[Submission]]:
        """Remove some activities and add others, and change submissions, in one transaction."""
        remove_ids = list(remove_ids)
        add = [a.with_changes(campaign_id=self.campaign.id) for a in add]
        subs = [s.with_changes(campaign_id=self.campaign.id) for s in save_subs]
        with self.store.transaction():
            self.store.delete_activities(remove_ids)
            stored = self.store.insert_activities(add)
            saved = self.store.save_submissions(subs) if subs else []
            if remove_sub_ids:
                self.store.delete_submissions(remove_sub_ids)
        gone = set(remove_ids)
        self.data.activities = [a for a in self.data.activities if a.id not in gone] + stored
        self._reindex()
        self.activities_reset.emit()
        if subs or remove_sub_ids:
            self.data.submissions = self.store.submissions(self.campaign.id)
            self.submissions_changed.emit()
        return stored, saved

    # -- submissions and campaign -----------------------------------------------------

    def save_submissions(self, subs: Sequence[Submission]) -> list[Submission]:
        """Insert or update submissions."""
        saved = self.store.save_submissions(
            [s.with_changes(campaign_id=self.campaign.id) for s in subs])
        self.data.submissions = self.store.submissions(self.campaign.id)
        self.submissions_changed.emit()
        return saved

    def reload_submissions(self) -> None:
        """Re-read submissions after a change written beside the document (a received file)."""
        self.data.submissions = self.store.submissions(self.campaign.id)
        self.submissions_changed.emit()

    def remove_submissions(self, ids: Iterable[int]) -> None:
        """Delete submissions."""
        self.store.delete_submissions(list(ids))
        self.data.submissions = self.store.submissions(self.campaign.id)
        self.submissions_changed.emit()

    def update_campaign(self, campaign: Campaign) -> None:
        """Save the campaign's fields; re-read the times if year or window moved."""
        old = self.campaign
        self.store.update_campaign(campaign)
        self.data.campaign = campaign
        if (old.year, old.window) != (campaign.year, campaign.window):
            self.data.activities = self.store.activities(campaign.id)
            self._reindex()
            self.activities_reset.emit()
        self.campaign_changed.emit()


def _attachment_order(activity: Activity) -> tuple[int, int, int, int]:
    """Sort key: 市级 before 区级, then group, position, id."""
    return (0 if activity.level == Level.MUNICIPAL else 1, activity.group_no, activity.position,
            activity.id or 0)
