"""Reading and writing a campaign's figures (指标) and the units' values of them."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from models.db.storage import Store
from models.entities import Figure, FigureSource, FigureValue
from models.errors import StoreError
from models.i18n import _tr

_VALUE_COLUMNS = "v.id, v.figure_id, v.unit_id, v.value, v.approximate, v.source, v.sentence"


def figures(store: Store, campaign_id: int) -> list[Figure]:
    """A campaign's figures in their order."""
    rows = store.db.execute(
        "SELECT id, campaign_id, name, measure, summed, position FROM figures "
        "WHERE campaign_id = ? ORDER BY position, id", [campaign_id]).fetchall()
    return [Figure(name, measure, bool(summed), position, cid, fid)
            for fid, cid, name, measure, summed, position in rows]


def figure_values(store: Store, campaign_id: int) -> list[FigureValue]:
    """Every unit's value of a campaign's figures."""
    rows = store.db.execute(
        f"SELECT {_VALUE_COLUMNS} FROM figure_values v JOIN figures f ON f.id = v.figure_id "
        "WHERE f.campaign_id = ? ORDER BY f.position, v.unit_id", [campaign_id]).fetchall()
    return [FigureValue(fid, uid, value, approx, FigureSource(source), sentence, vid)
            for vid, fid, uid, value, approx, source, sentence in rows]


def save_values(store: Store, put: Sequence[FigureValue],
                remove: Iterable[tuple[int, int]] = ()) -> None:
    """Put values in place (one per figure and unit) and remove others, in one transaction."""
    with store.transaction():
        store.db.conn.executemany("DELETE FROM figure_values WHERE figure_id = ? AND unit_id = ?",
                             list(remove))
        store.db.conn.executemany(
            "INSERT INTO figure_values (figure_id, unit_id, value, approximate, source, sentence)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(figure_id, unit_id) DO UPDATE SET "
            "value = excluded.value, approximate = excluded.approximate, "
            "source = excluded.source, sentence = excluded.sentence",
            [(v.figure_id, v.unit_id, v.value, v.approximate, str(v.source), v.sentence)
             for v in put])


def save_figures(store: Store, campaign_id: int, put: Sequence[Figure],
                 remove: Sequence[Figure] = (),
                 restore_values: Sequence[FigureValue] = ()) -> list[Figure]:
    """Insert or update figures (ids kept when given, for undo), remove others with their
    values, put back values removed before (undo), in one transaction; the figures as stored.
    StoreError when two figures would share a name."""
    stored: list[Figure] = []
    try:
        with store.transaction():
            store.db.conn.executemany("DELETE FROM figures WHERE id = ?", [[f.id] for f in remove])
            for figure in put:
                row = [figure.name, figure.measure, int(figure.summed), figure.position]
                if figure.id is not None and store.db.execute(
                        "SELECT 1 FROM figures WHERE id = ?", [figure.id]).fetchone():
                    store.db.execute("UPDATE figures SET name = ?, measure = ?, summed = ?, "
                                     "position = ? WHERE id = ?", row + [figure.id])
                    stored.append(figure.with_changes(campaign_id=campaign_id))
                else:
                    cursor = store.db.execute(
                        "INSERT INTO figures (id, campaign_id, name, measure, summed, position)"
                        " VALUES (?, ?, ?, ?, ?, ?)", [figure.id, campaign_id, *row])
                    stored.append(figure.with_changes(campaign_id=campaign_id,
                                                      id=cursor.lastrowid))
            if restore_values:
                save_values(store, restore_values)
    except StoreError as exc:
        if isinstance(exc.__cause__, sqlite3.IntegrityError):
            raise StoreError(_tr("指标名称重复，未作任何改动。")) from exc
        raise
    return stored


def copy_figures(store: Store, source_id: int, target_id: int) -> None:
    """Give a campaign another's list of figures (its values stay behind); inside the
    caller's transaction."""
    store.db.execute("DELETE FROM figures WHERE campaign_id = ?", [target_id])
    store.db.execute(
        "INSERT INTO figures (campaign_id, name, measure, summed, position) "
        "SELECT ?, name, measure, summed, position FROM figures WHERE campaign_id = ? "
        "ORDER BY position, id", [target_id, source_id])
