"""The campaign database: connecting, reading and writing records."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from dataclasses import fields as dataclass_fields
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from sqlite_utils import Database

from models.dates.periods import parse_periods, spans_to_json
from models.db.db_file import read_only_uri
from models.db.db_health import sqlite_error_message
from models.db.schema import migrations
from models.entities import (
    CAMPAIGN_DATE_FIELDS,
    Activity,
    Campaign,
    CampaignData,
    Level,
    Submission,
    SubmissionStatus,
    Unit,
    UnitKind,
    find_unit,
)
from models.errors import StoreError
from models.fields import text_attrs
from models.i18n import _tr
from models.text import clean_text

_LEVELS: dict[str, Level] = {str(level): level for level in Level}


class Unlockable(Protocol):
    """A held lock (a QLockFile)."""

    def unlock(self) -> None: ...


def _iso(value: date | None) -> str | None:
    """A date as ISO text for storage."""
    return value.isoformat() if value else None


def _day(value: str | None) -> date | None:
    """ISO text from storage as a date."""
    return date.fromisoformat(value) if value else None


class Store:
    """All reads and writes of the campaign database go through here."""

    def __init__(self, db: Database, path: Path | None = None) -> None:
        self.db = db
        self.path = path
        self.lock: Unlockable | None = None  # held by a writer, see models.db.opening
        self._campaign_cache: dict[int, Campaign] = {}

    # -- opening -----------------------------------------------------------

    @classmethod
    def connect(cls, path: Path | str | None, read_only: bool = False) -> Store:
        """Connect to the database file at path (None: in memory), creating its folder;
        read_only: a file in a folder that cannot be written, read as it lies.

        Nothing is checked or migrated here: `models.db.opening.open_database` does that.
        """
        if path is None:
            db = Database(memory=True)
        elif read_only:
            path = Path(path)
            try:
                db = Database(sqlite3.connect(read_only_uri(path, immutable=True), uri=True))
            except sqlite3.Error as exc:
                raise StoreError(_tr("无法打开数据库“{0}”：{1}").format(path, exc)) from exc
        else:
            path = Path(path)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(_tr("无法创建数据库所在的文件夹“{0}”：{1}").format(
                                     path.parent, exc.strerror or exc)) from exc
            try:
                db = Database(path)
                db.execute("PRAGMA busy_timeout = 5000")
                db.enable_wal()
            except sqlite3.Error as exc:
                raise StoreError(_tr("无法打开数据库“{0}”：{1}").format(path, exc)) from exc
        db.execute("PRAGMA foreign_keys = ON")
        return cls(db, Path(path) if path is not None else None)

    def is_new(self) -> bool:
        """True for a database no program has written yet (no migration recorded)."""
        return not migrations.applied(self.db)

    def needs_migration(self) -> bool:
        """True when a database made by an older program has schema changes to apply."""
        return not self.is_new() and bool(migrations.pending(self.db))

    def migrate(self) -> None:
        """Create the tables of a new database, or bring an older one up to date."""
        try:
            migrations.apply(self.db)
        except sqlite3.Error as exc:
            raise StoreError(_tr("无法升级数据库结构：{0}").format(exc)) from exc

    def close(self) -> None:
        """Close the connection and let go of the lock, if this store holds one.

        A writer first copies its write-ahead log into the file and empties it, so a -wal
        file with content is left only by a program that did not close (see opening)."""
        if self.lock is not None:
            try:
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error:
                pass  # a reader still busy: the log stays, whole, for the next open
        self.db.close()
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """All changes inside commit together or not at all."""
        try:
            with self.db.atomic():
                yield self
        except BaseException as exc:
            self._campaign_cache.clear()
            if not isinstance(exc, sqlite3.Error):
                raise
            raise StoreError(_tr("数据库写入失败，未作任何改动：{0}").format(
                sqlite_error_message(exc, self.path))) from exc

    def forget_cache(self) -> None:
        """Drop cached records after the database was replaced underneath (a restore)."""
        self._campaign_cache.clear()

    def is_empty(self) -> bool:
        """True when no campaign has been stored yet."""
        return self.db.execute("SELECT COUNT(*) FROM campaigns").fetchone()[0] == 0

    # -- campaigns ---------------------------------------------------------

    def _campaign_row(self, campaign: Campaign) -> dict[str, Any]:
        """A campaign as a database row."""
        row = asdict(campaign)
        for key in CAMPAIGN_DATE_FIELDS:
            row[key] = _iso(row[key])
        if row["id"] is None:
            del row["id"]
        return row

    @staticmethod
    def _campaign_from_row(row: dict[str, Any]) -> Campaign:
        """A database row as a campaign."""
        row = dict(row)
        for key in CAMPAIGN_DATE_FIELDS:
            row[key] = _day(row[key])
        return Campaign(**row)

    def campaigns(self) -> list[Campaign]:
        """Every campaign, newest year first."""
        rows = self.db.query("SELECT * FROM campaigns ORDER BY year DESC")
        return [self._campaign_from_row(r) for r in rows]

    def campaign(self, campaign_id: int) -> Campaign:
        """One campaign by id."""
        if campaign_id not in self._campaign_cache:
            rows = list(self.db.query("SELECT * FROM campaigns WHERE id = ?", [campaign_id]))
            if not rows:
                raise StoreError(_tr("没有编号为 {0} 的活动年度。").format(campaign_id))
            self._campaign_cache[campaign_id] = self._campaign_from_row(rows[0])
        return self._campaign_cache[campaign_id]

    def latest_campaign(self) -> Campaign:
        """The campaign of the newest year."""
        found = self.campaigns()
        if not found:
            raise StoreError(_tr("数据库中还没有任何活动年度。"))
        return found[0]

    def campaign_of_year(self, year: int) -> Campaign | None:
        """The campaign of a year, or None when there is none."""
        return next((c for c in self.campaigns() if c.year == year), None)

    def add_campaign(self, campaign: Campaign) -> Campaign:
        """Store a new campaign and return it with its id."""
        try:
            with self.db.atomic():
                new_id = self.db.table("campaigns").insert(self._campaign_row(campaign)).last_pk
        except sqlite3.IntegrityError as exc:
            raise StoreError(_tr("{0} 年的活动已经存在。").format(campaign.year)) from exc
        return campaign.with_changes(id=new_id)

    def update_campaign(self, campaign: Campaign) -> None:
        """Save every field of an existing campaign and re-read its activities' times."""
        old = self.campaign(campaign.id)
        with self.transaction():
            self.db.table("campaigns").update(campaign.id, self._campaign_row(campaign))
            self._campaign_cache[campaign.id] = campaign
            if (old.year, old.window) != (campaign.year, campaign.window):
                self._reparse_all(campaign)

    def _reparse_all(self, campaign: Campaign) -> None:
        """Recompute stored spans after the year or window changed."""
        rows = self.db.execute(
            "SELECT id, time_text FROM activities WHERE campaign_id = ?", [campaign.id]
        ).fetchall()
        self.db.conn.executemany(
            "UPDATE activities SET spans = ? WHERE id = ?",
            [(self._spans_for(campaign, text), rid) for rid, text in rows],
        )

    # -- units ---------------------------------------------------------------

    def units(self, campaign_id: int | None = None) -> list[Unit]:
        """Every unit in official order: a campaign's own order when one is given (each unit
        at its place in that campaign, else at its own sort_order)."""
        rows = self.db.execute(
            f"SELECT u.id, u.name, u.short_name, u.kind, {_ORDER} AS place FROM units u "
            "LEFT JOIN campaign_units cu ON cu.unit_id = u.id AND cu.campaign_id = ? "
            "ORDER BY place, u.id", [campaign_id]).fetchall()
        return [Unit(name, short, UnitKind(kind), place, uid)
                for uid, name, short, kind, place in rows]

    def set_unit_orders(self, campaign_id: int, orders: dict[int, int]) -> None:
        """Put units at places of one campaign's order (unit id → place)."""
        with self.transaction():
            self.db.conn.executemany(
                "INSERT INTO campaign_units (campaign_id, unit_id, sort_order) VALUES (?, ?, ?) "
                "ON CONFLICT(campaign_id, unit_id) DO UPDATE SET sort_order = excluded.sort_order",
                [(campaign_id, uid, order) for uid, order in orders.items()])

    def copy_unit_orders(self, source_id: int, target_id: int) -> None:
        """Give a new campaign the order of the one it is made from."""
        with self.transaction():
            self.db.conn.execute(
                "INSERT INTO campaign_units (campaign_id, unit_id, sort_order) "
                "SELECT ?, unit_id, sort_order FROM campaign_units WHERE campaign_id = ?",
                [target_id, source_id])

    def add_unit(self, unit: Unit) -> Unit:
        """Store a new unit and return it with its id."""
        row = asdict(unit)
        row.pop("id")
        row["kind"] = str(unit.kind)
        try:
            with self.db.atomic():
                new_id = self.db.table("units").insert(row).last_pk
        except sqlite3.IntegrityError as exc:
            raise StoreError(_tr("单位“{0}”已经存在。").format(unit.name)) from exc
        return Unit(unit.name, unit.short_name, unit.kind, unit.sort_order, new_id)

    def find_unit(self, text: str) -> Unit | None:
        """The unit named by its full or short name (see entities.find_unit)."""
        return find_unit(self.units(), text)

    # -- activities ------------------------------------------------------------

    def _spans_for(self, campaign: Campaign, time_text: str) -> str:
        """The parsed spans of a time text, as stored JSON."""
        return spans_to_json(parse_periods(time_text, campaign.year, campaign.window))

    @staticmethod
    def _activity_from_row(row: tuple) -> Activity:
        """A database row (its columns in activity_attrs order) as an activity."""
        values = list(row)
        values[0] = _LEVELS.get(values[0]) or Level(values[0])  # level is the first column
        values[_CARRIED_AT] = bool(values[_CARRIED_AT])
        return Activity(*values)

    def activities(self, campaign_id: int, level: Level | None = None) -> list[Activity]:
        """Activities of a campaign in attachment order (市级 first, by group and position)."""
        # One query per level walks the activities_order index in order: no sort of 100,000
        # full rows in a temporary B-tree (the schema allows only these two levels).
        attrs = activity_attrs()
        sql = (f"SELECT {_columns(attrs)} FROM activities WHERE campaign_id = ? AND level = ?"
               " ORDER BY group_no, position, id")
        found: list[Activity] = []
        for wanted in [level] if level else [Level.MUNICIPAL, Level.DISTRICT]:
            rows = self.db.execute(sql, [campaign_id, str(wanted)]).fetchall()
            found.extend(map(self._activity_from_row, rows))
        return found

    def activity(self, activity_id: int) -> Activity:
        """One activity by id."""
        attrs = activity_attrs()
        row = self.db.execute(
            f"SELECT {_columns(attrs)} FROM activities WHERE id = ?", [activity_id]
        ).fetchone()
        if row is None:
            raise StoreError(_tr("没有编号为 {0} 的活动。").format(activity_id))
        return self._activity_from_row(row)

    def _as_stored(self, activity: Activity) -> Activity:
        """The activity as it is stored: text cleaned, spans read from its time."""
        cleaned = {f: clean_text(getattr(activity, f)) for f in text_attrs()}
        spans = self._spans_for(self.campaign(activity.campaign_id), cleaned["time_text"])
        return activity.with_changes(**cleaned, spans_json=spans)

    @staticmethod
    def _activity_params(attrs: tuple[str, ...], activity: Activity) -> list[Any]:
        """Column values for an insert or update, in the order of `attrs`."""
        values = [getattr(activity, attr) for attr in attrs]
        return [str(v) if isinstance(v, Level) else int(v) if isinstance(v, bool) else v
                for v in values]

    def insert_activities(self, activities: Iterable[Activity]) -> list[Activity]:
        """Store activities (keeping given ids) in one transaction; return them as stored,
        with their ids."""
        stored: list[Activity] = []
        attrs = activity_attrs()
        sql = (f"INSERT INTO activities ({_columns(attrs)}) "
               f"VALUES ({', '.join('?' * len(attrs))})")
        with self.transaction():
            for activity in map(self._as_stored, activities):
                cursor = self.db.conn.execute(sql, self._activity_params(attrs, activity))
                stored.append(activity.with_changes(id=cursor.lastrowid))
        return stored

    def update_activities(self, activities: Iterable[Activity]) -> list[Activity]:
        """Save changed activities in one transaction; return them as stored."""
        attrs = tuple(a for a in activity_attrs() if a != "id")
        sets = ", ".join(f"{column} = ?" for column in _columns(attrs).split(", "))
        stored = list(map(self._as_stored, activities))
        with self.transaction():
            for activity in stored:
                self.db.conn.execute(
                    f"UPDATE activities SET {sets} WHERE id = ?",
                    self._activity_params(attrs, activity) + [activity.id],
                )
        return stored

    def delete_activities(self, ids: Iterable[int]) -> None:
        """Remove activities in one transaction."""
        with self.transaction():
            self.db.conn.executemany("DELETE FROM activities WHERE id = ?", [(i,) for i in ids])

    # -- submissions -------------------------------------------------------------

    def submissions(self, campaign_id: int) -> list[Submission]:
        """What units owe for a campaign, in the units' official order."""
        rows = self.db.execute(
            "SELECT s.id, s.campaign_id, s.unit_id, s.item, s.due, s.status, s.received, s.note "
            "FROM submissions s JOIN units u ON u.id = s.unit_id "
            "LEFT JOIN campaign_units cu ON cu.unit_id = u.id AND cu.campaign_id = s.campaign_id "
            f"WHERE s.campaign_id = ? ORDER BY {_ORDER}, u.id, s.item",
            [campaign_id],
        ).fetchall()
        return [Submission(unit_id, item, _day(due), SubmissionStatus(status), _day(received),
                           note, cid, sid)
                for sid, cid, unit_id, item, due, status, received, note in rows]

    def save_submissions(self, submissions: Iterable[Submission]) -> list[Submission]:
        """Insert or update submissions (keeping given ids) in one transaction; return them
        with their ids."""
        saved: list[Submission] = []
        with self.transaction():
            for sub in submissions:
                params = [sub.campaign_id, sub.unit_id, sub.item, _iso(sub.due), str(sub.status),
                          _iso(sub.received), sub.note]
                cursor = self.db.conn.execute(
                    "INSERT INTO submissions (id, campaign_id, unit_id, item, due, status, "
                    "received, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE "
                    "SET campaign_id=excluded.campaign_id, unit_id=excluded.unit_id, "
                    "item=excluded.item, due=excluded.due, status=excluded.status, "
                    "received=excluded.received, note=excluded.note",
                    [sub.id] + params,
                )
                saved.append(sub if sub.id is not None else sub.with_changes(id=cursor.lastrowid))
        return saved

    def delete_submissions(self, ids: Iterable[int]) -> None:
        """Remove submissions in one transaction."""
        with self.transaction():
            self.db.conn.executemany("DELETE FROM submissions WHERE id = ?", [(i,) for i in ids])

    # -- what the program remembers with the database -------------------------------

    def state(self, key: str) -> str | None:
        """A remembered value (the year last used, a planning date …), or None."""
        row = self.db.execute("SELECT value FROM app_state WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_state(self, key: str, value: str | None) -> None:
        """Remember a value with the database (None forgets it)."""
        with self.transaction():
            if value is None:
                self.db.execute("DELETE FROM app_state WHERE key = ?", [key])
            else:
                self.db.execute("INSERT INTO app_state (key, value) VALUES (?, ?) "
                                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                                [key, value])

    # -- whole campaign ------------------------------------------------------------

    def load(self, campaign_id: int | None = None) -> CampaignData:
        """A detached copy of a campaign (the newest if none given) for views and exporters."""
        campaign = self.campaign(campaign_id) if campaign_id else self.latest_campaign()
        return CampaignData(campaign, self.units(campaign.id), self.activities(campaign.id),
                            self.submissions(campaign.id))


_ORDER = "COALESCE(cu.sort_order, u.sort_order)"
"""A unit's place in a campaign's order (SQL over units u LEFT JOIN campaign_units cu)."""

_COLUMN_OF = {"spans_json": "spans"}
"""Activity attributes whose database column has another name."""


def activity_attrs() -> tuple[str, ...]:
    """The Activity attributes the activities table stores, in the record's own order (level
    first), so a row becomes an Activity by position. The record holds every field of FIELDS
    (models/fields.py); a field added there is stored once Activity and the schema have it,
    with no column list here to keep in step."""
    return _ACTIVITY_ATTRS


_ACTIVITY_ATTRS = tuple(f.name for f in dataclass_fields(Activity))
_CARRIED_AT = _ACTIVITY_ATTRS.index("carried")
assert _ACTIVITY_ATTRS[0] == "level", "a row is read by position, level first"


def _columns(attrs: tuple[str, ...]) -> str:
    """The database columns of some Activity attributes, for a query."""
    return ", ".join(_COLUMN_OF.get(attr, attr) for attr in attrs)
