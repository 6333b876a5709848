"""Undoable changes to a campaign's addressees: add, rename, retire, reorder. Each is one
transaction over the campaign's submissions, its activities' links and its order of units."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from models.commands import DocumentCommand
from models.document import CampaignDocument
from models.entities import Submission


@dataclass
class AddresseeState:
    """One side of an addressee change: what goes, what is (re)written, links and order."""

    drop: list[int] = field(default_factory=list)
    """Submission ids removed."""
    put: list[Submission] = field(default_factory=list)
    """Submissions written (their ids kept, so undo and redo give the same rows)."""
    links: Mapping[int, int | None] = field(default_factory=dict)
    """Activity id → the unit it is linked to."""
    orders: Mapping[int, int] = field(default_factory=dict)
    """Unit id → its place in this campaign's order (other years keep theirs)."""


def apply_state(doc: CampaignDocument, state: AddresseeState) -> list[Submission]:
    """Write one side in a single transaction, then reload the document; the rows written."""
    store = doc.store
    with store.transaction():
        conn = store.db.conn
        conn.executemany("DELETE FROM submissions WHERE id = ?", [(i,) for i in state.drop])
        written = store.save_submissions(
            [s.with_changes(campaign_id=doc.campaign.id) for s in state.put])
        conn.executemany("UPDATE activities SET unit_id = ? WHERE id = ?",
                         [(unit, aid) for aid, unit in state.links.items()])
        if state.orders:
            store.set_unit_orders(doc.campaign.id, dict(state.orders))
    doc.switch_campaign(doc.campaign.id)
    return written


class AddresseeCommand(DocumentCommand):
    """Go from one addressee state to another; undo goes back."""

    def __init__(self, doc: CampaignDocument, forward: AddresseeState,
                 backward: AddresseeState, label: str) -> None:
        super().__init__(label)
        self.doc = doc
        self.forward = forward
        self.backward = backward

    def _redo(self) -> None:
        written = apply_state(self.doc, self.forward)
        new_ids = [s.id for s in written if s.id is not None]
        self.forward.put = written
        # rows the redo added are what the undo drops (their ids come back on the next redo)
        self.backward.drop = sorted(set(self.backward.drop) | {
            i for i in new_ids if i not in {s.id for s in self.backward.put}})

    def _undo(self) -> None:
        apply_state(self.doc, self.backward)


def swapped_order(unit_ids: Sequence[int], index: int, step: int) -> dict[int, int]:
    """Places 1, 2, … for units in order, with the one at `index` and the one `step` away
    swapped."""
    ids = list(unit_ids)
    ids[index], ids[index + step] = ids[index + step], ids[index]
    return {uid: place for place, uid in enumerate(ids, 1)}
