"""The year in use: which campaign the window and the command line open by default.

The year last used is kept in the database itself (app_state), so that the window reopens
it and a command without --year works on it too, whoever opened the file last.
"""
from __future__ import annotations

from models.db.storage import Store
from models.entities import Campaign
from models.errors import StoreError
from models.i18n import _tr

LAST_YEAR_KEY = "last_year"


def last_used_campaign(store: Store) -> Campaign:
    """The campaign of the year last used with this database, else the newest."""
    stored = store.state(LAST_YEAR_KEY)
    if stored and stored.isdigit():
        found = store.campaign_of_year(int(stored))
        if found is not None:
            return found
    return store.latest_campaign()


def remember_year(store: Store, campaign: Campaign) -> None:
    """Note a campaign's year as the one in use."""
    store.set_state(LAST_YEAR_KEY, str(campaign.year))


def chosen_campaign(store: Store, year: int | None) -> Campaign:
    """The campaign of a year asked for (None: the year last used); StoreError naming the
    years there are when the database has no campaign of that year."""
    if year is None:
        return last_used_campaign(store)
    found = store.campaign_of_year(year)
    if found is None:
        years = "、".join(str(c.year) for c in sorted(store.campaigns(), key=lambda c: c.year))
        raise StoreError(_tr("数据库中没有 {0} 年的活动；已有的年度：{1}。").format(year, years))
    return found
