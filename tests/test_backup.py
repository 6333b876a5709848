"""Backups: taken before migrations and once a day, rotated, restorable."""
from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QDialog

from models.db import backup
from models.db.backup import backup_if_due, list_backups, restore_backup, take_backup
from models.db.opening import open_database
from models.errors import StoreError


def test_daily_backup_once_a_day(disk_store):
    day = datetime(2021, 5, 20, 9, 0)
    first = backup_if_due(disk_store, day)
    assert first is not None and first.exists()
    assert backup_if_due(disk_store, day.replace(hour=17)) is None
    assert backup_if_due(disk_store, day + timedelta(days=1)) is not None
    copy = sqlite3.connect(first)
    assert copy.execute("SELECT COUNT(*) FROM activities").fetchone()[0] == 29
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    copy.close()


def test_backups_rotate(disk_store):
    start = datetime(2021, 5, 1)
    for i in range(backup.KEEP + 4):
        take_backup(disk_store.path, "daily", start + timedelta(days=i), disk_store.db.conn)
    kept = list_backups(disk_store.path)
    assert len(kept) == backup.KEEP
    assert kept[0].taken == start + timedelta(days=backup.KEEP + 3)


def test_restore_puts_back_the_old_state_and_saves_the_current_one(disk_store):
    saved = take_backup(disk_store.path, "manual", datetime(2021, 5, 1), disk_store.db.conn)
    campaign = disk_store.latest_campaign()
    disk_store.delete_activities([a.id for a in disk_store.activities(campaign.id)])
    safety = restore_backup(disk_store, saved)
    assert len(disk_store.activities(campaign.id)) == 29
    conn = sqlite3.connect(safety)
    assert conn.execute("SELECT COUNT(*) FROM activities").fetchone()[0] == 0
    conn.close()


def test_a_corrupt_backup_is_refused(disk_store, tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database")
    with pytest.raises(StoreError):
        restore_backup(disk_store, bad)
    assert len(disk_store.load().activities) == 29


def test_backup_before_a_migration(tmp_path, monkeypatch):
    path = tmp_path / "m.sqlite3"
    open_database(path).close()
    from models.db import schema

    @schema.migrations(name="9999_test_only")
    def _extra(db):
        db.execute("CREATE TABLE extra (id INTEGER)")
    monkeypatch.setattr(schema, "KNOWN_MIGRATIONS",
                        schema.KNOWN_MIGRATIONS | {"9999_test_only"})
    try:
        open_database(path).close()
    finally:
        schema.migrations._migrations.pop()
    assert [b.reason for b in list_backups(path)] == ["before-migration"]


def test_restore_from_the_window(ctx, qtbot, tmp_path):
    from ui.backup_dialog import restore_from_backup
    store = open_database(tmp_path / "w.sqlite3")
    take_backup(store.path, "manual", datetime(2021, 5, 1), store.db.conn)
    store.delete_activities([a.id for a in store.activities(store.latest_campaign().id)])

    class Accepting:
        def __init__(self, backups, parent):
            self.backups = backups

        def exec(self):
            return QDialog.DialogCode.Accepted

        def chosen(self):
            return self.backups[0]
    from models.editor import CampaignEditor
    ctx.editor = CampaignEditor(store)
    assert restore_from_backup(ctx, None, Accepting)
    assert len(ctx.document.activities) == 29
    store.close()


def test_two_databases_with_one_stem_keep_their_backups_apart(tmp_path):
    """campaign.db and campaign.sqlite3 side by side: each lists, keeps and drops only its
    own backups; backups an earlier version named by the shared stem are kept for both."""
    first, second = tmp_path / "campaign.db", tmp_path / "campaign.sqlite3"
    for path in (first, second):
        open_database(path).close()
    start = datetime(2021, 5, 1, 8, 0, 0)
    own = take_backup(second, "manual", start)
    legacy = own.with_name("campaign-20210430-080000-daily.sqlite3")
    legacy.write_bytes(own.read_bytes())
    for day in range(backup.KEEP + 2):
        take_backup(first, "daily", start + timedelta(days=day + 1))
    assert own.exists() and legacy.exists()
    assert [b.path for b in list_backups(second)] == [own]
    assert len(list_backups(first)) == backup.KEEP
    assert all(b.path.name.startswith("campaign.db-") for b in list_backups(first))


def test_the_restore_question_says_what_the_backup_brings_back(ctx, qtbot, tmp_path):
    """A backup holds the database only: the question counts the received files it records
    and how many the archive still has."""
    from docx import Document

    from models.editor import CampaignEditor
    from ui.backup_dialog import restore_from_backup
    store = open_database(tmp_path / "w.sqlite3")
    ctx.editor = CampaignEditor(store)
    unit = store.find_unit("黄浦")
    for name in ("甲.docx", "乙.docx"):
        doc = Document()
        doc.add_paragraph(name)
        doc.save(str(tmp_path / name))
        ctx.editor.receive_file(unit.id, tmp_path / name, datetime(2021, 5, 20).date(),
                                today=datetime(2021, 5, 30).date())
    take_backup(store.path, "manual", datetime(2021, 5, 31), store.db.conn)
    [gone, _kept] = [v for vs in ctx.editor.summary_versions().values() for v in vs]
    path = ctx.editor.archive.content_path(gone.sha256)
    path.chmod(0o644)
    path.unlink()

    class Accepting:
        def __init__(self, backups, parent):
            self.backups = backups

        def exec(self):
            return QDialog.DialogCode.Accepted

        def chosen(self):
            return self.backups[0]
    ctx.dialogs.answers.append(False)  # see the question, then say no
    assert not restore_from_backup(ctx, None, Accepting)
    kind, _title, text = ctx.dialogs.messages[-1]
    assert kind == "confirm" and "记录了 2 个收到的文件，其中 1 个" in text, text
    store.close()
