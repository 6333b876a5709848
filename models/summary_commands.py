"""Receiving a file for an item as one undoable step: the content kept, the item marked
received (the first time), the version recorded; undo takes back the mark and the version."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from models.commands import DocumentCommand
from models.dates.deadlines import (
    DONE,
    ITEM_DUE_FIELDS,
    SUMMARY_ITEM,
    item_kinds,
    marked_received,
    received_status,
)
from models.document import CampaignDocument
from models.entities import Submission
from models.i18n import _tr
from models.received.summary_files import Incoming, SummaryArchive, SummaryRefused, SummaryVersion


@dataclass(frozen=True, slots=True)
class Receipt:
    """A checked file about to be received, and what it does to the item."""

    incoming: Incoming
    old: Submission | None
    """The item as it was; None when the unit did not owe it yet."""
    new: Submission
    day: date
    unit_name: str
    same_as: SummaryVersion | None = None
    """This item already holds exactly this file: receiving it again changes nothing."""
    mended: bool = False
    """The same file again, and the archive's copy was missing or damaged: now whole."""

    def as_text(self) -> str:
        """One line for the report."""
        if self.same_as is not None and self.mended:
            return _tr("{0}：“{1}”与已收到的第 {2} 版内容相同；存档中缺失或损坏的副本已用它修复。"
                       ).format(self.unit_name, self.incoming.name, self.same_as.number)
        if self.same_as is not None:
            return _tr("{0}：“{1}”与已收到的第 {2} 版（“{3}”）内容相同，未重复保存。").format(
                self.unit_name, self.incoming.name, self.same_as.number, self.same_as.name)
        return _tr("{0}：已收到“{1}”（{2}），{3}。").format(
            self.unit_name, self.incoming.name, self.day.isoformat(), self.new.item)


def prepare_receipt(doc: CampaignDocument, archive: SummaryArchive, unit_id: int,
                    path: Path | str, day: date, item: str = SUMMARY_ITEM,
                    today: date | None = None, new_item: bool = False) -> Receipt:
    """Check a file for a unit's item; SummaryRefused (changing nothing) when it is no
    document, the day lies ahead, another unit's item already holds the same file, or the
    unit owes no such item (a typo; `new_item` adds the item instead)."""
    unit = doc.unit(unit_id)
    if unit is None:
        raise SummaryRefused(_tr("没有编号为 {0} 的单位。").format(unit_id))
    if day > (today or date.today()):
        raise SummaryRefused(_tr("收到日期 {0} 晚于今天，未接收。").format(day.isoformat()))
    owed = item_kinds(s for s in doc.submissions() if s.unit_id == unit_id)
    owed += [standing for standing in ITEM_DUE_FIELDS if standing not in owed]
    if item not in owed and not new_item:
        raise SummaryRefused(_tr("{0}没有报送事项“{1}”，未接收。可接收的事项：{2}。").format(
            unit.name, item, "、".join(owed)))
    incoming = archive.identify(path)
    old = next((s for s in doc.submissions() if s.unit_id == unit_id and s.item == item), None)
    for holder in archive.holders(incoming.sha256):
        if old is not None and holder.submission_id == old.id:
            return Receipt(incoming, old, old, day, unit.name,
                           next(v for v in archive.versions(old.id) if v.id == holder.id))
        other = next((s for s in doc.submissions() if s.id == holder.submission_id), None)
        owner = doc.unit(other.unit_id) if other else None
        where = (_tr("{0}的“{1}”").format(owner.name, other.item) if other and owner
                 else _tr("其他事项"))
        raise SummaryRefused(_tr("“{0}”已作为{1}收到过（{2}，原名“{3}”），未重复接收。"
                                 "是否拖错了行？").format(incoming.name, where,
                                                        holder.received or "", holder.name))
    if old is None:
        new = Submission(unit_id, item, None, received_status(None, day), day,
                         campaign_id=doc.campaign.id)
    elif old.status in DONE:
        new = old  # a newer version: the item keeps the day it first arrived
    else:
        new = marked_received(old, day)
    return Receipt(incoming, old, new, day, unit.name)


class ReceiveFileCommand(DocumentCommand):
    """Keep a file for an item and mark the item received; undo takes both back (the
    content stays on disk until 清理)."""

    def __init__(self, doc: CampaignDocument, archive: SummaryArchive, receipt: Receipt,
                 label: str) -> None:
        super().__init__(label)
        self.doc = doc
        self.archive = archive
        self.receipt = receipt
        self.version: SummaryVersion | None = None
        self.submission_id = receipt.old.id if receipt.old else None

    def _redo(self) -> None:
        receipt, store = self.receipt, self.doc.store
        self.archive.store_content(receipt.incoming)
        with store.transaction():
            sub = receipt.new.with_changes(id=self.submission_id)
            [saved] = store.save_submissions([sub])
            self.submission_id = saved.id
            previous = self.version
            self.version = self.archive.add_version(
                saved.id, receipt.incoming, receipt.day,
                previous.id if previous else None, previous.added if previous else None)
        self.doc.reload_submissions()

    def _undo(self) -> None:
        store = self.doc.store
        with store.transaction():
            if self.version is not None:
                self.archive.remove_version(self.version.id)
            if self.receipt.old is not None:
                store.save_submissions([self.receipt.old])
            elif self.submission_id is not None:
                store.delete_submissions([self.submission_id])
        self.doc.reload_submissions()

    def kept_contents(self) -> set[str]:
        """The content a redo would need: 清理 must leave it while this step is undoable."""
        return {self.receipt.incoming.sha256}
