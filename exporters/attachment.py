"""What every rendering of the attachment table shares: its title and its row heights."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from models.entities import CampaignData


def attachment_title(data: CampaignData) -> str:
    """The attachment's title, or a sensible one when the notice has none."""
    campaign = data.campaign
    return campaign.attachment_title or f"{campaign.year}年上海市“5·20世界计量日”系列宣传活动安排汇总表"


def row_heights(cells: Sequence[Sequence[tuple[str, int]]],
                need: Callable[[int, str], float], minimum: float) -> list[float]:
    """Row heights that show every cell whole: need(column, text) per cell, merges spread."""
    heights = [minimum] * len(cells)
    spans: list[tuple[int, int, float]] = []
    for index, row in enumerate(cells):
        for column, (text, span) in enumerate(row):
            if span == 1:
                heights[index] = max(heights[index], need(column, text))
            elif span > 1:
                spans.append((index, span, need(column, text)))
    for index, span, height in spans:
        short = height - sum(heights[index:index + span])
        if short > 0:
            for k in range(index, index + span):
                heights[k] += short / span
    return heights
