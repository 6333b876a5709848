"""The planning date: the day the checklist counts from and marks received on by default."""
from __future__ import annotations

from datetime import date, timedelta

from models.entities import Campaign

SEASON_AFTER_DEADLINE = timedelta(days=30)
"""How long after its last deadline a campaign is still in season (late summaries arrive)."""


def deadline(campaign: Campaign) -> date:
    """The campaign's deadline day: its summaries' due date, else the window's last day."""
    return campaign.summary_due or campaign.window_end


def in_season(campaign: Campaign, day: date) -> bool:
    """True while a day falls in the campaign's own season: its year, before or around the
    deadline."""
    return day.year == campaign.year and day <= deadline(campaign) + SEASON_AFTER_DEADLINE


def default_planning_date(campaign: Campaign, real_today: date) -> date:
    """The real today while it is in the campaign's season, else the deadline day (a 2021
    campaign looked at in 2026 counts from 24 May 2021, not 2016 days late)."""
    return real_today if in_season(campaign, real_today) else deadline(campaign)


def planning_key(campaign: Campaign) -> str:
    """The app_state key of a campaign's chosen planning date."""
    return f"planning_date:{campaign.year}"
