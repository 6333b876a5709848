"""A campaign's addressees (报送单位): the units that owe it something, in official order.

Units are shared by every year; a campaign's addressees are those with submissions in it, so a
unit added, renamed or retired in one year leaves the earlier years as they were."""
from __future__ import annotations

from models.entities import CampaignData, Submission, Unit


def campaign_addressees(data: CampaignData) -> list[Unit]:
    """The units that owe the campaign something, in official order (every unit when the
    campaign asks nothing of anyone yet)."""
    owing = {s.unit_id for s in data.submissions}
    if not owing:
        return list(data.units)
    return [u for u in data.units if u.id in owing]


def items_owed(subs: list[Submission]) -> list[tuple[str, object]]:
    """Each item the addressees owe with its due date (the first one found), in order."""
    found: dict[str, object] = {}
    for sub in subs:
        found.setdefault(sub.item, sub.due)
    return list(found.items())
