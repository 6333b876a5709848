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
    row_height_twips,
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
from exporters.table_rows import page_segments
from models.entities import CampaignData

ALIGNS = ("left", "left", "center", "left")
DATES = (False, False, True, False)


def _cells(rows: Sequence[Sequence[str]]) -> list[list[tuple[str, int]]]:
    """Plain rows as table cells (no merges)."""
    return [[(text, 1) for text in row] for row in rows]


CONTINUED = "（续）"
PAGE_SAFETY = 0.97
"""Share of the text block the estimated heights may fill: cell borders are not counted."""
TITLE_LINE = 700
GAP_LINE = 240
DAY_LINE = 340


def day_tables(heading: str, rows: Sequence[Sequence[str]], widths: Sequence[int],
               used: float, page: float) -> tuple[list[str], float]:
    """A day's table, cut where a page ends into parts whose repeated caption says （续）;
    the blocks, and how much of the last page they leave used."""
    cells = _cells(rows)
    head = 2 * row_height_twips([("", 1)] * len(widths), widths)
    parts, used = page_segments([row_height_twips(row, widths) for row in cells], head,
                                used, page)
    caption = f"{heading}　共 {len(rows)} 项"
    blocks = []
    for index, (first, end) in enumerate(parts):
        if index:
            blocks.append(f"<w:p>{dx.ppr_xml(line=20, page_break_before=True)}</w:p>")
        blocks.append(dx.table_xml(widths, HEADERS, cells[first:end], TABLE_STYLE, ALIGNS,
                                   caption=caption + (CONTINUED if index else "")))
    return blocks, used


def schedule_blocks(schedule: Schedule, width: int) -> list[str]:
    """Title, the window, a captioned table per day (its parts on later pages marked （续）),
    and the activities with no day."""
    all_rows = [row for day in schedule.days for row in day_rows(day)]
    all_rows += [unplaced_cells(item) for item in schedule.unplaced]
    widths = twips_widths(HEADERS, _cells(all_rows), DATES, width)
    blocks = [
        dx.paragraph_xml("\n".join(schedule.title_lines), dx.rpr_xml(dx.XIAOBIAOSONG, TITLE_PT),
                         dx.ppr_xml(align="center", line=TITLE_LINE, keep_next=True)),
        dx.paragraph_xml(window_line(schedule), dx.rpr_xml(dx.KAITI, 16),
                         dx.ppr_xml(align="center", keep_next=True)),
        blank_line_xml(line=GAP_LINE),
    ]
    page = dx.text_height_twips(landscape=False) * PAGE_SAFETY
    used = float(len(schedule.title_lines) * TITLE_LINE + dx.BODY_LINE + GAP_LINE)
    for day in schedule.days:
        rows = day_rows(day)
        heading = day_heading(day.day)
        if not rows:
            blocks.append(dx.paragraph_xml(f"{heading}　{NO_ACTIVITY}", dx.rpr_xml(dx.HEITI, 12),
                                           dx.ppr_xml(line=DAY_LINE, snap=False)))
            used = DAY_LINE if used + DAY_LINE > page else used + DAY_LINE
        else:
            tables, used = day_tables(heading, rows, widths, used, page)
            blocks.extend(tables)
        blocks.append(blank_line_xml(line=GAP_LINE))
        used += GAP_LINE
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
