"""The embedded default: the complete 2021 campaign, loaded into an empty database."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from models.db.storage import Store
from models.entities import (
    CAMPAIGN_DATE_FIELDS,
    Activity,
    Campaign,
    Level,
    Submission,
    SubmissionStatus,
    Unit,
    UnitKind,
)
from models.errors import StoreError
from resources import DEFAULT_CAMPAIGN

SEED_FORMAT = "metrology-day-campaign"


def read_seed(path: Path = DEFAULT_CAMPAIGN) -> dict[str, Any]:
    """The campaign file as plain data, checked for its format marker."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(f"无法读取活动数据文件“{path}”：{exc}") from exc
    if not isinstance(data, dict) or data.get("format") != SEED_FORMAT:
        raise StoreError(f"“{path}”不是计量日活动数据文件。")
    return data


def _campaign(fields: dict[str, Any]) -> Campaign:
    """The campaign record from the file's campaign section."""
    known = {k: v for k, v in fields.items() if k in Campaign.__slots__ and k != "id"}
    for key in CAMPAIGN_DATE_FIELDS:
        if known.get(key):
            known[key] = date.fromisoformat(known[key])
    return Campaign(**known)


def seed_store(store: Store, data: dict[str, Any] | None = None) -> Campaign:
    """Load a campaign file into the database in one transaction; return the campaign."""
    data = data if data is not None else read_seed()
    with store.transaction():
        campaign = store.add_campaign(_campaign(data["campaign"]))
        existing = {u.name: u for u in store.units()}
        for entry in data["units"]:
            if entry["name"] not in existing:
                existing[entry["name"]] = store.add_unit(Unit(
                    entry["name"], entry["short_name"], UnitKind(entry["kind"]),
                    entry["sort_order"]))
        store.insert_activities(
            Activity(Level(a["level"]), a["group_no"], a["position"], a["name"], a["content"],
                     a["time_text"], a["publicity_forms"], a["publicity_content"],
                     a["responsible"], existing[a["unit"]].id if a.get("unit") else None,
                     campaign_id=campaign.id)
            for a in data["activities"])
        store.save_submissions(
            Submission(existing[s["unit"]].id, s["item"],
                       date.fromisoformat(s["due"]) if s.get("due") else None,
                       SubmissionStatus(s["status"]),
                       date.fromisoformat(s["received"]) if s.get("received") else None,
                       s.get("note", ""), campaign.id)
            for s in data["submissions"])
    return campaign
