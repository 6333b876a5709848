"""The campaign database: opening, checking, reading and writing records."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from models.entities import (
    Activity,
    Campaign,
    CampaignData,
    Level,
    Submission,
    SubmissionStatus,
    Unit,
    UnitKind,
)
from models.fields import text_attrs
from models.periods import parse_periods, spans_to_json
from models.schema import KNOWN_MIGRATIONS, MIGRATION_SET, SCHEMA_VERSION, migrations
from models.text import clean_text

SQLITE_MAGIC = b"SQLite format 3\x00"
_CAMPAIGN_DATES = ("window_start", "window_end", "issue_date", "print_date", "summary_due")
_LEVELS: dict[str, Level] = {str(level): level for level in Level}


class StoreError(Exception):
    """A database that cannot be opened or changed, with a message for the user."""


def _iso(value: date | None) -> str | None:
    """A date as ISO text for storage."""
    return value.isoformat() if value else None


def _day(value: str | None) -> date | None:
    """ISO text from storage as a date."""
    return date.fromisoformat(value) if value else None


def check_database_file(path: Path) -> None:
    """Refuse, without touching it, a file that is not a database of ours."""
    if not path.exists():
        return
    if path.is_dir():
        raise StoreError(f"“{path}”是一个文件夹，不是数据库文件。")
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(f"无法读取数据库文件“{path}”：{exc.strerror or exc}") from exc
    if not head:
        return
    if head != SQLITE_MAGIC:
        raise StoreError(f"“{path}”不是 SQLite 数据库文件，未作任何改动。")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"无法打开数据库文件“{path}”：{exc}") from exc
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        applied: set[str] = set()
        if "_sqlite_migrations" in tables:
            applied = {
                r[0]
                for r in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
                    [MIGRATION_SET],
                )
            }
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"数据库文件“{path}”已损坏或无法读取：{exc}") from exc
    finally:
        conn.close()
    if version > SCHEMA_VERSION or applied - KNOWN_MIGRATIONS:
        raise StoreError(
            f"数据库“{path}”由更新版本的程序写入（结构版本 {version}），"
            f"本程序只支持到版本 {SCHEMA_VERSION}。请升级程序后再打开；文件未作任何改动。"
        )
    user_tables = {t for t in tables if not t.startswith(("sqlite_", "_sqlite_"))}
    if user_tables and not applied:
        raise StoreError(f"“{path}”是其他程序的 SQLite 数据库，不是计量日活动数据库；未作任何改动。")


class Store:
    """All reads and writes of the campaign database go through here."""

    def __init__(self, db: Database, path: Path | None = None) -> None:
        self.db = db
        self.path = path
        self._campaign_cache: dict[int, Campaign] = {}

    # -- opening -----------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str | None) -> Store:
        """Open (creating and migrating if needed) the database at path; None for memory."""
        if path is None:
            db = Database(memory=True)
        else:
            path = Path(path)
            check_database_file(path)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"无法创建数据库所在的文件夹“{path.parent}”："
                                 f"{exc.strerror or exc}") from exc
            try:
                db = Database(path)
                db.execute("PRAGMA busy_timeout = 5000")
                db.enable_wal()
            except sqlite3.Error as exc:
                raise StoreError(f"无法打开数据库“{path}”：{exc}") from exc
        db.execute("PRAGMA foreign_keys = ON")
        try:
            if path is not None and migrations.pending(db) and migrations.applied(db):
                from models.backup import take_backup
                take_backup(Path(path), "before-migration", conn=db.conn)
            migrations.apply(db)
        except sqlite3.Error as exc:
            raise StoreError(f"无法升级数据库结构：{exc}") from exc
        return cls(db, Path(path) if path is not None else None)

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

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
            raise StoreError(f"数据库写入失败，未作任何改动：{exc}") from exc

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
        for key in _CAMPAIGN_DATES:
            row[key] = _iso(row[key])
        if row["id"] is None:
            del row["id"]
        return row

    @staticmethod
    def _campaign_from_row(row: dict[str, Any]) -> Campaign:
        """A database row as a campaign."""
        row = dict(row)
        for key in _CAMPAIGN_DATES:
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
                raise StoreError(f"没有编号为 {campaign_id} 的活动年度。")
            self._campaign_cache[campaign_id] = self._campaign_from_row(rows[0])
        return self._campaign_cache[campaign_id]

    def latest_campaign(self) -> Campaign:
        """The campaign of the newest year."""
        found = self.campaigns()
        if not found:
            raise StoreError("数据库中还没有任何活动年度。")
        return found[0]

    def add_campaign(self, campaign: Campaign) -> Campaign:
        """Store a new campaign and return it with its id."""
        try:
            with self.db.atomic():
                new_id = self.db.table("campaigns").insert(self._campaign_row(campaign)).last_pk
        except sqlite3.IntegrityError as exc:
            raise StoreError(f"{campaign.year} 年的活动已经存在。") from exc
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

    def units(self) -> list[Unit]:
        """Every unit in official order."""
        rows = self.db.query("SELECT * FROM units ORDER BY sort_order, id")
        return [Unit(r["name"], r["short_name"], UnitKind(r["kind"]), r["sort_order"], r["id"])
                for r in rows]

    def add_unit(self, unit: Unit) -> Unit:
        """Store a new unit and return it with its id."""
        row = asdict(unit)
        row.pop("id")
        row["kind"] = str(unit.kind)
        try:
            with self.db.atomic():
                new_id = self.db.table("units").insert(row).last_pk
        except sqlite3.IntegrityError as exc:
            raise StoreError(f"单位“{unit.name}”已经存在。") from exc
        return Unit(unit.name, unit.short_name, unit.kind, unit.sort_order, new_id)

    def find_unit(self, text: str) -> Unit | None:
        """The unit whose full or short name is text (or starts the full name)."""
        text = text.strip()
        if not text:
            return None
        units = self.units()
        for unit in units:
            if text in (unit.name, unit.short_name):
                return unit
        matches = [u for u in units if u.name.startswith(text) or u.short_name.startswith(text)]
        return matches[0] if len(matches) == 1 else None

    # -- activities ------------------------------------------------------------

    def _spans_for(self, campaign: Campaign, time_text: str) -> str:
        """The parsed spans of a time text, as stored JSON."""
        return spans_to_json(parse_periods(time_text, campaign.year, campaign.window))

    @staticmethod
    def _activity_from_row(row: tuple) -> Activity:
        """A database row (in _ACTIVITY_COLUMNS order) as an activity."""
        (aid, campaign_id, level, group_no, position, name, content, time_text, spans,
         forms, pub_content, responsible, unit_id) = row
        return Activity(_LEVELS.get(level) or Level(level), group_no, position, name, content,
                        time_text, forms, pub_content, responsible, unit_id, spans, campaign_id,
                        aid)

    def activities(self, campaign_id: int, level: Level | None = None) -> list[Activity]:
        """Activities of a campaign in attachment order (市级 first, by group and position)."""
        # One query per level walks the activities_order index in order: no sort of 100,000
        # full rows in a temporary B-tree (the schema allows only these two levels).
        sql = (f"SELECT {_ACTIVITY_COLUMNS} FROM activities WHERE campaign_id = ? AND level = ?"
               " ORDER BY group_no, position, id")
        found: list[Activity] = []
        for wanted in [level] if level else [Level.MUNICIPAL, Level.DISTRICT]:
            rows = self.db.execute(sql, [campaign_id, str(wanted)]).fetchall()
            found.extend(map(self._activity_from_row, rows))
        return found

    def activity(self, activity_id: int) -> Activity:
        """One activity by id."""
        row = self.db.execute(
            f"SELECT {_ACTIVITY_COLUMNS} FROM activities WHERE id = ?", [activity_id]
        ).fetchone()
        if row is None:
            raise StoreError(f"没有编号为 {activity_id} 的活动。")
        return self._activity_from_row(row)

    def _activity_params(self, activity: Activity) -> list[Any]:
        """Column values for an insert or update: text cleaned, spans recomputed."""
        for field in text_attrs():
            setattr(activity, field, clean_text(getattr(activity, field)))
        campaign = self.campaign(activity.campaign_id)
        spans = self._spans_for(campaign, activity.time_text)
        activity.spans_json = spans
        return [activity.campaign_id, str(activity.level), activity.group_no, activity.position,
                activity.name, activity.content, activity.time_text, spans,
                activity.publicity_forms, activity.publicity_content, activity.responsible,
                activity.unit_id]

    def insert_activities(self, activities: Iterable[Activity]) -> list[Activity]:
        """Store activities (keeping given ids) in one transaction; return them with ids."""
        stored: list[Activity] = []
        with self.transaction():
            for activity in activities:
                params = [activity.id] + self._activity_params(activity)
                cursor = self.db.conn.execute(
                    f"INSERT INTO activities ({_ACTIVITY_COLUMNS}) VALUES ({_ACTIVITY_MARKS})",
                    params,
                )
                activity.id = cursor.lastrowid
                stored.append(activity)
        return stored

    def update_activities(self, activities: Iterable[Activity]) -> None:
        """Save changed activities in one transaction."""
        sets = ", ".join(f"{c} = ?" for c in _ACTIVITY_COLUMNS.split(", ")[1:])
        with self.transaction():
            for activity in activities:
                self.db.conn.execute(
                    f"UPDATE activities SET {sets} WHERE id = ?",
                    self._activity_params(activity) + [activity.id],
                )

    def delete_activities(self, ids: Iterable[int]) -> None:
        """Remove activities in one transaction."""
        with self.transaction():
            self.db.conn.executemany("DELETE FROM activities WHERE id = ?", [(i,) for i in ids])

    def replace_unit_activities(self, campaign_id: int, unit_id: int,
                                activities: Iterable[Activity]) -> list[Activity]:
        """Swap one unit's district rows for new ones, all or nothing."""
        with self.transaction():
            self.db.execute(
                "DELETE FROM activities WHERE campaign_id = ? AND unit_id = ? AND level = ?",
                [campaign_id, unit_id, str(Level.DISTRICT)],
            )
            return self.insert_activities(activities)

    # -- submissions -------------------------------------------------------------

    def submissions(self, campaign_id: int) -> list[Submission]:
        """What units owe for a campaign, in the units' official order."""
        rows = self.db.execute(
            "SELECT s.id, s.campaign_id, s.unit_id, s.item, s.due, s.status, s.received, s.note "
            "FROM submissions s JOIN units u ON u.id = s.unit_id "
            "WHERE s.campaign_id = ? ORDER BY u.sort_order, u.id, s.item",
            [campaign_id],
        ).fetchall()
        return [Submission(unit_id, item, _day(due), SubmissionStatus(status), _day(received),
                           note, cid, sid)
                for sid, cid, unit_id, item, due, status, received, note in rows]

    def save_submissions(self, submissions: Iterable[Submission]) -> list[Submission]:
        """Insert or update submissions (keeping given ids) in one transaction."""
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
                if sub.id is None:
                    sub.id = cursor.lastrowid
                saved.append(sub)
        return saved

    def delete_submissions(self, ids: Iterable[int]) -> None:
        """Remove submissions in one transaction."""
        with self.transaction():
            self.db.conn.executemany("DELETE FROM submissions WHERE id = ?", [(i,) for i in ids])

    # -- whole campaign ------------------------------------------------------------

    def load(self, campaign_id: int | None = None) -> CampaignData:
        """A detached copy of a campaign (the newest if none given) for views and exporters."""
        campaign = self.campaign(campaign_id) if campaign_id else self.latest_campaign()
        return CampaignData(campaign, self.units(), self.activities(campaign.id),
                            self.submissions(campaign.id))


_ACTIVITY_COLUMNS = ("id, campaign_id, level, group_no, position, name, content, time_text, "
                     "spans, publicity_forms, publicity_content, responsible, unit_id")
_ACTIVITY_MARKS = ", ".join("?" * len(_ACTIVITY_COLUMNS.split(", ")))
