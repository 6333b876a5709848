"""Opening, refusing and changing the campaign database."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date

import pytest

from models.db.opening import open_database
from models.db.schema import SCHEMA_VERSION
from models.entities import Activity, Level, SubmissionStatus
from models.errors import StoreError
from tests.conftest import REPO


def test_first_open_creates_and_seeds_the_file(tmp_path):
    path = tmp_path / "sub" / "campaigns.sqlite3"
    store = open_database(path)
    try:
        assert path.exists()
        assert len(store.load().activities) == 29
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        store.close()
    again = open_database(path)
    try:
        assert len(again.campaigns()) == 1, "reopening must not seed twice"
    finally:
        again.close()


def _unchanged(path, action):
    before = path.read_bytes()
    with pytest.raises(StoreError) as info:
        action()
    assert path.read_bytes() == before
    assert not (path.parent / (path.name + "-wal")).exists()
    return str(info.value)


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes("这不是数据库".encode() * 100)
    message = _unchanged(path, lambda: open_database(path))
    assert "不是 SQLite" in message


def test_a_database_from_a_newer_program_is_refused_untouched(tmp_path):
    path = tmp_path / "new.sqlite3"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    message = _unchanged(path, lambda: open_database(path))
    assert "更新版本" in message


def test_another_programs_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.commit()
    conn.close()
    message = _unchanged(path, lambda: open_database(path))
    assert "其他程序" in message


def test_a_corrupt_database_is_refused(tmp_path):
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    _unchanged(path, lambda: open_database(path))


def test_cli_reports_a_bad_database_with_a_message_and_nonzero_exit(tmp_path):
    path = tmp_path / "bad.db"
    path.write_text("hello")
    result = subprocess.run([sys.executable, str(REPO / "main.py"), "--db", str(path),
                             "activities"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "不是 SQLite" in result.stderr and "Traceback" not in result.stderr
    assert path.read_text() == "hello"


def test_a_failed_multi_row_change_leaves_nothing(store):
    campaign = store.latest_campaign()
    before = store.activities(campaign.id)
    good = Activity(Level.DISTRICT, 99, 1, "新活动", campaign_id=campaign.id)
    bad = Activity(Level.DISTRICT, 99, 2, "坏行", campaign_id=campaign.id, unit_id=123456)
    with pytest.raises(StoreError):
        store.insert_activities([good, bad])
    assert [a.id for a in store.activities(campaign.id)] == [a.id for a in before]


def test_time_text_is_parsed_when_saved(store):
    campaign = store.latest_campaign()
    activity = store.activities(campaign.id, Level.DISTRICT)[0]
    [returned] = store.update_activities([activity.with_changes(time_text="5月15日至18日")])
    saved = store.activity(activity.id)
    assert '"2021-05-15"' in saved.spans_json and '"2021-05-18"' in saved.spans_json
    assert returned == saved and activity.spans_json != saved.spans_json  # a new record


def test_the_store_returns_new_records_and_leaves_its_arguments_alone(store):
    campaign = store.latest_campaign()
    given = Activity(Level.DISTRICT, 99, 1, "新\x0b活动", time_text="5月20日",
                     campaign_id=campaign.id)
    [stored] = store.insert_activities([given])
    assert given.id is None and given.spans_json == "[]" and given.name == "新\x0b活动"
    assert stored.id is not None and stored.name == "新\n活动"
    assert '"2021-05-20"' in stored.spans_json and store.activity(stored.id) == stored
    sub = store.submissions(campaign.id)[0].with_changes(id=None, item="宣传报道")
    [saved] = store.save_submissions([sub])
    assert sub.id is None and saved.id is not None


def test_submissions_round_trip(store):
    campaign = store.latest_campaign()
    sub = store.submissions(campaign.id)[0].with_changes(
        status=SubmissionStatus.RECEIVED, received=campaign.summary_due)
    store.save_submissions([sub])
    again = store.submissions(campaign.id)[0]
    assert again.status == SubmissionStatus.RECEIVED and again.received == campaign.summary_due


def test_a_database_folder_that_cannot_be_made_is_a_message(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = subprocess.run([sys.executable, str(REPO / "main.py"), "--db",
                             str(blocker / "sub" / "c.sqlite3"), "activities"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "无法创建" in result.stderr and "Traceback" not in result.stderr


def test_an_older_database_gets_the_plan_item_for_every_addressee(tmp_path):
    """A database of schema 1 where one unit's import made a stray 活动安排: after the upgrade
    every addressee owes one (due date not yet set), the stray one kept as it was."""
    from sqlite_utils import Database

    from models.db.opening import open_database
    from models.db.schema import migrations
    path = tmp_path / "old.sqlite3"
    db = Database(path)
    migrations.apply(db, stop_before="0003_items_years_carried")
    db.execute("INSERT INTO campaigns (year, window_start, window_end) "
               "VALUES (2021, '2021-05-11', '2021-05-23')")
    for name in ("甲", "乙", "丙"):
        db.execute("INSERT INTO units (name, kind) VALUES (?, 'district')", [name])
    for unit in (1, 2, 3):
        db.execute("INSERT INTO submissions (campaign_id, unit_id, item, due) "
                   "VALUES (1, ?, '活动总结', '2021-05-24')", [unit])
    db.execute("INSERT INTO submissions (campaign_id, unit_id, item, status, received) "
               "VALUES (1, 2, '活动安排', '已报送', '2021-05-09')")
    db.conn.commit()
    db.close()
    store = open_database(path)
    try:
        plans = [s for s in store.submissions(1) if s.item == "活动安排"]
        assert [(s.unit_id, str(s.status), s.received) for s in plans] == [
            (1, "未报送", None), (2, "已报送", date(2021, 5, 9)), (3, "未报送", None)]
        assert store.campaign(1).plan_due is None
        assert all(not a.carried for a in store.activities(1))
    finally:
        store.close()


def test_an_older_database_keeps_its_units_order_in_every_year_and_can_reorder_one(tmp_path,
                                                                                   qapp):
    """A database of schema 5 (one order of units for every year): after the upgrade each
    year lists its addressees in that order, and 上移 in 2022 leaves 2021 as it was."""
    from sqlite_utils import Database

    from models.db.opening import open_database
    from models.db.schema import migrations
    from models.editor import CampaignEditor
    path = tmp_path / "old.sqlite3"
    db = Database(path)
    migrations.apply(db, stop_before="0006_campaign_unit_order")
    for cid, year in ((1, 2021), (2, 2022)):
        db.execute("INSERT INTO campaigns (id, year, window_start, window_end) "
                   "VALUES (?, ?, '2021-05-11', '2021-05-23')", [cid, year])
    for order, name in ((3, "丙"), (1, "甲"), (2, "乙")):
        db.execute("INSERT INTO units (name, kind, sort_order) VALUES (?, 'district', ?)",
                   [name, order])
    for cid in (1, 2):
        for unit in (1, 2, 3):
            db.execute("INSERT INTO submissions (campaign_id, unit_id, item) "
                       "VALUES (?, ?, '活动总结')", [cid, unit])
    db.conn.commit()
    db.close()
    store = open_database(path)
    try:
        assert [u.name for u in store.units(1)] == ["甲", "乙", "丙"]
        editor = CampaignEditor(store, campaign_id=2)
        assert editor.move_addressee(store.find_unit("乙").id, -1)
        assert [u.name for u in editor.addressee_list()] == ["乙", "甲", "丙"]
        assert [u.name for u in store.units(1)] == ["甲", "乙", "丙"]
        assert [s.unit_id for s in store.submissions(1)] == [2, 3, 1]
        editor.close_history()
    finally:
        store.close()


def test_every_field_is_stored_and_read_back_in_its_own_column(store):
    """The columns read and written come from the Activity record, which holds every field
    of FIELDS: no column list in storage to fall out of step."""
    from dataclasses import fields as record_fields

    from models.db.storage import activity_attrs
    from models.fields import text_attrs
    assert activity_attrs() == tuple(f.name for f in record_fields(Activity))
    assert set(text_attrs()) <= set(activity_attrs())
    columns = {row[1] for row in store.db.execute("PRAGMA table_info(activities)")}
    assert {"spans" if a == "spans_json" else a for a in activity_attrs()} <= columns
    campaign = store.latest_campaign()
    texts = {attr: f"{attr}·文本" for attr in text_attrs()}
    texts["time_text"] = "5月20日"
    [stored] = store.insert_activities([Activity(Level.DISTRICT, 99, 1, campaign_id=campaign.id,
                                                 **texts)])
    read = store.activity(stored.id)
    assert {attr: getattr(read, attr) for attr in text_attrs()} == texts
    assert (read.level, read.group_no, read.carried) == (Level.DISTRICT, 99, False)
    changed = read.with_changes(content="改过的内容", carried=True)
    store.update_activities([changed])
    again = store.activity(stored.id)
    assert (again.content, again.carried, again.publicity_forms) == (
        "改过的内容", True, "publicity_forms·文本")
