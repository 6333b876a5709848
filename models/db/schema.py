"""The database schema, created and upgraded by recorded migrations."""
from __future__ import annotations

from sqlite_utils import Database, Migrations

MIGRATION_SET = "metrology_day"
SCHEMA_VERSION = 6

migrations = Migrations(MIGRATION_SET)


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    """Campaigns, units, activities and submissions."""
    db.execute(
        """
        CREATE TABLE campaigns (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL UNIQUE,
            theme TEXT NOT NULL DEFAULT '',
            window_start TEXT NOT NULL,
            window_end TEXT NOT NULL,
            issuer TEXT NOT NULL DEFAULT '',
            issuer_mark TEXT NOT NULL DEFAULT '',
            doc_number TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            addressees TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            attachment_title TEXT NOT NULL DEFAULT '',
            signature TEXT NOT NULL DEFAULT '',
            issue_date TEXT,
            publication_note TEXT NOT NULL DEFAULT '',
            print_office TEXT NOT NULL DEFAULT '',
            print_date TEXT,
            contact_person TEXT NOT NULL DEFAULT '',
            contact_phone TEXT NOT NULL DEFAULT '',
            contact_email TEXT NOT NULL DEFAULT '',
            summary_due TEXT
        )"""
    )
    db.execute(
        """
        CREATE TABLE units (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            short_name TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL,
            sort_order INTEGER NOT NULL DEFAULT 0
        )"""
    )
    db.execute(
        """
        CREATE TABLE activities (
            id INTEGER PRIMARY KEY,
            campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
            level TEXT NOT NULL CHECK (level IN ('市级', '区级')),
            group_no INTEGER NOT NULL,
            position INTEGER NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            content TEXT NOT NULL DEFAULT '',
            time_text TEXT NOT NULL DEFAULT '',
            spans TEXT NOT NULL DEFAULT '[]',
            publicity_forms TEXT NOT NULL DEFAULT '',
            publicity_content TEXT NOT NULL DEFAULT '',
            responsible TEXT NOT NULL DEFAULT '',
            unit_id INTEGER REFERENCES units(id) ON DELETE SET NULL
        )"""
    )
    db.execute(
        "CREATE INDEX activities_order ON activities(campaign_id, level, group_no, position)"
    )
    db.execute("CREATE INDEX activities_unit ON activities(unit_id)")
    db.execute(
        """
        CREATE TABLE submissions (
            id INTEGER PRIMARY KEY,
            campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
            unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
            item TEXT NOT NULL,
            due TEXT,
            status TEXT NOT NULL DEFAULT '未报送',
            received TEXT,
            note TEXT NOT NULL DEFAULT '',
            UNIQUE (campaign_id, unit_id, item)
        )"""
    )
    db.execute("PRAGMA user_version = 1")


