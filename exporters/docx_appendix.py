"""The attachment: both activity tables on A4 landscape pages, alone or inside the notice."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from docx.document import Document

from exporters import docx_xml as dx
from exporters.atomic import write_atomically
from exporters.column_widths import (
    MEASURES,
    column_widths,
    line_count,
    lines_upper,
    widest_em,
)
from exporters.docx_draft import WordDraft
from exporters.docx_package import finish_package
from exporters.docx_template import new_document
from exporters.output_checks import check_docx
from exporters.table_rows import keep_with_next
from models.entities import CampaignData, Level
from models.layout import LEVEL_SUBTITLES, columns_of, table_cells

TITLE_PT = 22                  # 2号, as the notice's title (GB/T 9704 7.3.7)
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


EM = TABLE_PT * 20              # twips per em of the table font
PAD_EM = 2 * CELL_MARGIN / EM


def twips_widths(headers: Sequence[str], rows: Sequence[Sequence[tuple[str, int]]],
                 dates: Sequence[bool], total: int) -> list[int]:
    """Column widths in twips from the content (exporters.column_widths), adding up to total."""
    texts = [[text if span else "" for text, span in row] for row in rows]
    ems = column_widths(headers, texts, total / EM, PAD_EM, dates, MEASURES)
    out = [round(w * EM) for w in ems]
    out[out.index(max(out))] += total - sum(out)
    return out


def _inner_ems(widths: Sequence[int]) -> list[float]:
    """The width inside each column's margins, in ems of the table font."""
    return [(width - 2 * CELL_MARGIN) / EM for width in widths]


def heights_upper(rows: Sequence[Sequence[tuple[str, int]]], widths: Sequence[int]) -> list[int]:
    """Per row, a height no lower than its own, without filling lines atom by atom (each
    column's distinct texts counted once)."""
    columns = []
    for index, inner in enumerate(_inner_ems(widths)):
        texts = [row[index][0] for row in rows]
        lines = {text: lines_upper(text, inner, widest_em) for text in set(texts)}
        columns.append(map(lines.__getitem__, texts))
    return [max(1, *tallest) * TABLE_LINE + 60 for tallest in zip(*columns, strict=True)]


def row_height_twips(row: Sequence[tuple[str, int]], widths: Sequence[int]) -> int:
    """Estimated height of a table row: its tallest cell's wrapped lines."""
    lines = max(line_count(text, inner, widest_em)
                for (text, _span), inner in zip(row, _inner_ems(widths), strict=True))
    return max(lines, 1) * TABLE_LINE + 60


def table_block(data: CampaignData, level: Level, width: int, page_height: int) -> str:
    """One level's table as XML: header, merged groups, rows taller than a page may split."""
    columns = columns_of(level)
    rows = table_cells(data.by_level(level), level)
    widths = twips_widths([c.header for c in columns], rows,
                          [c.dates for c in columns], width)
    limit = page_height - 2 * TABLE_LINE
    # Cheap upper bounds decide almost every row; the line-by-line estimate only the rest.
    upper = heights_upper(rows, widths)
    splittable = [bound > limit and row_height_twips(row, widths) > limit
                  for bound, row in zip(upper, rows, strict=True)]
    keep = keep_with_next(rows, upper.__getitem__, limit,
                          lambda i: row_height_twips(rows[i], widths))
    aligns = ["center" if c.centred else "left" for c in columns]
    return dx.table_xml(widths, [c.header for c in columns], rows, TABLE_STYLE, aligns,
                        splittable, keep)


def heading_block(title: str, subtitle: str, *, new_page: bool) -> list[str]:
    """The attachment title (小标宋, centred) and the （市级）/（区级） line under it."""
    title_xml = dx.paragraph_xml(
        title, dx.rpr_xml(dx.XIAOBIAOSONG, TITLE_PT),
        dx.ppr_xml(align="center", line=640, page_break_before=new_page, keep_next=True))
    subtitle_xml = dx.paragraph_xml(subtitle, dx.rpr_xml(dx.KAITI, 16),
                                    dx.ppr_xml(align="center", keep_next=True))
    return [title_xml, subtitle_xml, blank_line_xml(keep_next=True, line=240)]


def blank_line_xml(*, keep_next: bool = False, line: int = dx.BODY_LINE) -> str:
    """An empty paragraph of the given exact height."""
    return f"<w:p>{dx.ppr_xml(line=line, keep_next=keep_next)}</w:p>"


def append_attachment(draft: WordDraft, data: CampaignData, label: str = "附件") -> None:
    """Append the attachment (label, title, both tables) to the current landscape section."""
    add_table_styles(draft.document)
    width = dx.text_width_twips(landscape=True)
    height = dx.text_height_twips(landscape=True)
    title = data.campaign.attachment_title
    blocks = [dx.paragraph_xml(label, dx.rpr_xml(dx.HEITI, 16), dx.ppr_xml(keep_next=True)),
              blank_line_xml(keep_next=True)]
    for index, level in enumerate((Level.MUNICIPAL, Level.DISTRICT)):
        blocks.extend(heading_block(title, LEVEL_SUBTITLES[level], new_page=index > 0))
        blocks.append(table_block(data, level, width, height))
    draft.append(blocks)


def attachment_document(data: CampaignData) -> WordDraft:
    """A new document holding only the attachment, numbered from page 1."""
    draft = WordDraft(new_document())
    document = draft.document
    dx.prepare_document(document)
    section = document.sections[0]
    dx.set_geometry(section, landscape=True)
    dx.set_turned_page_number_footers(section)
    append_attachment(draft, data)
    finish_package(document, data.campaign.attachment_title or data.campaign.title.replace("\n", ""),
                   data.campaign.issuer)
    return draft


def export_appendix(data: CampaignData, path: Path | str) -> None:
    """Write the attachment alone as a .docx, whole or not at all."""
    write_atomically(path, attachment_document(data).to_bytes(), check_docx)
