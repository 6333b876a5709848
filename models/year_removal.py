"""Deleting a year's campaign: what goes is counted first, a backup is taken, then the
campaign and everything of it (activities, submissions, received-file records) go in one
transaction. The kept files themselves stay until 清理."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from models.dates.planning import planning_key
from models.db.backup import take_backup
from models.db.storage import Store
from models.errors import UserError
from models.i18n import _tr

BACKUP_REASON = "before-delete"


@dataclass(frozen=True, slots=True)
class YearContents:
    """What deleting a year removes."""

    year: int
    activities: int
    submissions: int
    files: int

    def as_text(self) -> str:
        """'2022 年的通知、29 项活动、42 项报送事项和 3 个收到文件的记录'."""
        return _tr("{0} 年的通知、{1} 项活动、{2} 项报送事项和 {3} 个收到文件的记录").format(
            self.year, self.activities, self.submissions, self.files)


def year_contents(store: Store, campaign_id: int) -> YearContents:
    """Count what a campaign holds."""
    conn = store.db.conn

    def count(sql: str) -> int:
        return int(conn.execute(sql, [campaign_id]).fetchone()[0])
    return YearContents(
        store.campaign(campaign_id).year,
        count("SELECT COUNT(*) FROM activities WHERE campaign_id = ?"),
        count("SELECT COUNT(*) FROM submissions WHERE campaign_id = ?"),
        count("SELECT COUNT(*) FROM submission_files f JOIN submissions s "
              "ON s.id = f.submission_id WHERE s.campaign_id = ?"))


def delete_year(store: Store, campaign_id: int) -> Path | None:
    """Back up the database (a file one), then delete the campaign and all of it; the
    backup's path. UserError for the last campaign: a database keeps at least one year."""
    if len(store.campaigns()) <= 1:
        raise UserError(_tr("这是数据库中唯一的年度，不能删除。"))
    campaign = store.campaign(campaign_id)
    backup = take_backup(store.path, BACKUP_REASON, conn=store.db.conn) if store.path else None
    with store.transaction():
        store.db.conn.execute("DELETE FROM campaigns WHERE id = ?", [campaign_id])
        store.db.conn.execute("DELETE FROM app_state WHERE key = ?", [planning_key(campaign)])
    store.forget_cache()
    return backup
