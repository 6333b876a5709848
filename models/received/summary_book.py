"""What the compiled document of all summaries (活动总结汇编) holds, as plain data."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from models.dates.planning import deadline
from models.entities import ARRIVED, SUMMARY_ITEM, CampaignData, SubmissionStatus
from models.received.summary_files import SummaryArchive, SummaryVersion

COMPILING_OFFICE_SUFFIX = "计量处"


@dataclass(frozen=True, slots=True)
class SummaryEntry:
    """One unit's summary in the book: its unit, the file received last and its content."""

    unit: str
    version: SummaryVersion
    content: Path


@dataclass(frozen=True, slots=True)
class SummaryBook:
    """Title page, the summaries in the units' official order, and who sent nothing."""

    title: str
    office: str
    compiled: date
    """The campaign's own date on the cover: its summaries' due date (else its last day),
    never the computer's clock (a 2021 book compiled in 2026 says 2021年5月)."""
    entries: tuple[SummaryEntry, ...]
    missing: tuple[str, ...]
    """Units that owe the summary and sent no file."""
    without_file: tuple[str, ...] = ()
    """Units marked as having sent it (on paper, say) with no file kept."""


def book_title(year: int) -> str:
    """2021年“5·20世界计量日”活动总结汇编."""
    return f"{year}年“5·20世界计量日”活动总结汇编"


def summary_book(data: CampaignData, archive: SummaryArchive,
                 item: str = SUMMARY_ITEM) -> SummaryBook:
    """The book of a campaign's received summaries; StoreError when a kept file is damaged."""
    units = data.unit_by_id()
    held = archive.campaign_versions(data.campaign.id)
    entries: list[SummaryEntry] = []
    missing: list[str] = []
    without_file: list[str] = []
    for sub in data.submissions:  # already in the units' official order
        if sub.item != item or sub.status == SubmissionStatus.EXEMPT:
            continue
        name = units[sub.unit_id].name
        versions = held.get(sub.id or -1)
        if versions:
            latest = versions[-1]
            entries.append(SummaryEntry(name, latest, archive.verified_content(latest)))
        elif sub.status in ARRIVED:
            without_file.append(name)
        else:
            missing.append(name)
    campaign = data.campaign
    return SummaryBook(book_title(campaign.year), campaign.issuer + COMPILING_OFFICE_SUFFIX,
                       deadline(campaign), tuple(entries), tuple(missing), tuple(without_file))
