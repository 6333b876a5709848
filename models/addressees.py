"""A campaign's addressees (报送单位): the units that owe it something, in official order.

Units are shared by every year; a campaign's addressees are those with submissions in it, so a
unit added, renamed or retired in one year leaves the earlier years as they were."""
from __future__ import annotations

from collections.abc import Iterable

from models.entities import CampaignData, Submission, Unit


def campaign_addressees(data: CampaignData) -> list[Unit]:
    """The units that owe the campaign something, in official order (every unit when the
    campaign asks nothing of anyone yet)."""
    owing = {s.unit_id for s in data.submissions}
    if not owing:
        return list(data.units)
    return [u for u in data.units if u.id in owing]


def listed_units(data: CampaignData, named: Iterable[int | None] = ()) -> list[Unit]:
    """The units a picker offers: the campaign's addressees and the units in `named` (those
    activities already name, retired or not), in official order."""
    keep = {u.id for u in campaign_addressees(data)} | set(named)
    return [u for u in data.units if u.id in keep]


def items_owed(subs: list[Submission]) -> list[tuple[str, object]]:
    """Each item the addressees owe with its due date (the first one found), in order."""
    found: dict[str, object] = {}
    for sub in subs:
        found.setdefault(sub.item, sub.due)
    return list(found.items())
