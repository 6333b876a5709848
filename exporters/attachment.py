"""What every rendering of the attachment table shares: its title."""
from __future__ import annotations

from models.entities import CampaignData


def attachment_title(data: CampaignData) -> str:
    """The attachment's title, or a sensible one when the notice has none."""
    campaign = data.campaign
    return campaign.attachment_title or f"{campaign.year}年上海市“5·20世界计量日”系列宣传活动安排汇总表"
