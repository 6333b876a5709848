"""What an export should tell the coordinator about the data it was made from."""
from __future__ import annotations

from models.entities import Activity, CampaignData
from models.fields import level_label, number_label
from models.i18n import _tr

NAMED = 5
"""Carried-over activities named in the warning before it says how many more there are."""


def carried_activities(data: CampaignData) -> list[Activity]:
    """Activities copied from last year and not yet edited or confirmed, in table order."""
    return [a for a in data.activities if a.carried]


def export_warnings(data: CampaignData) -> list[str]:
    """Warnings for an export of this data ([] when there is nothing to say)."""
    carried = carried_activities(data)
    if not carried:
        return []
    names = [_tr("{0} {1}“{2}”").format(level_label(a.level), number_label(a),
                                         a.name.replace("\n", ""))
             for a in carried[:NAMED]]
    more = _tr("等") if len(carried) > NAMED else ""
    return [_tr("有 {0} 项活动仍是从 {1} 年沿用的，尚未修改或确认（{2}{3}）；"
                "导出的文件中它们仍是上一年的内容。").format(
        len(carried), data.campaign.year - 1, "、".join(names), more)]
