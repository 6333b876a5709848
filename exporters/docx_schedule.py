"""The campaign schedule as a Word document: A4 portrait, one table per day, official fonts."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from exporters import docx_xml as dx
from exporters.atomic import write_atomically
from exporters.docx_appendix import (
    TABLE_STYLE,
    TITLE_PT,
    add_table_styles,
    blank_line_xml,
    twips_widths,
)
from exporters.docx_draft import WordDraft
from exporters.docx_package import finish_package
from exporters.docx_template import new_document
from exporters.output_checks import check_docx
from exporters.schedule import (
    HEADERS,
    NO_ACTIVITY,
    UNPLACED_TITLE,
    UNREAD_HEADERS,
    Schedule,
    build_schedule,
    day_heading,
    day_rows,
    title,
    unplaced_cells,
    window_line,
)
from models.entities import CampaignData

ALIGNS = ("left", "left", "center", "left")
DATES = (False, False, True, False)


def _cells(rows: Sequence[Sequence[str]]) -> list[list[tuple[str, int]]]:
    """Plain rows as table cells (no merges)."""
    return [[(text, 1) for text in row] for row in rows]


def schedule_blocks(schedule: Schedule, width: int) -> list[str]:
    """Title, the window, a captioned table per day, and the activities with no day."""
    all_rows = [row for day in schedule.days for row in day_rows(day)]
    all_rows += [unplaced_cells(item) for item in schedule.unplaced]
    widths = twips_widths(HEADERS, _cells(all_rows), DATES, width)
    blocks = [
        dx.paragraph_xml("\n".join(schedule.title_lines), dx.rpr_xml(dx.XIAOBIAOSONG, TITLE_PT),
                         dx.ppr_xml(align="center", line=700, keep_next=True)),
        dx.paragraph_xml(window_line(schedule), dx.rpr_xml(dx.KAITI, 16),
                         dx.ppr_xml(align="center", keep_next=True)),
        blank_line_xml(line=240),
    ]
    for day in schedule.days:
        rows = day_rows(day)
        heading = day_heading(day.day)
        if not rows:
            blocks.append(dx.paragraph_xml(f"{heading}　{NO_ACTIVITY}", dx.rpr_xml(dx.HEITI, 12),
                                           dx.ppr_xml(line=340, snap=False)))
        else:
            caption = f"{heading}　共 {len(rows)} 项"
            blocks.append(dx.table_xml(widths, HEADERS, _cells(rows), TABLE_STYLE, ALIGNS,
                                       caption=caption))
        blocks.append(blank_line_xml(line=240))
    if schedule.unplaced:
        rows = [unplaced_cells(item) for item in schedule.unplaced]
        blocks.append(dx.table_xml(widths, UNREAD_HEADERS, _cells(rows), TABLE_STYLE, ALIGNS,
                                   caption=UNPLACED_TITLE))
    return blocks


def schedule_document(data: CampaignData) -> WordDraft:
    """The schedule as a Word document."""
    schedule = build_schedule(data)
    draft = WordDraft(new_document())
    document = draft.document
    dx.prepare_document(document)
    section = document.sections[0]
    dx.set_geometry(section, landscape=False)
    dx.set_page_number_footers(section)
    add_table_styles(document)
    draft.append(schedule_blocks(schedule, dx.text_width_twips(landscape=False)))
    finish_package(document, title(schedule), data.campaign.issuer)
    return draft


def export_schedule(data: CampaignData, path: Path | str) -> None:
    """Write the schedule as a .docx, whole or not at all."""
    write_atomically(path, schedule_document(data).to_bytes(), check_docx)