@migrations(name="0002_summary_files")
def _summary_files(db: Database) -> None:
    """Files units sent for their items (活动总结): content kept under its SHA-256 in the
    folder beside the database (models/received/summary_files.py), one row per version received."""
    db.execute(
        """
        CREATE TABLE stored_files (
            sha256 TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            kind TEXT NOT NULL,
            stored_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE submission_files (
            id INTEGER PRIMARY KEY,
            submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
            sha256 TEXT NOT NULL REFERENCES stored_files(sha256),
            name TEXT NOT NULL,
            received TEXT,
            added TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX submission_files_item ON submission_files(submission_id, id)")
    db.execute("CREATE INDEX submission_files_content ON submission_files(sha256)")
    db.execute("PRAGMA user_version = 2")


@migrations(name="0003_items_years_carried")
def _items_years_carried(db: Database) -> None:
    """The plan's due date; a key-value table of what the program remembers per database
    (the year last used, planning dates); the mark on activities carried over from last
    year; and every addressee owing a 活动安排 once any of them does or the campaign
    has a plan due date (a unit's import used to create a stray one for itself only)."""
    db.execute("ALTER TABLE campaigns ADD COLUMN plan_due TEXT")
    db.execute("ALTER TABLE activities ADD COLUMN carried INTEGER NOT NULL DEFAULT 0")
    db.execute(
        """
        CREATE TABLE app_state (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        INSERT INTO submissions (campaign_id, unit_id, item, due, status)
        SELECT DISTINCT s.campaign_id, s.unit_id, '活动安排', NULL, '未报送'
        FROM submissions s
        WHERE EXISTS (SELECT 1 FROM submissions a
                      WHERE a.campaign_id = s.campaign_id AND a.item = '活动安排')
          AND NOT EXISTS (SELECT 1 FROM submissions a
                          WHERE a.campaign_id = s.campaign_id AND a.unit_id = s.unit_id
                            AND a.item = '活动安排')"""
    )
    db.execute("PRAGMA user_version = 3")


DEFAULT_FIGURES_0004: tuple[tuple[str, str], ...] = (
    ("开展活动", "场"), ("参与群众", "人次"), ("发放宣传资料", "份"),
    ("免费检定检测计量器具", "台件"), ("媒体报道", "篇"), ("组织收看", "人次"))
"""The figures every campaign starts with (models.figures.DEFAULT_FIGURES names the same)."""


@migrations(name="0004_figures")
def _figures(db: Database) -> None:
    """The figures (指标) of each campaign and every addressee's value of each, with where
    it came from and whether it is approximate. Every campaign, stored or new, starts with
    the default list (a trigger); a new year made from an old one then takes the old list."""
    db.execute(
        """
        CREATE TABLE figures (
            id INTEGER PRIMARY KEY,
            campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            measure TEXT NOT NULL DEFAULT '',
            summed INTEGER NOT NULL DEFAULT 1,
            position INTEGER NOT NULL DEFAULT 0,
            UNIQUE (campaign_id, name)
        )"""
    )
    db.execute(
        """
        CREATE TABLE figure_values (
            id INTEGER PRIMARY KEY,
            figure_id INTEGER NOT NULL REFERENCES figures(id) ON DELETE CASCADE,
            unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
            value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10000000),
            approximate TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT 'typed',
            sentence TEXT NOT NULL DEFAULT '',
            UNIQUE (figure_id, unit_id)
        )"""
    )
    defaults = ("(VALUES " + ", ".join(f"('{name}', '{measure}', {position})"
                                       for position, (name, measure)
                                       in enumerate(DEFAULT_FIGURES_0004, 1)) + ")")
    db.execute(
        f"""
        INSERT INTO figures (campaign_id, name, measure, summed, position)
        SELECT c.id, d.column1, d.column2, 1, d.column3 FROM campaigns c, {defaults} d"""
    )
    db.execute(
        f"""
        CREATE TRIGGER campaign_default_figures AFTER INSERT ON campaigns
        BEGIN
            INSERT INTO figures (campaign_id, name, measure, summed, position)
            SELECT NEW.id, d.column1, d.column2, 1, d.column3 FROM {defaults} d;
        END"""
    )
    db.execute("PRAGMA user_version = 4")


@migrations(name="0005_activity_remarks")
def _activity_remarks(db: Database) -> None:
    """备注 of an activity: what a unit wrote in columns the attachment has no place for."""
    db.execute("ALTER TABLE activities ADD COLUMN remarks TEXT NOT NULL DEFAULT ''")
    db.execute("PRAGMA user_version = 5")


@migrations(name="0006_campaign_unit_order")
def _campaign_unit_order(db: Database) -> None:
    """Each campaign's own order of its addressees (上移/下移 in one year leave the others as
    they were); a unit without a row here stands at its units.sort_order."""
    db.execute(
        """
        CREATE TABLE campaign_units (
            campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
            unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
            sort_order INTEGER NOT NULL,
            PRIMARY KEY (campaign_id, unit_id)
        )"""
    )
    db.execute("PRAGMA user_version = 6")


# Every registered migration is pending on an empty database: the public way to list them.
KNOWN_MIGRATIONS: frozenset[str] = frozenset(
    m.name for m in migrations.pending(Database(memory=True)))
