"""The campaign editor: every user operation on the open campaign, as undoable steps.

Window and command line both change a campaign only through here. The editor owns the
undo history: one stack per campaign (year) opened in the session, gathered in a QUndoGroup
whose active stack is the open year's, so switching back to a year brings its history back
and a step of one year is never undone while another is open. Each public method pushes one
command or one macro of the commands in models/commands.py, so one user action is one step.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoGroup, QUndoStack

from models.addressee_commands import AddresseeCommand, AddresseeState, swapped_order
from models.addressees import campaign_addressees, items_owed
from models.commands import (
    DocumentCommand,
    EditActivitiesCommand,
    EditCampaignCommand,
    InsertActivitiesCommand,
    RemoveActivitiesCommand,
    ReplaceActivitiesCommand,
    SaveSubmissionsCommand,
    StepCommand,
    edit_field,
)
from models.dates.deadlines import (
    ARRANGEMENT_ITEM,
    SUMMARY_ITEM,
    marked_received,
    missing,
    moved_deadlines,
    received_submission,
    with_status,
)
from models.dates.planning import default_planning_date, planning_key
from models.db.figure_store import figure_values, figures
from models.db.storage import Store
from models.document import CampaignDocument
from models.entities import (
    Activity,
    Campaign,
    Figure,
    FigureValue,
    Level,
    Submission,
    SubmissionStatus,
    Unit,
    UnitKind,
    core_name,
    find_unit,
)
from models.errors import StoreError, UserError
from models.figure_commands import EditFiguresCommand, SaveFigureValuesCommand
from models.figure_suggest import Suggestion
from models.figures import checked_figure, suggested_value
from models.i18n import _tr
from models.layout import placed, regrouped, renumbered
from models.notice_rules import Problem, validate_campaign
from models.received.summary_book import SummaryBook, summary_book
from models.received.summary_files import CleanupPlan, SummaryArchive, SummaryVersion
from models.rollover import CarryOver, new_campaign_from
from models.statistics import Statistics, statistics
from models.step_labels import delete_label, edit_label, marked_label, submission_label
from models.summary_commands import Receipt, ReceiveFileCommand, prepare_receipt
from models.text import chinese_date
from models.years import last_used_campaign, remember_year

NEW_ACTIVITY_NAME = "新活动"
COLUMN_CHOICES_KEY = "reply_columns"
"""The app_state key of the user's choices for unknown reply columns (JSON: title → attr)."""
"""The name a new activity starts with: data, so never taken from the interface language."""


