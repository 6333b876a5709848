"""The attachment: both activity tables on A4 landscape pages, alone or inside the notice."""
from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from docx import Document as new_document
from docx.document import Document

from exporters import docx_xml as dx
from exporters.atomic import atomic_output
from models.entities import CampaignData, Level
from models.layout import LEVEL_SUBTITLES, Column, columns_of, table_cells

TABLE_PT = 12                  # 小四: readable, and wide tables keep to a few pages
TABLE_LINE = 340               # twips: 17 pt exact line spacing in cells
CELL_MARGIN = 80               # twips each side
TABLE_STYLE = dx.TableStyle(header_style="TableHeader", body_style="TableBody",
                            header_font=dx.HEITI, body_font=dx.FANGSONG, cell_margin=CELL_MARGIN)


def add_table_styles(document: Document) -> None:
    """The cell paragraph styles: exact line spacing, off the document grid, 小四 黑体/仿宋."""
    ppr = dx.ppr_xml(line=TABLE_LINE, snap=False)
    for style_id, name, font in (("TableHeader", "表格表头", dx.HEITI),
                                 ("TableBody", "表格正文", dx.FANGSONG)):
        dx.add_paragraph_style(document, style_id, name, ppr, dx.rpr_xml(font, TABLE_PT))


def column_widths(columns: Sequence[Column], total: int) -> list[int]:
    """Twip widths proportioned by weight, each wide enough for its header on one line."""
    char = TABLE_PT * 20
    minimum = [len(c.header) * char + 2 * CELL_MARGIN + 40 for c in columns]
    widths = [max(m, total * c.weight) for m, c in zip(minimum, columns, strict=True)]
    fixed = sum(w for w, m in zip(widths, minimum, strict=True) if w == m)
    flexible = sum(w for w, m in zip(widths, minimum, strict=True) if w != m)
    scale = (total - fixed) / flexible if flexible else 1.0
    out = [round(w if w == m else w * scale) for w, m in zip(widths, minimum, strict=True)]
    out[-1] += total - sum(out)
    return out


def row_height_twips(row: Sequence[tuple[str, int]], widths: Sequence[int]) -> int:
    """Estimated height of a table row: its tallest cell's wrapped lines."""
    char = TABLE_PT * 20
    lines = 1
    for (text, _span), width in zip(row, widths, strict=True):
        per_line = max(1, (width - 2 * CELL_MARGIN) // char)
        lines = max(lines, sum(max(1, math.ceil(len(part) / per_line))   # ≥ true width
                               for part in text.split("\n")))
    return lines * TABLE_LINE + 60


def table_block(data: CampaignData, level: Level, width: int, page_height: int) -> str:
    """One level's table as XML: header, merged groups, rows taller than a page may split."""
    columns = columns_of(level)
    widths = column_widths(columns, width)
    rows = table_cells(data.by_level(level), level)
    limit = page_height - 2 * TABLE_LINE
    # A row whose every character wrapped onto a line of its own would still fit is kept
    # whole without estimating its height: almost every row, at a fraction of the cost.
    safe_lines = (limit - 60) // TABLE_LINE
    splittable = [sum(len(text) + 1 for text, _span in row) > safe_lines
                  and row_height_twips(row, widths) > limit for row in rows]
    aligns = ["center" if c.centred else "left" for c in columns]
    return dx.table_xml(widths, [c.header for c in columns], rows, TABLE_STYLE, aligns,
                        splittable)


def heading_block(title: str, subtitle: str, *, new_page: bool) -> list[str]:
    """The attachment title (小标宋, centred) and the （市级）/（区级） line under it."""
    title_xml = dx.paragraph_xml(
        title, dx.rpr_xml(dx.XIAOBIAOSONG, 20),
        dx.ppr_xml(align="center", line=640, page_break_before=new_page, keep_next=True))
    subtitle_xml = dx.paragraph_xml(subtitle, dx.rpr_xml(dx.KAITI, 16),
                                    dx.ppr_xml(align="center", keep_next=True))
    return [title_xml, subtitle_xml, blank_line_xml(keep_next=True, line=240)]


def blank_line_xml(*, keep_next: bool = False, line: int = dx.BODY_LINE) -> str:
    """An empty paragraph of the given exact height."""
    return f"<w:p>{dx.ppr_xml(line=line, keep_next=keep_next)}</w:p>"


def append_attachment(document: Document, data: CampaignData, label: str = "附件") -> None:
    """Append the attachment (label, title, both tables) to the current landscape section."""
    add_table_styles(document)
    width = dx.text_width_twips(landscape=True)
    height = dx.text_height_twips(landscape=True)
    title = data.campaign.attachment_title
    blocks = [dx.paragraph_xml(label, dx.rpr_xml(dx.HEITI, 16), dx.ppr_xml(keep_next=True)),
              blank_line_xml(keep_next=True)]
    for index, level in enumerate((Level.MUNICIPAL, Level.DISTRICT)):
        blocks.extend(heading_block(title, LEVEL_SUBTITLES[level], new_page=index > 0))
        blocks.append(table_block(data, level, width, height))
    dx.append_blocks(document, blocks)


def attachment_document(data: CampaignData) -> Document:
    """A new document holding only the attachment, numbered from page 1."""
    document = new_document()
    dx.prepare_document(document)
    section = document.sections[0]
    dx.set_geometry(section, landscape=True)
    dx.set_page_number_footers(section)
    append_attachment(document, data)
    return document


def export_appendix(data: CampaignData, path: Path | str) -> None:
    """Write the attachment alone as a .docx, whole or not at all."""
    document = attachment_document(data)
    with atomic_output(path) as tmp:
        document.save(str(tmp))