class CampaignEditor:
    """Owns the document and its undo stack; its methods are the user's operations."""

    def __init__(self, store: Store, document: CampaignDocument | None = None,
                 parent: QObject | None = None, campaign_id: int | None = None,
                 files_folder: Path | None = None) -> None:
        """Edit a document, or open one on a campaign (default: the year last used)."""
        self.store = store
        if document is None:
            document = CampaignDocument(store, campaign_id or last_used_campaign(store).id)
        self.document = document
        self.undo_group = QUndoGroup(parent)
        """Every year's undo stack; the active one is the open year's."""
        self._stacks: dict[int, QUndoStack] = {}
        self._activate_history()
        self._files_folder = files_folder
        self._archive: SummaryArchive | None = None

    # -- pushing -------------------------------------------------------------------

    def _push(self, command: DocumentCommand) -> None:
        """Push one command as one step; raise the error it kept when the database
        refused it (the stack dropped it then: no step, nothing changed)."""
        self.undo_stack.push(command)
        if command.error is not None:
            raise command.error

    def _push_step(self, parts: Sequence[DocumentCommand], label: str) -> None:
        """Push commands as one all-or-nothing step (a single one as itself)."""
        self._push(parts[0] if len(parts) == 1 else StepCommand(self.document, parts, label))

    def redo(self) -> None:
        """Redo the next step; StoreError (the step dropped, nothing changed) when refused."""
        command = self.undo_stack.command(self.undo_stack.index())
        self.undo_stack.redo()
        if isinstance(command, DocumentCommand) and command.error is not None:
            raise command.error

    @property
    def undo_stack(self) -> QUndoStack:
        """The open year's undo stack."""
        return self._activate_history()

    def undo_stacks(self) -> list[QUndoStack]:
        """The undo stack of every year opened in this session."""
        return list(self._stacks.values())

    def _activate_history(self) -> QUndoStack:
        """The open year's stack (made on its first opening), active in the group."""
        campaign_id = self.document.campaign.id
        stack = self._stacks.get(campaign_id)  # type: ignore[arg-type]
        if stack is None:
            stack = self._stacks[campaign_id] = QUndoStack(self.undo_group)  # type: ignore[index]
            self.undo_group.addStack(stack)
        if self.undo_group.activeStack() is not stack:
            self.undo_group.setActiveStack(stack)
        return stack

    def restart_history(self) -> None:
        """Forget the open year's undo history (after an undo the database refused)."""
        self.undo_stack.clear()

    def forget_history(self, campaign_id: int | None = None) -> None:
        """Drop one year's undo history (None: every year's), as when the year is deleted or
        the database replaced; the open year then starts a new one."""
        for cid in [campaign_id] if campaign_id is not None else list(self._stacks):
            stack = self._stacks.pop(cid, None)  # type: ignore[arg-type]
            if stack is not None:
                self.undo_group.removeStack(stack)
                stack.clear()
                stack.setParent(None)  # type: ignore[call-overload]
        self._activate_history()

    def close_history(self) -> None:
        """Empty every year's stack (the commands let go of the document) before quitting."""
        for stack in self._stacks.values():
            stack.clear()

    # -- activities ------------------------------------------------------------------

    def edit_field(self, activity_id: int, field: str, value: object) -> None:
        """Set one field of one activity, which stops being last year's unconfirmed copy.

        A 负责单位 that names another unit (黄浦, 黄浦区 or 黄浦区市场监管局) links the
        activity to that unit in the same step, moving a district row into its group.
        """
        doc = self.document
        if field == "responsible":
            unit = find_unit(doc.units, str(value))
            if unit is not None and unit.id != doc.activity(activity_id).unit_id:
                edited = doc.activity(activity_id).with_changes(responsible=value, carried=False)
                self._move(edited, edited.level, unit.id,
                           edit_label(doc, doc.activity(activity_id), field))
                return
        self._push(edit_field(doc, activity_id, field, value))

    def change_unit(self, activity_id: int, unit_id: int | None) -> bool:
        """Link an activity to another unit (None: to none), as one step: a district row moves
        into the unit's group and both groups are numbered again. A 负责单位 that was empty
        or named the old unit now names the new one. False when nothing changed."""
        doc = self.document
        current = doc.activity(activity_id)
        if current.unit_id == unit_id:
            return False
        unit, text = doc.unit(unit_id), current.responsible
        named = find_unit(doc.units, text)
        if unit is not None and (not text.strip() or (named is not None
                                                      and named.id == current.unit_id)):
            text = unit.name
        edited = current.with_changes(responsible=text, carried=False)
        return self._move(edited, current.level, unit_id, _tr("修改负责单位"))

    def change_level(self, activity_id: int, level: Level) -> bool:
        """Move an activity to the other table (市级/区级), as one step that numbers the
        groups of both tables again. False when it is there already."""
        current = self.document.activity(activity_id)
        if current.level == level:
            return False
        return self._move(current.with_changes(carried=False), level, current.unit_id,
                          _tr("修改级别"))

    def _move(self, activity: Activity, level: Level, unit_id: int | None, label: str) -> bool:
        """Push an activity's new level or unit, with its new place and the renumbering."""
        rows = self.document.activities
        moved = regrouped(rows, placed(rows, activity, level, unit_id))
        self._push(EditActivitiesCommand(self.document, moved, label))
        return True

    def confirm_carried(self, ids: Sequence[int]) -> int:
        """Confirm activities carried over from last year as this year's, as one step; how
        many were still unconfirmed."""
        rows = [self.document.activity(i) for i in ids]
        confirmed = [a.with_changes(carried=False) for a in rows if a.carried]
        if confirmed:
            self._push(EditActivitiesCommand(self.document, confirmed, _tr("确认沿用上年活动")))
        return len(confirmed)

    def group_of(self, activity: Activity) -> list[Activity]:
        """The rows of an activity's group, in position order."""
        rows = [a for a in self.document.activities
                if a.level == activity.level and a.group_no == activity.group_no]
        return sorted(rows, key=lambda a: a.position)

    def add_activity(self, level: Level, unit_id: int | None = None) -> Activity | None:
        """A new group at the end of a level's table, for a unit when one is given."""
        unit = self.document.unit(unit_id)
        new = Activity(level, self.document.next_group_no(level), 1, NEW_ACTIVITY_NAME,
                       responsible=unit.name if unit else "", unit_id=unit_id)
        new = placed(self.document.activities, new, level, unit_id)
        return next(iter(self._insert([new], _tr("新增活动"))), None)

    def add_row_to_group(self, activity_id: int) -> Activity | None:
        """A new row at the end of an activity's group, with its name and unit."""
        current = self.document.activity(activity_id)
        last = max(a.position for a in self.group_of(current))
        new = Activity(current.level, current.group_no, last + 1, current.name,
                       responsible=current.responsible, unit_id=current.unit_id)
        return next(iter(self._insert([new], _tr("在组内新增一行"))), None)

    def duplicate(self, ids: Sequence[int]) -> list[Activity]:
        """Copies of some activities, each as a new group at the end of its table."""
        copies = []
        next_no: dict[Level, int] = {}
        for activity_id in ids:
            original = self.document.activity(activity_id)
            number = next_no.get(original.level) or self.document.next_group_no(original.level)
            next_no[original.level] = number + 1
            copies.append(original.with_changes(id=None, group_no=number, position=1))
        return self._insert(copies, _tr("复制活动")) if copies else []

    def _insert(self, rows: list[Activity], label: str) -> list[Activity]:
        """Insert rows as one step; the stored rows (StoreError when the database refused)."""
        command = InsertActivitiesCommand(self.document, rows, label)
        self._push(command)
        return list(command.new)

    def delete(self, ids: Sequence[int]) -> None:
        """Delete activities and renumber what is left, as one all-or-nothing step."""
        if not ids:
            return
        gone = set(ids)
        label = delete_label(self.document, [a for a in self.document.activities
                                             if a.id in gone])
        changed = renumbered([a for a in self.document.activities if a.id not in gone])
        parts: list[DocumentCommand] = [RemoveActivitiesCommand(self.document, ids, label)]
        if changed:
            parts.append(EditActivitiesCommand(self.document, changed, _tr("重新编号")))
        self._push_step(parts, label)

    def move(self, activity_id: int, step: int) -> bool:
        """Swap an activity with its neighbour `step` rows away inside its group."""
        current = self.document.activity(activity_id)
        group = self.group_of(current)
        index = next(i for i, a in enumerate(group) if a.id == current.id)
        if not 0 <= index + step < len(group):
            return False
        other = group[index + step]
        swapped = [current.with_changes(position=other.position),
                   other.with_changes(position=current.position)]
        self._push(EditActivitiesCommand(self.document, swapped, _tr("组内移动")))
        return True

    # -- the notice --------------------------------------------------------------------

    def edit_campaign(self, candidate: Campaign, label: str) -> list[Problem]:
        """Save the notice's fields as one all-or-nothing step, unless they have errors
        (returned, nothing saved). Plan and summary items still due on an old deadline move
        with it. StoreError when the database refuses any of it (nothing saved then)."""
        errors = [p for p in validate_campaign(candidate) if p.is_error]
        if errors:
            return errors
        moved = moved_deadlines(self.document.submissions(), self.document.campaign, candidate)
        parts: list[DocumentCommand] = [EditCampaignCommand(self.document, candidate, label)]
        if moved:
            parts.append(SaveSubmissionsCommand(self.document, moved, label))
        self._push_step(parts, label)
        return []

    def new_campaign_from_last_year(self, year: int, carry: CarryOver | None = None
                                    ) -> Campaign:
        """Create the year's campaign from the open one, carrying over what `carry` says,
        and open it (with a history of its own; the source year keeps its history).

        Raises StoreError when the year is out of range or already stored.
        """
        new = new_campaign_from(self.store, self.document.campaign.id, year, carry)
        self.switch_campaign(new.id)
        return new

    def switch_campaign(self, campaign_id: int) -> None:
        """Open another stored campaign, remembered as the year in use, with its own undo
        history (the one it had when it was last open in this session)."""
        self.document.switch_campaign(campaign_id)
        self._activate_history()
        remember_year(self.store, self.document.campaign)

    def delete_year(self, campaign_id: int) -> Path | None:
        """Delete a year's campaign after a backup (not undoable: the backup is the way back);
        the open year moves to the newest remaining one first if it is the one going. The
        backup's path."""
        from models.year_removal import delete_year
        if campaign_id == self.document.campaign.id:
            remaining = [c for c in self.store.campaigns() if c.id != campaign_id]
            if remaining:
                self.switch_campaign(remaining[0].id)
        backup = delete_year(self.store, campaign_id)
        self.forget_history(campaign_id)
        return backup

    def restore_backup(self, backup: Path) -> Path:
        """Put a backup in place of the database and open the year it last used; returns the
        safety copy taken of the current state first."""
        from models.db.backup import restore_backup
        safety = restore_backup(self.store, backup)
        self.document.switch_campaign(last_used_campaign(self.store).id)
        self.forget_history()  # the steps of every year were of the database replaced
        remember_year(self.store, self.document.campaign)
        return safety

    # -- submissions -----------------------------------------------------------------------

    def save_submissions(self, subs: Sequence[Submission], label: str) -> bool:
        """Change (or add) submissions as one step (StoreError when refused)."""
        self._push(SaveSubmissionsCommand(self.document, subs, label))
        return True

    def addressees(self) -> list[int]:
        """Units that owe something already (all units when nothing is owed yet)."""
        owing = list(dict.fromkeys(s.unit_id for s in self.document.submissions()))
        return owing or [u.id for u in self.document.units if u.id is not None]

    def add_item(self, item: str, due: date | None) -> int:
        """An item every addressee owes, as one step; how many did not owe it yet (either
        every addressee owes an item or none does, so there is no adding for one unit)."""
        have = {(s.unit_id, s.item) for s in self.document.submissions()}
        new = [Submission(u, item, due) for u in self.addressees() if (u, item) not in have]
        if new:
            self.save_submissions(new, _tr("添加报送事项：{0}").format(item))
        return len(new)

    def mark_received(self, ids: Sequence[int], day: date) -> int:
        """Mark the still missing ones of some submissions received on a day, as one step;
        how many were missing. On time or late is counted against each item's own due date.

        Raises UserError for a day after the real today: nothing arrives from the future.
        """
        _refuse_future(day)
        wanted = set(ids)
        changed = [marked_received(s, day) for s in missing(self.document.submissions())
                   if s.id in wanted]
        if changed:
            self.save_submissions(changed, marked_label(self.document, changed))
        return len(changed)

    # -- the planning date ---------------------------------------------------------------------

    def planning_date(self, real_today: date | None = None) -> date:
        """The day the open campaign is looked at from: the one the coordinator chose for
        it, else the real today in the campaign's season, else its deadline day."""
        campaign = self.document.campaign
        chosen = self.chosen_planning_date()
        return chosen or default_planning_date(campaign, real_today or date.today())

    def chosen_planning_date(self) -> date | None:
        """The planning date the coordinator chose for the open campaign, if any."""
        stored = self.store.state(planning_key(self.document.campaign))
        try:
            return date.fromisoformat(stored) if stored else None
        except ValueError:
            return None

    def set_planning_date(self, day: date | None) -> None:
        """Count the open campaign from a chosen day (None: back to the default); kept with
        the database, not an undoable edit."""
        key = planning_key(self.document.campaign)
        self.store.set_state(key, day.isoformat() if day else None)
        self.document.planning_changed.emit()

    def edit_submission(self, submission_id: int, *, status: SubmissionStatus | None = None,
                        received: date | None = None, note: str | None = None,
                        today: date | None = None) -> bool:
        """Change one submission's status, received date or note; False when nothing changed.

        A received date after the real today is refused with UserError, as by
        `mark_received`: nothing arrives from the future. A status of received without a
        date takes `today`, never after the real one.
        """
        sub = next(s for s in self.document.submissions() if s.id == submission_id)
        new = sub
        if note is not None:
            new = new.with_changes(note=note)
        if received is not None:
            _refuse_future(received)
            new = marked_received(new, received)
        if status is not None:
            new = with_status(new, status, min(today or date.today(), date.today()))
        if new == sub:
            return False
        what = "、".join(name for name, given in ((_tr("状态"), status), (_tr("收到日期"), received),
                                                  (_tr("备注"), note)) if given is not None)
        return self.save_submissions([new], submission_label(self.document, sub, what))

    # -- importing ----------------------------------------------------------------------------

    def column_choices(self) -> dict[str, str]:
        """What the user chose for column titles of replies nothing knows, remembered with the
        database: title as written → attribute, "" for 不导入."""
        try:
            stored = json.loads(self.store.state(COLUMN_CHOICES_KEY) or "{}")
        except ValueError:
            return {}
        if not isinstance(stored, dict):
            return {}
        return {str(k): str(v) for k, v in stored.items() if isinstance(v, str)}

    def remember_column_choice(self, title: str, attr: str | None) -> None:
        """Remember what a column title means (an attribute, "" for 不导入, None: forget it and
        keep its texts as 备注); kept with the database, not an undoable edit."""
        choices = self.column_choices()
        if attr is None:
            choices.pop(title, None)
        else:
            choices[title] = attr
        self.store.set_state(COLUMN_CHOICES_KEY,
                             json.dumps(choices, ensure_ascii=False) if choices else None)

    def import_unit_activities(self, unit_id: int, rows: Sequence[Activity], today: date,
                               level: Level = Level.DISTRICT,
                               figures: Sequence[FigureValue] = ()) -> ImportOutcome:
        """Put a unit's returned rows in place of its rows of one table (the district table
        unless told) and mark the 活动安排 it owes received, unless it is already (and store
        the template's figures), as one step in one transaction; StoreError when the
        database refused (nothing changed then)."""
        doc = self.document
        unit = doc.unit(unit_id)
        if unit is None:
            raise StoreError(_tr("没有编号为 {0} 的单位。").format(unit_id))
        replaced = [a.id for a in doc.data.rows_of(unit, level)]
        submission = received_submission(doc.submissions(), unit_id, today)
        label = _tr("导入 {0} 的活动安排").format(unit.short_name or unit.name)
        command = ReplaceActivitiesCommand(doc, replaced, [a.with_changes(id=None) for a in rows],
                                           label, [submission] if submission else [])
        if figures:   # a template's 活动统计 sheet, in the same step
            self._push_step([command, SaveFigureValuesCommand(doc, figures, [], label)], label)
        else:
            self._push(command)
        saved = next((s for s in doc.submissions()
                      if s.unit_id == unit_id and s.item == ARRANGEMENT_ITEM), None)
        return ImportOutcome(len(replaced), len(rows), saved, marked=submission is not None)

    # -- received files (活动总结 …) -------------------------------------------------------

    @property
    def archive(self) -> SummaryArchive:
        """The files units sent, kept beside the database (StoreError for a memory database
        without a folder of its own)."""
        if self._archive is None:
            self._archive = SummaryArchive(self.store, self._files_folder)
        return self._archive

    def receive_file(self, unit_id: int, path: Path | str, day: date,
                     item: str = SUMMARY_ITEM, today: date | None = None) -> Receipt:
        """Keep a file a unit sent for an item and mark the item received on `day`, as one
        step; the same file sent again changes nothing. SummaryRefused for a file that is no
        document, a day ahead, or a file another unit's item holds; StoreError when the
        database or the disk refuses (nothing changed)."""
        receipt = prepare_receipt(self.document, self.archive, unit_id, path, day, item, today)
        if receipt.same_as is not None:
            if self.archive.intact(receipt.incoming.sha256):
                return receipt
            self.archive.store_content(receipt.incoming)  # the way back for a lost copy
            return replace(receipt, mended=True)
        unit = self.document.unit(unit_id)
        label = _tr("收到 {0} 的{1}").format(unit.short_name or unit.name if unit else "", item)
        self._push(ReceiveFileCommand(self.document, self.archive, receipt, label))
        return receipt

    def summary_versions(self) -> dict[int, list[SummaryVersion]]:
        """Each item of the open campaign with files: its versions, oldest first ({} when
        the database keeps no files)."""
        try:
            return self.archive.campaign_versions(self.document.campaign.id)
        except StoreError:
            return {}

    def summary_book(self) -> SummaryBook:
        """The compiled book of the open campaign's received 活动总结."""
        return summary_book(self.document.data, self.archive)

    def missing_files(self) -> list[SummaryVersion]:
        """Kept files the database refers to that are gone from the folder (say, after a
        backup from another computer was restored)."""
        try:
            return self.archive.missing()
        except StoreError:
            return []

    def _undoable_contents(self) -> set[str]:
        """Files an undo or redo in the history may need again."""
        needed: set[str] = set()
        pending = [stack.command(i) for stack in self._stacks.values()
                   for i in range(stack.count())]
        while pending:
            command = pending.pop()
            if isinstance(command, ReceiveFileCommand):
                needed |= command.kept_contents()
            pending += [command.child(i) for i in range(command.childCount())]
        return needed

    def cleanup_plan(self) -> CleanupPlan:
        """What 清理 would remove now (nothing is removed)."""
        return self.archive.cleanup_plan(self._undoable_contents())

    def clean_files(self) -> CleanupPlan:
        """清理: remove the kept files nothing refers to any more — no item, no backup and no
        step of the undo history."""
        return self.archive.clean(self._undoable_contents())

    # -- addressees (报送单位) ------------------------------------------------------------------

    def addressee_list(self) -> list[Unit]:
        """The open campaign's addressees, in official order (see models/addressees.py)."""
        return campaign_addressees(self.document.data)

    def _addressee(self, unit_id: int) -> Unit:
        """One of the open campaign's addressees (UserError for any other unit)."""
        unit = next((u for u in self.addressee_list() if u.id == unit_id), None)
        if unit is None:
            raise UserError(_tr("该单位不是本年度的报送单位。"))
        return unit

    def _unit_named(self, name: str, short_name: str, like: Unit | None,
                    kind: UnitKind) -> Unit:
        """The stored unit of exactly this name, else a new one (after `like` in the order,
        or last); UserError when it already is an addressee or the name is empty."""
        name = name.strip()
        if not name:
            raise UserError(_tr("请填写单位名称。"))
        if any(u.name == name for u in self.addressee_list()):
            raise UserError(_tr("“{0}”已是本年度的报送单位。").format(name))
        existing = next((u for u in self.document.units if u.name == name), None)
        if existing is not None:
            return existing
        order = like.sort_order if like else max((u.sort_order for u in self.document.units),
                                                 default=0) + 1
        return self.store.add_unit(Unit(name, short_name.strip() or core_name(name),
                                        like.kind if like else kind, order))

    def add_addressee(self, name: str, short_name: str = "",
                      kind: UnitKind = UnitKind.DISTRICT) -> Unit:
        """A unit that owes this campaign every item the others owe, as one step (the unit is
        stored for good; earlier years do not list it)."""
        items = items_owed(self.document.submissions())
        if not items:
            raise UserError(_tr("本年度还没有报送事项，请先添加报送事项。"))
        unit = self._unit_named(name, short_name, None, kind)
        put = [Submission(unit.id, item, due) for item, due in items]  # type: ignore[arg-type]
        last = max((u.sort_order for u in self.addressee_list()), default=0)
        forward = AddresseeState(put=put, orders={unit.id: last + 1})  # type: ignore[dict-item]
        self._push(AddresseeCommand(self.document, forward, AddresseeState(),
                                    _tr("添加报送单位：{0}").format(unit.name)))
        return unit

    def rename_addressee(self, unit_id: int, name: str, short_name: str = "") -> Unit:
        """The unit under a new name from this year on, as one step: this year's items and
        activities move to the new name; earlier years keep the old one."""
        old = self._addressee(unit_id)
        new = self._unit_named(name, short_name, old, old.kind)
        subs = [s for s in self.document.submissions() if s.unit_id == old.id]
        linked = [a.id for a in self.document.activities if a.unit_id == old.id]
        forward = AddresseeState(put=[s.with_changes(unit_id=new.id) for s in subs],
                                 links=dict.fromkeys(linked, new.id),
                                 orders={new.id: old.sort_order})  # type: ignore[dict-item]
        backward = AddresseeState(put=subs, links=dict.fromkeys(linked, old.id))
        self._push(AddresseeCommand(self.document, forward, backward,
                                    _tr("改名：{0} → {1}").format(old.name, new.name)))
        return new

    def retire_addressee(self, unit_id: int) -> int:
        """The unit owes this year nothing more, as one step; earlier years keep it. Refused
        while it has files received this year. How many items it no longer owes."""
        unit = self._addressee(unit_id)
        subs = [s for s in self.document.submissions() if s.unit_id == unit.id]
        files = self.summary_versions()
        if any(files.get(s.id or -1) for s in subs):
            raise UserError(_tr("{0}本年度已有收到的文件，不能停用。").format(unit.name))
        self._push(AddresseeCommand(
            self.document, AddresseeState(drop=[s.id for s in subs if s.id is not None]),
            AddresseeState(put=subs), _tr("停用报送单位：{0}").format(unit.name)))
        return len(subs)

    def move_addressee(self, unit_id: int, step: int) -> bool:
        """Swap an addressee with its neighbour `step` places away in the open year's order,
        as one step (other years keep theirs); False at either end."""
        units = self.addressee_list()
        index = next(i for i, u in enumerate(units) if u.id == self._addressee(unit_id).id)
        if not 0 <= index + step < len(units):
            return False
        ids = [u.id for u in units]
        self._push(AddresseeCommand(
            self.document, AddresseeState(orders=swapped_order(ids, index, step)),  # type: ignore[arg-type]
            AddresseeState(orders=swapped_order(ids, index, 0)),  # type: ignore[arg-type]
            _tr("调整顺序：{0}").format(units[index].name)))
        return True

    # -- figures (指标) -------------------------------------------------------------------------

    def figures(self) -> list[Figure]:
        """The open campaign's figures in their order."""
        return figures(self.store, self.document.campaign.id)

    def figure_values(self) -> list[FigureValue]:
        """Every unit's value of the open campaign's figures."""
        return figure_values(self.store, self.document.campaign.id)

    def statistics(self, with_previous: bool = True) -> Statistics:
        """The figures as a table of the addressees, with last year's where stored."""
        return statistics(self.store, self.document.data, self.addressees(), with_previous)

    def _save_values(self, put: Sequence[FigureValue], clear: Sequence[tuple[int, int]],
                     label: str) -> None:
        """Push one step of values; StoreError (nothing changed) when the database refuses."""
        self._push(SaveFigureValuesCommand(self.document, put, clear, label))

    def set_figure_values(self, put: Sequence[FigureValue],
                          clear: Sequence[tuple[int, int]] = (), label: str = "") -> bool:
        """Set (and clear) units' values of figures as one step; False when nothing changes.
        Values were checked by models.figures (ValueRefused before anything is pushed)."""
        current = {v.key: v for v in self.figure_values()}
        put = [v for v in put if _differs(current.get(v.key), v)]
        clear = [k for k in clear if k in current]
        if not put and not clear:
            return False
        self._save_values(put, clear, label or _tr("填写统计数据"))
        return True

    def accept_suggestions(self, chosen: Sequence[tuple[int, Suggestion]],
                           only_unset: bool = True) -> list[FigureValue]:
        """Store suggestions (unit id, suggestion) as one step; with only_unset those for
        values already set are left out. The values stored."""
        held = {v.key for v in self.figure_values()}
        put = [suggested_value(unit_id, s) for unit_id, s in chosen]
        if only_unset:
            put = [v for v in put if v.key not in held]
        if put:
            self._save_values(put, [], _tr("采用活动总结中的数据"))
        return put

    def add_figure(self, name: str, measure: str, summed: bool = True) -> Figure:
        """A new figure at the end of the list, as one step; UserError for a bad name."""
        current = self.figures()
        name, measure = checked_figure(name, measure, current)
        position = max((f.position for f in current), default=0) + 1
        command = EditFiguresCommand(self.document, [Figure(name, measure, summed, position)],
                                     [], _tr("新增指标：{0}").format(name))
        self._push(command)
        return command.put[0]

    def edit_figure(self, figure_id: int, name: str, measure: str, summed: bool) -> bool:
        """Rename a figure or change its measure word or summing, as one step."""
        current = self.figures()
        old = next(f for f in current if f.id == figure_id)
        name, measure = checked_figure(name, measure, [f for f in current if f.id != figure_id])
        new = old.with_changes(name=name, measure=measure, summed=summed)
        if new == old:
            return False
        self._push(EditFiguresCommand(self.document, [new], [],
                                      _tr("修改指标：{0}").format(name)))
        return True

    def remove_figure(self, figure_id: int) -> bool:
        """Remove a figure and every unit's value of it, as one step (undo brings both back)."""
        old = next((f for f in self.figures() if f.id == figure_id), None)
        if old is None:
            return False
        self._push(EditFiguresCommand(self.document, [], [old],
                                      _tr("删除指标：{0}").format(old.name)))
        return True


def _differs(old: FigureValue | None, new: FigureValue) -> bool:
    """Whether storing new changes anything."""
    return old is None or old.with_changes(id=None) != new.with_changes(id=None)


def _refuse_future(day: date) -> None:
    """UserError for a received day after the real today: nothing arrives from the future."""
    if day > date.today():
        raise UserError(_tr("收到日期 {0} 晚于今天，不能标记为已报送。").format(
            chinese_date(day, translated=True)))


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What an import changed: rows replaced and added, and the 活动安排 item marked (None
    when the unit owes none)."""

    replaced: int
    added: int
    submission: Submission | None
    marked: bool = True
    """The import marked the item received (False: it was received before and stays so)."""
